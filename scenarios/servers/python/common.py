"""What every server of python-frameworks.yaml shares: its command line, and the two bodies."""
import argparse

# fake-http: "Hello, World!" 512 times (6,656 bytes), as in the seed benchmark.
FAKE_BODY = b"Hello, World!" * 512
FAKE_RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                 + str(len(FAKE_BODY)).encode() + b"\r\n\r\n" + FAKE_BODY)
# http and wsgi: ten bytes.
SMALL_BODY = b"0123456789"


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
