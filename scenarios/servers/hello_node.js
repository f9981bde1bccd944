#!/usr/bin/env node
// HTTP/1.1 "Hello, World!" on Node.js's built-in http module (no packages).
// Usage: node hello_node.js --port N [--host 127.0.0.1]
'use strict';
const http = require('http');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('--port'));
const host = arg('--host', '127.0.0.1');
if (!Number.isInteger(port)) {
  console.error('usage: node hello_node.js --port N [--host 127.0.0.1]');
  process.exit(2);
}
const body = 'Hello, World!';
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 65000;
server.listen({ port, host, backlog: 4096 }, () => console.log(`node hello listening on ${host}:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
