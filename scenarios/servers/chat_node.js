#!/usr/bin/env node
// A line-relay chat server on Node.js's net module (no packages): every complete line a client
// sends is written, unchanged, to every other connected client.
// Usage: node chat_node.js --port N [--host 127.0.0.1]
'use strict';
const net = require('net');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('--port'));
const host = arg('--host', '127.0.0.1');
if (!Number.isInteger(port)) {
  console.error('usage: node chat_node.js --port N [--host 127.0.0.1]');
  process.exit(2);
}
const clients = new Set();
const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  clients.add(socket);
  let pending = Buffer.alloc(0);
  socket.on('data', (data) => {
    const all = pending.length ? Buffer.concat([pending, data]) : data;
    const end = all.lastIndexOf(10);
    if (end < 0) {
      pending = all;
      return;
    }
    const lines = all.subarray(0, end + 1);
    pending = Buffer.from(all.subarray(end + 1));
    for (const other of clients) {
      if (other !== socket) other.write(lines);
    }
  });
  socket.on('close', () => clients.delete(socket));
  socket.on('error', () => clients.delete(socket));
});
server.listen({ port, host, backlog: 4096 }, () => console.log(`node chat listening on ${host}:${port}`));
process.on('SIGTERM', () => process.exit(0));
