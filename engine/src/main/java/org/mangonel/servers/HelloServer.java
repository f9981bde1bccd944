package org.mangonel.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.mangonel.net.EventLoop;
import org.mangonel.net.TcpConnection;
import org.mangonel.net.Failure;

/**
 * {@code engine serve hello}: answers every HTTP/1.x request with {@code 200 OK} and the body
 * "Hello, World!" (a HEAD its headers only), keep-alive unless the client asks to close (then the
 * response says {@code Connection: close} and the connection closes after it); pipelined requests
 * get their responses in one write.
 */
public final class HelloServer {
    /** The body every request gets. */
    public static final String BODY = "Hello, World!";
    private static final String HEAD = "HTTP/1.1 200 OK\r\n"
            + "Server: mangonel-hello\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: " + BODY.length() + "\r\n";
    private static final String CLOSE = "Connection: close\r\n";
    private static final byte[] RESPONSE = bytes(HEAD + "\r\n" + BODY);
    /** The responses by [head][close]. */
    private static final byte[][][] RESPONSES = {
        {RESPONSE, bytes(HEAD + CLOSE + "\r\n" + BODY)},
        {bytes(HEAD + "\r\n"), bytes(HEAD + CLOSE + "\r\n")},
    };

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private HelloServer() {
    }

    /** Starts serving; the caller owns the returned server. */
    public static ServerLoops start(InetSocketAddress address, int threads) throws IOException {
        return new ServerLoops(address, threads, (loop, index, connection) -> new Handler(loop, connection));
    }

    private static final class Handler implements TcpConnection.Handler, RequestScanner.Sink {
        private final EventLoop loop;
        private final TcpConnection connection;
        private final RequestScanner scanner = new RequestScanner();
        /** The scan's responses, gathered in the loop's write buffer; false once a write failed. */
        private ByteBuffer out;
        private boolean writable;

        Handler(EventLoop loop, TcpConnection connection) {
            this.loop = loop;
            this.connection = connection;
        }

        @Override
        public void onConnected(long nowNs) {
            // accepted connections are open from the start
        }

        @Override
        public void onData(ByteBuffer in, long nowNs) {
            out = loop.writeBuffer();
            out.clear();
            writable = true;
            int requests = scanner.scan(in, this);
            if (scanner.broken()) {
                connection.close();
                return;
            }
            if (requests == 0 || !writable) {
                return;
            }
            out.flip();
            if (!connection.write(out)) {
                connection.close();
                return;
            }
            if (scanner.closeRequested()) {
                connection.closeWhenFlushed();
            }
        }

        @Override
        public void request(boolean head, boolean close) {
            byte[] response = RESPONSES[head ? 1 : 0][close ? 1 : 0];
            if (!writable) {
                return;
            }
            if (out.remaining() < response.length) {
                out.flip();
                if (!connection.write(out)) {
                    connection.close();
                    writable = false;
                    return;
                }
                out.clear();
            }
            out.put(response);
        }

        @Override
        public void onEndOfInput(long nowNs) {
            connection.closeWhenFlushed();
        }

        @Override
        public void onFailure(Failure failure, long nowNs) {
            // the client went away; nothing to clean up beyond the closed connection
        }
    }
}
