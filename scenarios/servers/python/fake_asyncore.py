#!/usr/bin/env python3
"""fake-http on asyncore/asynchat (standard library up to Python 3.11; removed in 3.12).

Answers every request (bytes up to a blank line) with the fixed response of the seed,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" (common.FAKE_RESPONSE).
"""
import asynchat
import asyncore
import socket

import common


class Handler(asynchat.async_chat):
    def __init__(self, sock):
        super().__init__(sock)
        self.set_terminator(b"\r\n\r\n")

    def collect_incoming_data(self, data):
        pass  # the request's content does not matter

    def found_terminator(self):
        self.push(common.FAKE_RESPONSE)


class Server(asyncore.dispatcher):
    def __init__(self, host, port):
        super().__init__()
        self.create_socket(socket.AF_INET, socket.SOCK_STREAM)
        self.set_reuse_addr()
        self.bind((host, port))
        self.listen(4096)

    def handle_accepted(self, sock, addr):
        Handler(sock)


a = common.args(__doc__.splitlines()[0])
Server(a.host, a.port)
common.listening("asyncore fake-http", a)
asyncore.loop(use_poll=True)
