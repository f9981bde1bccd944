package org.mangonel.load;

import org.mangonel.stats.Count;

/**
 * When one paced session's requests are due. Closed model: the moment a slot became free (the
 * run started, the connection opened, a response arrived). Open model: the schedule's time for
 * this connection's j-th request; a request sent over {@link #LATE_NS} after it was due counts as
 * delayed, and one never sent by the end counts as unsent. Loop thread only; allocation-free.
 */
public final class Pacer {
    /** An open-model request sent this long after it was due counts as delayed. */
    public static final long LATE_NS = 1_000_000L;

    private final PacedWorker worker;
    private final int connection;
    private long freeSinceNs;
    private long nextJ;
    private long dueCount;

    /** @param connection the session's connection number over the whole run */
    public Pacer(PacedWorker worker, int connection) {
        this.worker = worker;
        this.connection = connection;
    }

    /** Closed model: a slot became free at {@code nowNs}; the next request is due from then. */
    public void freed(long nowNs) {
        freeSinceNs = nowNs;
    }

    /** Open model: request {@code j} of this connection is due (the worker marks them in order). */
    public void markDue(long j) {
        dueCount = j + 1;
    }

    /** Whether a request may be sent now: always in the closed model, when one is due in the open. */
    public boolean hasDue() {
        return !worker.openModel() || nextJ < dueCount;
    }

    /** Takes the next request to send and returns when it was due (counting it delayed if late). */
    public long takeDue(long nowNs) {
        if (!worker.openModel()) {
            return freeSinceNs;
        }
        long dueNs = worker.dueNs(connection, nextJ++);
        if (nowNs - dueNs > LATE_NS && worker.records(dueNs)) {
            worker.recorder().count(Count.DELAYED);
        }
        return dueNs;
    }

    /** Whether every request marked due has been sent. */
    public boolean allSent() {
        return nextJ >= dueCount;
    }

    /** At the end: counts the requests due in the window that were never sent. */
    public void countUnsent() {
        Window w = worker.window();
        for (long j = nextJ; worker.openModel() && w != null && j < dueCount; j++) {
            if (w.records(worker.dueNs(connection, j))) {
                worker.recorder().count(Count.UNSENT);
            }
        }
    }
}
