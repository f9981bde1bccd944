package org.mangonel.servers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mangonel.net.TcpConnection;

/**
 * What a relay gathered for one connection during a pass, written in one go when the pass ends:
 * the lines or frames of every sender read in the pass leave in one system call per recipient
 * instead of one per message. Grown on demand (a relay bounds it by dropping a recipient that
 * falls too far behind), reused afterwards; loop thread only.
 */
final class Outbox {
    /** The outboxes gathered into during a pass, each written once when it ends; loop thread only. */
    static final class Queue {
        private final List<Outbox> queued = new ArrayList<>();

        /** Appends {@code src} (position to limit) to {@code box}, which is written when the pass ends. */
        void add(Outbox box, ByteBuffer src) {
            box.add(src);
            if (!box.queued) {
                box.queued = true;
                queued.add(box);
            }
        }

        /** Has every outbox gathered into since the last call written, by its owner. */
        void flush() {
            for (int i = 0; i < queued.size(); i++) {
                Outbox box = queued.get(i);
                box.queued = false;
                box.owner.run();
            }
            queued.clear();
        }
    }

    private final Runnable owner;
    private byte[] bytes = new byte[4096];
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int length;
    private boolean queued;

    /** @param owner writes this outbox at the end of a pass ({@link #writeTo}, dropping on failure) */
    Outbox(Runnable owner) {
        this.owner = owner;
    }

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
