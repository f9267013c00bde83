#!/usr/bin/env node
// Baseline: a bare node:http server-sent-events broadcaster. `GET /events` holds a stream; `POST /send` writes one
// event to every open stream, the same shape the API sends (`id:`, `event:`, `data:` of a stage change's size).
import { createServer } from 'node:http';

const streams = new Set();
let seq = 0;
const data = JSON.stringify({ event: 'SESSION:STAGE_CHANGE', session_key: 'BEN-0123456789', pad: 'x'.repeat(300) });
const server = createServer((req, res) => {
  if (req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': open\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  req.resume();
  seq += 1;
  const message = `id: ${seq}\nevent: SESSION:STAGE_CHANGE\ndata: ${data}\n\n`;
  for (const stream of streams) stream.write(message);
  res.writeHead(204).end();
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => {
  for (const stream of streams) stream.end();
  server.close(() => process.exit(0));
});
