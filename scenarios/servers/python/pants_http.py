#!/usr/bin/env python2.7
"""http on Pants 1.0.1's own HTTP server (pants.http.HTTPServer; Python 2.7): a raw response.

As the seed's http_pants.py: a plain request handler writes the raw response
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" and finishes the request (Pants 0.10's
`request.write` is `request.send` in 1.0.1).
"""
import pants
from pants.http import HTTPServer

import pants_common


def request_handler(request):
    request.send(pants_common.RESPONSE)
    request.finish()


a = pants_common.args(__doc__.splitlines()[0])
HTTPServer(request_handler).listen((a.host, a.port), backlog=4096)
pants_common.listening("pants http", a)
pants.Engine.instance().start()
