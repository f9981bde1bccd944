package org.mangonel.servers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.mangonel.net.TcpConnection;

/**
 * What a relay gathered for one connection during a pass, written in one go when the pass ends:
 * the lines or frames of every sender read in the pass leave in one system call per recipient
 * instead of one per message. Grown on demand (a relay bounds it by dropping a recipient that
 * falls too far behind), reused afterwards; loop thread only.
 */
final class Outbox {
    private byte[] bytes = new byte[4096];
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int length;
    /** Whether the relay has this outbox in its list of those to write at the end of the pass. */
    boolean queued;

    /** Appends {@code src} from its position to its limit, leaving its position as it was. */
    void add(ByteBuffer src) {
        int n = src.remaining();
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            view = ByteBuffer.wrap(bytes);
        }
        src.get(src.position(), bytes, length, n);
        length += n;
    }

    /** Bytes gathered and not yet handed to the connection. */
    int length() {
        return length;
    }

    /** Forgets what was gathered (the recipient left). */
    void clear() {
        length = 0;
    }

    /**
     * Hands what was gathered to {@code connection} (what its socket does not take now stays in
     * its pending bytes) and empties the outbox. False when the write failed, or the connection
     * has more than {@code maxPendingBytes} unwritten: the caller drops it.
     */
    boolean writeTo(TcpConnection connection, int maxPendingBytes) {
        if (length == 0) {
            return true;
        }
        view.clear().limit(length);
        length = 0;
        return connection.write(view) && connection.pendingBytes() <= maxPendingBytes;
    }
}
