#!/usr/bin/env python3
"""A line-relay chat server on asyncio's Protocol API (Python's standard library only).

Every complete line a client sends is written, unchanged, to every other connected client.
Usage: chat_asyncio.py --port N [--host 127.0.0.1]
"""
import argparse
import asyncio

clients = set()


class Chat(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.pending = b""
        clients.add(self)

    def data_received(self, data):
        data = self.pending + data
        end = data.rfind(b"\n")
        if end < 0:
            self.pending = data
            return
        lines, self.pending = data[:end + 1], data[end + 1:]
        for other in clients:
            if other is not self:
                other.transport.write(lines)

    def connection_lost(self, exc):
        clients.discard(self)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(Chat, args.host, args.port, backlog=4096))
    print(f"asyncio chat listening on {args.host}:{args.port}", flush=True)
    try:
        loop.run_until_complete(server.serve_forever())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
