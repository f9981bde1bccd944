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
 * "Hello, World!", keep-alive unless the client asks to close; pipelined requests get their
 * responses in one write.
 */
public final class HelloServer {
    /** The body every request gets. */
    public static final String BODY = "Hello, World!";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\n"
            + "Server: mangonel-hello\r\n"
            + "Content-Type: text/plain\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    private HelloServer() {
    }

    /** Starts serving; the caller owns the returned server. */
    public static ServerLoops start(InetSocketAddress address, int threads) throws IOException {
        return new ServerLoops(address, threads, (loop, index, connection) -> new Handler(loop, connection));
    }

    private static final class Handler implements TcpConnection.Handler {
        private final EventLoop loop;
        private final TcpConnection connection;
        private final RequestScanner scanner = new RequestScanner();

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
            int requests = scanner.scan(in);
            if (scanner.broken()) {
                connection.close();
                return;
            }
            if (requests == 0) {
                return;
            }
            ByteBuffer out = loop.writeBuffer();
            out.clear();
            for (int i = 0; i < requests; i++) {
                if (out.remaining() < RESPONSE.length) {
                    out.flip();
                    if (!connection.write(out)) {
                        connection.close();
                        return;
                    }
                    out.clear();
                }
                out.put(RESPONSE);
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
        public void onEndOfInput(long nowNs) {
            connection.closeWhenFlushed();
        }

        @Override
        public void onFailure(Failure failure, long nowNs) {
            // the client went away; nothing to clean up beyond the closed connection
        }
    }
}
