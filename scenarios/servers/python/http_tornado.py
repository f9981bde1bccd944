#!/usr/bin/env python3
"""http on Tornado's own HTTP server, the bare HTTPServer with a plain request callback (the seed's).

The seed's script (2011, Tornado 2) was `HTTPServer(request_handler)` with a callback that did
`request.write(RESPONSE)` and `request.finish()`, RESPONSE being the raw bytes
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789": no tornado.web, no routing, no
headers but Content-Length.

What Tornado 6.2 (Debian's python3-tornado) offers, and the choice made here:
- `HTTPServer` still takes a plain callable "for backwards compatibility" (its docstring): it wraps
  it in `_CallableAdapter`, an `HTTPMessageDelegate` that builds an `HTTPServerRequest` per request,
  collects the body and calls the callback. So the seed's shape, `HTTPServer(callback)`, is kept.
- `HTTPServerRequest.write` and `.finish` were removed in Tornado 6.0. In Tornado 2 to 5 they only
  forwarded to the request's connection, `request.connection.write(chunk)` and
  `request.connection.finish()`; the callback calls those two directly. `HTTP1Connection.write`
  still accepts a pre-encoded header block ("allowed but deprecated to skip write_headers", its
  docstring), so the bytes on the wire are the seed's raw response, unchanged.
- Not chosen: an `HTTPServerConnectionDelegate`/`HTTPMessageDelegate` pair of our own. It is the
  non-deprecated interface, but it would skip the `HTTPServerRequest` that the seed's server built
  for every request, so it would measure less than the seed's server did; `_CallableAdapter` is
  exactly that pair, supplied by Tornado for plain callbacks.
"""
import asyncio

from tornado.httpserver import HTTPServer

import common


def request_handler(request):
    """The seed's callback: the raw response, whatever the request (the benchmark asks for "/")."""
    request.connection.write(common.FAKE_RESPONSE)
    request.connection.finish()


async def main(a):
    HTTPServer(request_handler).listen(a.port, address=a.host, backlog=4096)
    common.listening("tornado http", a)
    await asyncio.Event().wait()


asyncio.run(main(common.args(__doc__.splitlines()[0])))
