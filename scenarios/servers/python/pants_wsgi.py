#!/usr/bin/env python2.7
"""wsgi on Pants 1.0.1's WSGI container (pants.web.WSGIConnector on pants.http.HTTPServer; Python 2.7).

As the seed's wsgi_pants.py (whose WSGIConnector lived in pants.contrib.wsgi in Pants 0.10),
serving pants_common.wsgi_app, the same application as common.wsgi_app.
"""
import pants
from pants.http import HTTPServer
from pants.web import WSGIConnector

import pants_common

a = pants_common.args(__doc__.splitlines()[0])
HTTPServer(WSGIConnector(pants_common.wsgi_app)).listen((a.host, a.port), backlog=4096)
pants_common.listening("pants wsgi", a)
pants.Engine.instance().start()
