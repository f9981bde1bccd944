#!/usr/bin/env python3
"""wsgi on the standard library's wsgiref (one thread, HTTP/1.0: a connection per request)."""
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import common


class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Server(WSGIServer):
    request_queue_size = 4096


a = common.args(__doc__.splitlines()[0])
httpd = make_server(a.host, a.port, common.wsgi_app, server_class=Server, handler_class=Quiet)
common.listening("wsgiref wsgi", a)
httpd.serve_forever()
