#!/usr/bin/env python3
"""wsgi on Twisted's WSGI container (twisted.web.wsgi, a thread pool), serving common.wsgi_app."""
from twisted.internet import reactor
from twisted.web import server
from twisted.web.wsgi import WSGIResource

import common

a = common.args(__doc__.splitlines()[0])
site = server.Site(WSGIResource(reactor, reactor.getThreadPool(), common.wsgi_app))
site.noisy = False
reactor.listenTCP(a.port, site, backlog=4096, interface=a.host)
common.listening("twisted wsgi", a)
reactor.run()
