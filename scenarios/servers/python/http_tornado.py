#!/usr/bin/env python3
"""http on Tornado's own HTTP server (tornado.web): GET / answers "0123456789"."""
import asyncio

import tornado.web

import common


class Hello(tornado.web.RequestHandler):
    def get(self):
        self.write(common.SMALL_BODY)


async def main(a):
    app = tornado.web.Application([(r"/", Hello)])
    app.listen(a.port, address=a.host, backlog=4096)
    common.listening("tornado http", a)
    await asyncio.Event().wait()


asyncio.run(main(common.args(__doc__.splitlines()[0])))
