#!/usr/bin/env python3
"""fake-http on asyncio's Protocol API (standard library), the modern replacement for asyncore.

Answers every request (bytes up to a blank line) with the fixed response of the seed,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" (common.FAKE_RESPONSE).
"""
import asyncio

import common


class Handler(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.pending = b""

    def data_received(self, data):
        self.pending += data
        count = self.pending.count(b"\r\n\r\n")
        if count:
            self.pending = self.pending[self.pending.rfind(b"\r\n\r\n") + 4:]
            self.transport.write(common.FAKE_RESPONSE * count)


async def main(a):
    server = await asyncio.get_running_loop().create_server(Handler, a.host, a.port, backlog=4096)
    common.listening("asyncio fake-http", a)
    await server.serve_forever()


asyncio.run(main(common.args(__doc__.splitlines()[0])))
