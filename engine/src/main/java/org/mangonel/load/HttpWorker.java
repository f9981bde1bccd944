package org.mangonel.load;

import java.util.concurrent.CountDownLatch;
import org.mangonel.net.EventLoop;

/**
 * The HTTP sessions of one event loop. Loop thread only, after construction.
 *
 * <p>Open model: the loop holds connections {@code first .. first+n-1} of C. Request k of the run
 * goes to connection k mod C, so this loop's m-th due request is connection
 * {@code first + (m mod n)}'s request {@code m / n}, global number {@code (m / n)·C + first +
 * (m mod n)}: a sequence that only grows, so the next due request is found in O(1).
 */
final class HttpWorker extends Worker {
    final HttpLoadSpec spec;
    private final HttpSession[] sessions;
    private final int first;
    private Schedule schedule;
    private long dueIndex;

    /**
     * @param firstIndex index of this loop's first connection overall
     * @param count      connections on this loop
     */
    HttpWorker(EventLoop loop, CountDownLatch ready, HttpLoadSpec spec, int firstIndex, int count) {
        super(loop, ready);
        this.spec = spec;
        this.first = firstIndex;
        sessions = new HttpSession[count];
        for (int i = 0; i < count; i++) {
            sessions[i] = new HttpSession(this, firstIndex + i);
        }
        sessions(sessions);
    }

    boolean openModel() {
        return spec.rate() != null;
    }

    /**
     * Open model: requests due in the window are still sent during the drain (their latency runs
     * from when they were due); closed model: only the requests in flight are awaited.
     */
    @Override
    boolean active(long nowNs) {
        return openModel() ? window != null && nowNs < window.endNs() : running(nowNs);
    }

    @Override
    boolean drained() {
        for (HttpSession s : sessions) {
            if (!s.drained()) {
                return false;
            }
        }
        return true;
    }

    /** When connection {@code connection}'s request {@code j} is due (open model). */
    long dueNs(int connection, long j) {
        return schedule.dueNs(j * spec.connections() + connection);
    }

    @Override
    long onSchedule(long nowNs) {
        if (!openModel()) {
            return Long.MAX_VALUE;
        }
        if (schedule == null) {
            schedule = new Schedule(window.startNs(), window.measureStartNs() - window.startNs(),
                    window.measureEndNs() - window.measureStartNs(), spec.rate().fromPerSecond(),
                    spec.rate().toPerSecond());
        }
        int n = sessions.length;
        long due = dueNs(first + (int) (dueIndex % n), dueIndex / n);
        while (due <= nowNs && due < window.measureEndNs()) {
            sessions[(int) (dueIndex % n)].due(dueIndex / n, nowNs);
            dueIndex++;
            due = dueNs(first + (int) (dueIndex % n), dueIndex / n);
        }
        return due < window.measureEndNs() ? due : Long.MAX_VALUE;
    }
}
