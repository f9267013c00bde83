#!/usr/bin/env node
// `npm run images -- migrate --to s3://bucket/prefix | sweep [--after <name>]`: builds the API when its bundle is
// missing or older than its sources, then runs the bundled images CLI with the server's settings.
import { runApiCli } from './lib/run-api-cli.mjs';

runApiCli('images-cli', process.argv.slice(2));
