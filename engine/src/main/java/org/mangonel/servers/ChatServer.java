package org.mangonel.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.net.TcpConnection;
import org.mangonel.net.Failure;

/**
 * {@code engine serve chat}: relays every line a client sends to every other client, byte for
 * byte. One event loop owns all clients, so a relay is a plain loop over them with no locking.
 *
 * <p>Per read: the complete lines are relayed straight from the loop's read buffer (one write per
 * recipient, no copy); only an unfinished last line is kept until its end arrives. A recipient
 * that cannot keep up (more than {@link #MAX_PENDING_BYTES} unwritten) is disconnected rather than
 * allowed to grow the server's memory without bound.
 */
public final class ChatServer {
    /** A line longer than this disconnects its sender. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_PENDING_BYTES = 4 * 1024 * 1024;

    private ChatServer() {
    }

    /** Starts serving on one loop; the caller owns the returned server. */
    public static ServerLoops start(InetSocketAddress address) throws IOException {
        List<Client> clients = new ArrayList<>();
        return new ServerLoops(address, 1, (loop, index, connection) -> new Client(connection, clients));
    }

    private static final class Client implements TcpConnection.Handler {
        private final TcpConnection connection;
        private final List<Client> clients;
        private byte[] partial = new byte[256];
        private int partialLength;

        Client(TcpConnection connection, List<Client> clients) {
            this.connection = connection;
            this.clients = clients;
            clients.add(this);
        }

        @Override
        public void onConnected(long nowNs) {
            // accepted connections are open from the start
        }

        @Override
        public void onData(ByteBuffer in, long nowNs) {
            int start = in.position();
            int limit = in.limit();
            int lastLf = -1;
            for (int i = limit - 1; i >= start; i--) {
                if (in.get(i) == '\n') {
                    lastLf = i;
                    break;
                }
            }
            if (lastLf < 0) {
                keep(in, start, limit);
                return;
            }
            if (partialLength > 0) {
                int firstLf = start;
                while (in.get(firstLf) != '\n') {
                    firstLf++;
                }
                if (!keep(in, start, firstLf + 1)) {
                    return;
                }
                relay(ByteBuffer.wrap(partial, 0, partialLength));
                partialLength = 0;
                start = firstLf + 1;
            }
            if (start <= lastLf) {
                in.limit(lastLf + 1).position(start);
                relay(in);
                in.limit(limit);
            }
            keep(in, lastLf + 1, limit);
        }

        /** Appends bytes of an unfinished line; false when the line got too long (sender dropped). */
        private boolean keep(ByteBuffer in, int from, int to) {
            int n = to - from;
            if (n <= 0) {
                return true;
            }
            if (partialLength + n > MAX_LINE_BYTES) {
                drop();
                return false;
            }
            if (partialLength + n > partial.length) {
                partial = java.util.Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + n));
            }
            in.get(from, partial, partialLength, n);
            partialLength += n;
            return true;
        }

        /** Writes {@code lines} (position to limit) to every other client. */
        private void relay(ByteBuffer lines) {
            int from = lines.position();
            for (int i = 0; i < clients.size(); i++) {
                Client other = clients.get(i);
                if (other == this) {
                    continue;
                }
                lines.position(from);
                if (!other.connection.write(lines) || other.pendingTooLarge()) {
                    other.drop();
                    i--;
                }
            }
        }

        private boolean pendingTooLarge() {
            return connection.pendingBytes() > MAX_PENDING_BYTES;
        }

        private void drop() {
            connection.close();
            clients.remove(this);
        }

        @Override
        public void onEndOfInput(long nowNs) {
            connection.closeWhenFlushed();
            clients.remove(this);
        }

        @Override
        public void onFailure(Failure failure, long nowNs) {
            clients.remove(this);
        }
    }
}
