#!/usr/bin/env python3
"""A line-relay chat server on Tornado's TCPServer (Debian: python3-tornado).

Every complete line a client sends is written, unchanged, to every other connected client.
Usage: chat_tornado.py --port N [--host 127.0.0.1]
"""
import argparse
import asyncio

from tornado.iostream import StreamClosedError
from tornado.tcpserver import TCPServer

clients = set()


class ChatServer(TCPServer):
    async def handle_stream(self, stream, address):
        # Small lines must leave at once: without TCP_NODELAY, Nagle's algorithm holds them until
        # the client's delayed ACK (up to 40 ms). asyncio sets it by default; Tornado does not.
        stream.set_nodelay(True)
        clients.add(stream)
        try:
            while True:
                line = await stream.read_until(b"\n", max_bytes=1 << 20)
                for other in list(clients):
                    if other is not stream and not other.closed():
                        other.write(line)
        except StreamClosedError:
            pass
        finally:
            clients.discard(stream)


async def serve(host, port):
    server = ChatServer()
    server.listen(port, address=host, backlog=4096)
    print(f"tornado chat listening on {host}:{port}", flush=True)
    await asyncio.Event().wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    asyncio.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
