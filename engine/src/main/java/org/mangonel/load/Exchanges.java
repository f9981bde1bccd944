package org.mangonel.load;

import org.mangonel.stats.ErrorKind;

/**
 * The requests in flight on one connection, oldest first (a ring as deep as the pipeline): for
 * each, which item of the mix it was, when it was due and when it was sent. Loop thread only;
 * allocation-free after construction.
 */
public final class Exchanges {
    private final int depth;
    private final int[] item;
    private final long[] dueNs;
    private final long[] sentNs;
    private int head;
    private int size;

    /** @param depth the most requests in flight at once (1 without pipelining) */
    public Exchanges(int depth) {
        this.depth = depth;
        this.item = new int[depth];
        this.dueNs = new long[depth];
        this.sentNs = new long[depth];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean full() {
        return size == depth;
    }

    /** Adds a request just sent (the newest). */
    public void add(int mixItem, long due, long sent) {
        int slot = (head + size) % depth;
        item[slot] = mixItem;
        dueNs[slot] = due;
        sentNs[slot] = sent;
        size++;
    }

    /** The oldest request's item of the mix. */
    public int headItem() {
        return item[head];
    }

    public long headDueNs() {
        return dueNs[head];
    }

    public long headSentNs() {
        return sentNs[head];
    }

    /** The oldest request is answered. */
    public void removeHead() {
        head = (head + 1) % depth;
        size--;
    }

    /**
     * Every request in flight failed with {@code kind} (the connection is gone): each that belongs
     * to the measurement is counted, and all are forgotten.
     */
    public void failAll(Worker worker, ErrorKind kind, long nowNs) {
        for (int i = 0; i < size; i++) {
            worker.failed(item[(head + i) % depth], kind, dueNs[(head + i) % depth], nowNs);
        }
        head = 0;
        size = 0;
    }
}
