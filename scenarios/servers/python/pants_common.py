"""What the three Pants servers share (Python 2.7: common.py, Python 3 only, cannot be imported).

Pants (https://github.com/ecdavis/pants) is the seed's own framework, Python 2 only, last released
as 1.0.1 in 2013. These servers are written for 1.0.1's API, read from that release's source (tag
pants-1.0.1 of the repository): `pants.Server`/`pants.Stream` with `read_delimiter` and `on_read`,
`pants.http.HTTPServer` with a request handler, `pants.web.WSGIConnector`, and
`pants.Engine.instance().start()`. The seed's scripts (2011) used Pants 0.10's names for the same
things (`Connection`, `pants.contrib.http`, `pants.contrib.wsgi`, the module-level `engine`).
Checked against Python 2.7.18 with that release's source on PYTHONPATH: each server answers as
its Python 3 counterparts do.
"""
import argparse
import sys

# The seed's raw response: status line, Content-Length and ten bytes, no other header. The fake-http
# server sends it for every request; the HTTP server's request handler writes it as is.
RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"


def args(description):
    """--port N (required) and --host (default 127.0.0.1), as common.args."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    return parser.parse_args()


def listening(name, a):
    sys.stdout.write("%s listening on %s:%d\n" % (name, a.host, a.port))
    sys.stdout.flush()


def wsgi_app(environ, start_response):
    """The one WSGI application, as common.wsgi_app (and the seed's wsgi_app.py)."""
    body = b"0123456789"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
