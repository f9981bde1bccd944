package org.mangonel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mangonel.net.Failure;

class FailureWordsTest {
    @Test
    void aFailureInWordsNamesTheProtocolsHandshakeAndProtocolAndAddsItsDetail() {
        assertEquals("cannot connect", FailureWords.TLS.describe(Failure.CONNECT, null));
        assertEquals("TLS handshake failed: untrusted", FailureWords.TLS.describe(Failure.HANDSHAKE, "untrusted"));
        assertEquals("the server broke the protocol", FailureWords.TLS.describe(Failure.PROTOCOL, null));
        FailureWords ws = new FailureWords("handshake", "WebSocket protocol");
        assertEquals("handshake failed: 200 OK", ws.describe(Failure.HANDSHAKE, "200 OK"));
        assertEquals("the server broke the WebSocket protocol", ws.describe(Failure.PROTOCOL, null));
        assertEquals("the connection was reset", ws.describe(Failure.RESET, null));
        assertEquals("the connection was closed", ws.describe(Failure.CLOSED, null));
    }
}
