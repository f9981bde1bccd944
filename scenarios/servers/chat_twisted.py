#!/usr/bin/env python3
"""A line-relay chat server on Twisted (Debian: python3-twisted).

Every complete line a client sends is written, unchanged, to every other connected client.
Usage: chat_twisted.py --port N [--host 127.0.0.1]
"""
import argparse

from twisted.internet import protocol, reactor


class Chat(protocol.Protocol):
    def connectionMade(self):
        # Small lines must leave at once: without TCP_NODELAY, Nagle's algorithm holds them until
        # the client's delayed ACK (up to 40 ms). asyncio sets it by default; Twisted does not.
        self.transport.setTcpNoDelay(True)
        self.pending = b""
        self.factory.clients.add(self)

    def dataReceived(self, data):
        data = self.pending + data
        end = data.rfind(b"\n")
        if end < 0:
            self.pending = data
            return
        lines, self.pending = data[:end + 1], data[end + 1:]
        for other in self.factory.clients:
            if other is not self:
                other.transport.write(lines)

    def connectionLost(self, reason):
        self.factory.clients.discard(self)


class ChatFactory(protocol.Factory):
    protocol = Chat

    def __init__(self):
        self.clients = set()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    reactor.listenTCP(args.port, ChatFactory(), backlog=4096, interface=args.host)
    print(f"twisted chat listening on {args.host}:{args.port}", flush=True)
    reactor.run()


if __name__ == "__main__":
    main()
