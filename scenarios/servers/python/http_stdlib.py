#!/usr/bin/env python3
"""http on the standard library's http.server (a thread per connection): GET / answers "0123456789"."""
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import common


class Hello(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(common.SMALL_BODY)))
        self.end_headers()
        self.wfile.write(common.SMALL_BODY)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 4096


a = common.args(__doc__.splitlines()[0])
httpd = Server((a.host, a.port), Hello)
common.listening("http.server http", a)
httpd.serve_forever()
