"""What every Python 3 server of python-frameworks.yaml shares: its command line, the body and the
fake-http response (the Pants servers, Python 2, cannot import this file and repeat them)."""
import argparse

# http and wsgi: ten bytes.
SMALL_BODY = b"0123456789"
# fake-http: the seed's final scripts answer every request with exactly these bytes, a status line,
# Content-Length and the same ten bytes, no other header (for one day in 2011 the body was
# "Hello, World!" x 512, then "0123456789" x 2048; the page's figures fit these ten bytes only).
# The seed's Tornado HTTP callback writes the same raw bytes (http_tornado.py).
FAKE_RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"


def args(description):
    """--port N (required) and --host (default 127.0.0.1)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    return parser.parse_args()


def listening(name, a):
    print(f"{name} listening on {a.host}:{a.port}", flush=True)


def wsgi_app(environ, start_response):
    """The one WSGI application every WSGI container serves."""
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(SMALL_BODY)))])
    return [SMALL_BODY]
