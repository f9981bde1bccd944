package org.mangonel.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mangonel.net.TcpConnection;
import org.mangonel.net.Failure;

/**
 * {@code engine serve chat}: relays every line a client sends to every other client, byte for
 * byte. One event loop owns all clients, so a relay is a plain loop over them with no locking.
 *
 * <p>Per read, the complete lines are gathered for every other client; only an unfinished last
 * line is kept until its end arrives. After the pass, before the loop sleeps, each client that
 * gathered something gets one write:
 * <pre>
 *   read (sender) → lines appended to each recipient's outbox, recipient queued once
 *   … the pass's other reads …
 *   end of pass   → one write per queued recipient (its outbox), outboxes emptied
 * </pre>
 * At a few messages a second a pass holds one message, so this is one write per recipient per
 * message, as a relay that writes at once would do. When messages arrive faster than the loop
 * passes, the lines of every sender read in the pass leave in one write per recipient (as
 * Twisted's buffered transports do): the system calls, the server's real cost, then grow with
 * the passes rather than with the deliveries. A recipient that cannot keep up (more than
 * {@link #MAX_PENDING_BYTES} gathered and unwritten) is disconnected rather than allowed to grow
 * the server's memory without bound, and when the last client has left, the memory buffers took
 * is given back ({@link IdleMemory}).
 */
public final class ChatServer {
    /** A line longer than this disconnects its sender. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_PENDING_BYTES = 4 * 1024 * 1024;
    /** Why a recipient over {@link #MAX_PENDING_BYTES} is dropped, as the log says it. */
    private static final String BEHIND = "over " + MAX_PENDING_BYTES + " bytes not taken by its socket";

    private ChatServer() {
    }

    /** Starts serving on one loop; the caller owns the returned server. */
    public static ServerLoops start(InetSocketAddress address) throws IOException {
        Relay relay = new Relay();
        return new ServerLoops(address, 1, (loop, index, connection) -> new Client(connection, relay),
                loopIndex -> relay.queue.flush());
    }

    /** The open clients and those with lines gathered in this pass; loop thread only. */
    private static final class Relay {
        private final List<Client> clients = new ArrayList<>();
        private final Outbox.Queue queue = new Outbox.Queue();
        private final IdleMemory idle = new IdleMemory();
        /** Clients dropped so far, how many of them the log has counted, and when it last did. */
        private long dropped;
        private long droppedSaid;
        private long droppedSaidNs = System.nanoTime() - 1_000_000_000L;

        /**
         * A client left or was dropped. The last one to go lets the heap shrink ({@link IdleMemory}),
         * and the log gets the count of drops it has not said yet.
         */
        void remove(Client client) {
            if (clients.remove(client) && clients.isEmpty()) {
                if (dropped > droppedSaid) {
                    System.err.printf("chat relay: no client left; %d dropped so far%n", dropped);
                    droppedSaid = dropped;
                }
                idle.noClientLeft();
            }
        }

        /**
         * A client (still listed) is being dropped: said in the log (standard error) at most once a
         * second, with the count.
         */
        void dropped(String why) {
            dropped++;
            long nowNs = System.nanoTime();
            if (nowNs - droppedSaidNs >= 1_000_000_000L) {
                droppedSaidNs = nowNs;
                droppedSaid = dropped;
                System.err.printf("chat relay: dropped a client (%s); %d dropped so far, %d still connected%n", why,
                        dropped, clients.size() - 1);
            }
        }

        /** Gathers {@code lines} (position to limit) for every client but {@code sender}. */
        void relay(Client sender, ByteBuffer lines) {
            for (int i = 0; i < clients.size(); i++) {
                Client other = clients.get(i);
                if (other != sender && !queue.add(other.outbox, lines, MAX_PENDING_BYTES)) {
                    other.drop(BEHIND);
                    i--;
                }
            }
        }
    }

    private static final class Client implements TcpConnection.Handler {
        private final TcpConnection connection;
        private final Relay relay;
        private byte[] partial = new byte[256];
        private int partialLength;
        /** Lines gathered for this client in the current pass, written when it ends. */
        private final Outbox outbox;

        Client(TcpConnection connection, Relay relay) {
            this.connection = connection;
            this.relay = relay;
            this.outbox = new Outbox(connection, this::flush);
            relay.clients.add(this);
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
                relay.relay(this, ByteBuffer.wrap(partial, 0, partialLength));
                partialLength = 0;
                start = firstLf + 1;
            }
            if (start <= lastLf) {
                in.limit(lastLf + 1).position(start);
                relay.relay(this, in);
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
                drop("a line over " + MAX_LINE_BYTES + " bytes");
                return false;
            }
            if (partialLength + n > partial.length) {
                partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + n));
            }
            in.get(from, partial, partialLength, n);
            partialLength += n;
            return true;
        }

        /** Writes the outbox; a client whose socket fails or falls too far behind is dropped. */
        private void flush() {
            if (!connection.isOpen()) {
                outbox.clear();
            } else if (!outbox.write(MAX_PENDING_BYTES)) {
                drop(connection.pendingBytes() > MAX_PENDING_BYTES ? BEHIND : "writing to it failed");
            }
        }

        void drop(String why) {
            connection.close();
            relay.dropped(why); // counted while still listed: if it was the last, remove() says the count
            relay.remove(this);
        }

        @Override
        public void onEndOfInput(long nowNs) {
            // What was gathered for it still goes out before the close; a client that left is
            // not a drop, even when that write fails.
            if (connection.isOpen() && !outbox.write(Integer.MAX_VALUE)) {
                connection.close();
            }
            outbox.clear();
            connection.closeWhenFlushed();
            relay.remove(this);
        }

        @Override
        public void onFailure(Failure failure, long nowNs) {
            relay.remove(this);
        }
    }
}
