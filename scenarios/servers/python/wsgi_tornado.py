#!/usr/bin/env python3
"""wsgi on Tornado's WSGI container (tornado.wsgi.WSGIContainer), serving common.wsgi_app."""
import asyncio

from tornado.httpserver import HTTPServer
from tornado.wsgi import WSGIContainer

import common


async def main(a):
    HTTPServer(WSGIContainer(common.wsgi_app)).listen(a.port, address=a.host, backlog=4096)
    common.listening("tornado wsgi", a)
    await asyncio.Event().wait()


asyncio.run(main(common.args(__doc__.splitlines()[0])))
