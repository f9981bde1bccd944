#!/usr/bin/env python2.7
"""fake-http on Pants 1.0.1's Stream (Python 2.7; no HTTP layer).

Answers every request (bytes up to a blank line) with the seed's fixed response,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789", as the seed's fake_http_pants.py:
the stream's read_delimiter is the blank line, so on_read is called once per request.
"""
import pants

import pants_common


class FakeHTTP(pants.Stream):
    def on_connect(self):
        self.read_delimiter = b"\r\n\r\n"

    def on_read(self, data):
        self.write(pants_common.RESPONSE, flush=True)


a = pants_common.args(__doc__.splitlines()[0])
pants.Server(FakeHTTP).listen((a.host, a.port), backlog=4096)
pants_common.listening("pants fake-http", a)
pants.Engine.instance().start()
