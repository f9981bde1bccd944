#!/usr/bin/env python3
"""fake-http on Tornado's TCPServer and IOStream (no HTTP layer).

Answers every request (bytes up to a blank line) with the fixed response of the seed,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" (common.FAKE_RESPONSE).
"""
import asyncio

from tornado.iostream import StreamClosedError
from tornado.tcpserver import TCPServer

import common


class Server(TCPServer):
    async def handle_stream(self, stream, address):
        try:
            while True:
                await stream.read_until(b"\r\n\r\n", max_bytes=65536)
                stream.write(common.FAKE_RESPONSE)
        except StreamClosedError:
            pass


async def main(a):
    Server().listen(a.port, address=a.host, backlog=4096)
    common.listening("tornado fake-http", a)
    await asyncio.Event().wait()


asyncio.run(main(common.args(__doc__.splitlines()[0])))
