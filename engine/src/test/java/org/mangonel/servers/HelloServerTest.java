package org.mangonel.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code engine serve hello} answers as HTTP/1.1 asks: a HEAD gets the headers without the body,
 * a request that asks to close gets {@code Connection: close} and then the end of the
 * connection, and pipelined requests get their answers in order.
 */
class HelloServerTest {
    private static final String HEADERS = "HTTP/1.1 200 OK\r\nServer: mangonel-hello\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 13\r\n";

    @Test
    void headGetsNoBodyAndCloseIsSaidThenDone() throws Exception {
        try (ServerLoops server = HelloServer.start(new InetSocketAddress("127.0.0.1", 0), 1);
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            // pipelined: a GET, a HEAD, then a GET asking to close; what follows it is ignored
            out.write(("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String all = readToEnd(s.getInputStream()); // ends: the server closed after the third
            assertEquals(HEADERS + "\r\nHello, World!"
                    + HEADERS + "\r\n"
                    + HEADERS + "Connection: close\r\n\r\nHello, World!", all);
        }
    }

    private static String readToEnd(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = in.read(buf)) >= 0; ) {
            bytes.write(buf, 0, n);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
