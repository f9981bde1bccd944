#!/usr/bin/env python3
"""fake-http on gevent's StreamServer: one greenlet per connection.

Answers every request (bytes up to a blank line) with the fixed response of the seed,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" (common.FAKE_RESPONSE).
"""
from gevent.server import StreamServer

import common


def handle(sock, address):
    pending = b""
    while True:
        data = sock.recv(65536)
        if not data:
            return
        pending += data
        count = pending.count(b"\r\n\r\n")
        if count:
            pending = pending[pending.rfind(b"\r\n\r\n") + 4:]
            sock.sendall(common.FAKE_RESPONSE * count)


a = common.args(__doc__.splitlines()[0])
server = StreamServer((a.host, a.port), handle, backlog=4096)
common.listening("gevent fake-http", a)
server.serve_forever()
