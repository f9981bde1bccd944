#!/usr/bin/env python3
"""A WebSocket chat relay on Tornado's WebSocketHandler (Debian: python3-tornado).

Every text message a client sends goes, as a text message, to every other connected client;
binary messages are not relayed. No compression, no server pings.
Usage: /usr/bin/python3 ws_chat_tornado.py --port N [--host 127.0.0.1]
"""
import argparse
import asyncio
import signal

from tornado.httpserver import HTTPServer
from tornado.web import Application
from tornado.websocket import WebSocketClosedError, WebSocketHandler

clients = set()


class Relay(WebSocketHandler):
    def check_origin(self, origin):
        return True  # load clients come from anywhere (or send no Origin at all)

    def get_compression_options(self):
        return None  # no permessage-deflate

    def open(self, *args):
        # Small messages must leave at once: without TCP_NODELAY, Nagle's algorithm holds them
        # until the client's delayed ACK (up to 40 ms). Tornado does not set it by default.
        self.set_nodelay(True)
        clients.add(self)

    def on_message(self, message):
        if isinstance(message, bytes):
            return
        # write_message queues without waiting (its Future is not awaited): a slow client cannot
        # hold the others up.
        for other in list(clients):
            if other is not self:
                try:
                    other.write_message(message)
                except WebSocketClosedError:
                    clients.discard(other)

    def on_close(self):
        clients.discard(self)


async def serve(host, port):
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    app = Application([(r"/.*", Relay)], websocket_ping_interval=0)  # 0: no pings
    server = HTTPServer(app)
    server.listen(port, address=host, backlog=4096)
    print(f"tornado ws chat listening on {host}:{port}", flush=True)
    await stop.wait()
    server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
