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

        /**
         * Appends {@code src} (position to limit, which it leaves as it was) to {@code box}, to
         * be written when the pass ends. False, with nothing appended, when the box's connection
         * would then have more than {@code maxPendingBytes} unwritten: the caller drops it.
         */
        boolean add(Outbox box, ByteBuffer src, int maxPendingBytes) {
            if (box.unwrittenBytes() + src.remaining() > maxPendingBytes) {
                return false;
            }
            box.add(src);
            if (!box.queued) {
                box.queued = true;
                queued.add(box);
            }
            return true;
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

    private final TcpConnection connection;
    private final Runnable owner;
    private byte[] bytes = new byte[4096];
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int length;
    private boolean queued;

    /**
     * @param connection where the gathered bytes go
     * @param owner      writes this outbox at the end of a pass ({@link #write}, dropping the
     *                   connection when it fails) or {@link #clear}s it
     */
    Outbox(TcpConnection connection, Runnable owner) {
        this.connection = connection;
        this.owner = owner;
    }

    private void add(ByteBuffer src) {
        int n = src.remaining();
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            view = ByteBuffer.wrap(bytes);
        }
        src.get(src.position(), bytes, length, n);
        length += n;
    }

    /** Bytes gathered here or already handed to the connection and not yet taken by its socket. */
    private int unwrittenBytes() {
        return length + connection.pendingBytes();
    }

    /** Forgets what was gathered (the recipient left). */
    void clear() {
        length = 0;
    }

    /**
     * Hands what was gathered to the connection (what its socket does not take now stays in its
     * pending bytes) and empties the outbox. False when the write failed, or the connection has
     * more than {@code maxPendingBytes} unwritten: the caller drops it.
     */
    boolean write(int maxPendingBytes) {
        if (length == 0) {
            return true;
        }
        view.clear().limit(length);
        length = 0;
        return connection.write(view) && connection.pendingBytes() <= maxPendingBytes;
    }
}
