#!/usr/bin/env node
// `npm run accounts -- create <username> | list | revoke <api-key>`: builds the API when its bundle is missing or
// older than its sources, then runs the bundled accounts CLI against the configured storage.
import { runApiCli } from './lib/run-api-cli.mjs';

runApiCli('accounts-cli', process.argv.slice(2));
