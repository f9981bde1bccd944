#!/usr/bin/env python3
"""wsgi on eventlet's WSGI server (eventlet.wsgi), serving common.wsgi_app."""
import eventlet
import eventlet.wsgi

import common

a = common.args(__doc__.splitlines()[0])
sock = eventlet.listen((a.host, a.port), backlog=4096)
common.listening("eventlet wsgi", a)
eventlet.wsgi.server(sock, common.wsgi_app, log_output=False, max_size=100000)
