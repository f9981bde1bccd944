#!/usr/bin/env python3
"""http on Twisted's own HTTP server (twisted.web): GET / answers "0123456789"."""
from twisted.internet import reactor
from twisted.web import resource, server

import common


class Hello(resource.Resource):
    isLeaf = True

    def render_GET(self, request):
        request.setHeader(b"content-type", b"text/plain")
        return common.SMALL_BODY


a = common.args(__doc__.splitlines()[0])
site = server.Site(Hello())
site.noisy = False
reactor.listenTCP(a.port, site, backlog=4096, interface=a.host)
common.listening("twisted http", a)
reactor.run()
