package org.mangonel.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRequestEncoderTest {
    private static String encode(String method, String target, List<HttpRequestEncoder.Header> headers, String body,
                                 boolean keepalive) {
        return new String(HttpRequestEncoder.encode(method, target, "127.0.0.1:8080", headers,
                body.getBytes(StandardCharsets.UTF_8), keepalive, "mangonel/test"), StandardCharsets.UTF_8);
    }

    @Test
    void getWithDefaults() {
        assertEquals("GET /a?b=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: mangonel/test\r\n\r\n",
                encode("GET", "/a?b=1", List.of(), "", true));
    }

    @Test
    void postWithBodyHeadersAndClose() {
        assertEquals("POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: mangonel/test\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 8\r\nConnection: close\r\n\r\n{\"a\":1}\n",
                encode("POST", "/", List.of(new HttpRequestEncoder.Header("Content-Type", "application/json")),
                        "{\"a\":1}\n", false));
    }

    @Test
    void userHostAndAgentReplaceTheDefaults() {
        assertEquals("GET / HTTP/1.1\r\nhost: example\r\nuser-agent: x\r\n\r\n",
                encode("GET", "/", List.of(new HttpRequestEncoder.Header("host", "example"),
                        new HttpRequestEncoder.Header("user-agent", "x")), "", true));
    }

    @Test
    void emptyPostStillSaysItsLength() {
        assertEquals("POST / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: mangonel/test\r\nContent-Length: 0\r\n\r\n",
                encode("POST", "/", List.of(), "", true));
    }
}
