#!/usr/bin/env python3
"""fake-http on Twisted's Protocol (no HTTP layer).

Answers every request (bytes up to a blank line) with the fixed response of the seed,
"HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\n0123456789" (common.FAKE_RESPONSE).
"""
from twisted.internet import protocol, reactor

import common


class Handler(protocol.Protocol):
    pending = b""

    def dataReceived(self, data):
        self.pending += data
        count = self.pending.count(b"\r\n\r\n")
        if count:
            self.pending = self.pending[self.pending.rfind(b"\r\n\r\n") + 4:]
            self.transport.write(common.FAKE_RESPONSE * count)


a = common.args(__doc__.splitlines()[0])
reactor.listenTCP(a.port, protocol.Factory.forProtocol(Handler), backlog=4096, interface=a.host)
common.listening("twisted fake-http", a)
reactor.run()
