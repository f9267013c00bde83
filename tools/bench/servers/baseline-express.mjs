#!/usr/bin/env node
// Baseline: a bare Express 5 route answering the photos path with the same JSON bytes.
import express from 'express';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2]);
const app = express();
app.get('/v1/sessions/:session_key/photos', (req, res) => {
  res.type('application/json').send(body);
});
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
