#!/usr/bin/env python3
"""A line-relay chat server on eventlet's green threads (Debian: python3-eventlet).

One green thread per client reads lines and writes each, unchanged, to every other client.
Usage: chat_eventlet.py --port N [--host 127.0.0.1]
"""
import argparse
import socket

import eventlet

clients = set()


def handle(sock):
    # Small lines must leave at once: without TCP_NODELAY, Nagle's algorithm holds them until
    # the client's delayed ACK (up to 40 ms). asyncio sets it by default; eventlet does not.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    reader = sock.makefile("rb")
    clients.add(sock)
    try:
        for line in reader:
            for other in list(clients):
                if other is not sock:
                    try:
                        other.sendall(line)
                    except OSError:
                        clients.discard(other)
    finally:
        clients.discard(sock)
        sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    server = eventlet.listen((args.host, args.port), backlog=4096)
    print(f"eventlet chat listening on {args.host}:{args.port}", flush=True)
    pool = eventlet.GreenPool(100000)
    while True:
        sock, _ = server.accept()
        pool.spawn_n(handle, sock)


if __name__ == "__main__":
    main()
