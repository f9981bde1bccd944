#!/usr/bin/env node
// A WebSocket chat relay on Node.js with the `ws` package (Debian: node-ws, under
// /usr/share/nodejs): every text message a client sends goes, as a text message, to every other
// connected client. Binary messages are not relayed. No compression, no server pings.
// Usage: NODE_PATH=/usr/share/nodejs node ws_chat_node.js --port N [--host 127.0.0.1]
'use strict';
const { WebSocketServer, WebSocket } = require('ws');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(arg('--port'));
const host = arg('--host', '127.0.0.1');
if (!Number.isInteger(port)) {
  console.error('usage: node ws_chat_node.js --port N [--host 127.0.0.1]');
  process.exit(2);
}
// ws accepts the upgrade on any path, sets TCP_NODELAY and tracks its clients in wss.clients.
const wss = new WebSocketServer({ host, port, backlog: 4096, perMessageDeflate: false });
wss.on('connection', (socket) => {
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    // data is the message's bytes (a Buffer): sent on as text, not decoded and encoded again
    for (const other of wss.clients) {
      if (other !== socket && other.readyState === WebSocket.OPEN) other.send(data, { binary: false });
    }
  });
  socket.on('error', () => socket.terminate());
});
wss.on('listening', () => console.log(`node ws chat listening on ${host}:${port}`));
process.on('SIGTERM', () => process.exit(0));
