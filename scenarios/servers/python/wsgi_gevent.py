#!/usr/bin/env python3
"""wsgi on gevent's WSGI server (gevent.pywsgi), serving common.wsgi_app."""
from gevent.pywsgi import WSGIServer

import common

a = common.args(__doc__.splitlines()[0])
server = WSGIServer((a.host, a.port), common.wsgi_app, log=None, backlog=4096)
common.listening("gevent wsgi", a)
server.serve_forever()
