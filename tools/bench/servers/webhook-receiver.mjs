#!/usr/bin/env node
// A webhook receiver in its own process (so that its CPU is nobody else's): answers 204 to every POST and prints
// one line per request, `got <webhook-id or "-"> <epoch ms with fractions>`, as soon as the body has arrived.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    res.writeHead(204).end();
    process.stdout.write(`got ${req.headers['webhook-id'] ?? '-'} ${at.toFixed(3)}\n`);
  });
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
