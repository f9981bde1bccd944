#!/usr/bin/env python3
"""http on Tornado's web framework (tornado.web on its HTTPServer): GET / answers "0123456789".

An extra row, not the seed's: the seed's Tornado server is the bare HTTPServer (http_tornado.py).
This one adds what most Tornado applications use, routing and a RequestHandler, whose response also
carries Content-Type, Date, Server and Etag headers.
"""
import asyncio

import tornado.web

import common


class Hello(tornado.web.RequestHandler):
    def get(self):
        self.write(common.SMALL_BODY)


async def main(a):
    app = tornado.web.Application([(r"/", Hello)])
    app.listen(a.port, address=a.host, backlog=4096)
    common.listening("tornado.web http", a)
    await asyncio.Event().wait()


asyncio.run(main(common.args(__doc__.splitlines()[0])))
