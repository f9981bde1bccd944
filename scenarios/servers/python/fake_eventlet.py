#!/usr/bin/env python3
"""fake-http on eventlet's green sockets: one green thread per connection.

Answers every request (bytes up to a blank line) with the fixed response of the seed,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" (common.FAKE_RESPONSE).
"""
import eventlet

import common


def handle(sock, address):
    pending = b""
    with sock:
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
server = eventlet.listen((a.host, a.port), backlog=4096)
common.listening("eventlet fake-http", a)
eventlet.serve(server, handle, concurrency=100000)
