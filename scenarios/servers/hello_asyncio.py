#!/usr/bin/env python3
"""HTTP/1.1 "Hello, World!" on asyncio's Protocol API: Python's standard library only.

Answers every request (GET without a body) with 200 and "Hello, World!", keeps the connection
alive unless the client sends "Connection: close", and answers pipelined requests in one write.
Usage: hello_asyncio.py --port N [--host 127.0.0.1]
"""
import argparse
import asyncio

BODY = b"Hello, World!"
RESPONSE = (b"HTTP/1.1 200 OK\r\nServer: asyncio-hello\r\nContent-Type: text/plain\r\n"
            b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)


class Hello(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.pending = b""

    def data_received(self, data):
        self.pending += data
        answered = 0
        close = False
        while True:
            end = self.pending.find(b"\r\n\r\n")
            if end < 0:
                break
            head = self.pending[:end].lower()
            self.pending = self.pending[end + 4:]
            answered += 1
            if b"connection: close" in head:
                close = True
                break
        if answered:
            self.transport.write(RESPONSE * answered)
        if close:
            self.transport.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(Hello, args.host, args.port, backlog=4096))
    print(f"asyncio hello listening on {args.host}:{args.port}", flush=True)
    try:
        loop.run_until_complete(server.serve_forever())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
