package org.mangonel.load;

import java.util.concurrent.CountDownLatch;
import org.mangonel.net.EventLoop;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.Share;

/**
 * The request/response sessions of one event loop (HTTP, WebSocket echo), in the closed or the
 * open model. Loop thread only, after construction.
 *
 * <p>Closed model: each connection sends as soon as it has a free slot; the request is due then.
 *
 * <p>Open model: requests are due on a {@link Schedule} over the whole run. The loop holds
 * connections {@code first .. first+n-1} of C. Request k of the run goes to connection k mod C,
 * so this loop's m-th due request is connection {@code first + (m mod n)}'s request
 * {@code m / n}, number {@code (m / n)·C + first + (m mod n)}: a sequence that only grows, so the
 * next due request is found in O(1). A shard i of N takes request k·N + i of the run's schedule
 * for its k-th. During the drain the requests due in the window are still sent (their latency
 * runs from when they were due). The loop's precise deadline is the next due request whose
 * connection could send it; behind schedule, with every connection still holding an unsent
 * request, there is none, and the loop sleeps until an answer frees one (it never polls for
 * requests it could not send).
 */
public final class PacedWorker extends Worker {
    /** Makes connection number {@code connection}'s session (its number over the whole run). */
    public interface SessionFactory {
        PacedSession create(PacedWorker worker, int connection);
    }

    private final int connections;
    private final Share share;
    private final Rate rate;
    private final PacedSession[] sessions;
    private final int first;
    private Schedule schedule;
    private long dueIndex;
    /** The request {@link #onSchedule} last set its deadline by: the next one whose connection can send. */
    private long nextSendIndex;

    /**
     * @param protocolCounters how many counters the protocol keeps
     * @param connections      this process's connections (all loops)
     * @param share            which part of the run's schedule is this process's
     * @param rate             the open model's rate of the whole run, or null for the closed model
     * @param firstIndex       index of this loop's first connection overall
     * @param count            connections on this loop
     */
    public PacedWorker(EventLoop loop, CountDownLatch ready, int protocolCounters, int connections, Share share,
                       Rate rate, int firstIndex, int count, SessionFactory factory) {
        super(loop, ready, protocolCounters);
        this.connections = connections;
        this.share = share;
        this.rate = rate;
        this.first = firstIndex;
        sessions = new PacedSession[count];
        for (int i = 0; i < count; i++) {
            sessions[i] = factory.create(this, firstIndex + i);
        }
        sessions(sessions);
    }

    public boolean openModel() {
        return rate != null;
    }

    /** When connection {@code connection}'s request {@code j} is due (open model). */
    long dueNs(int connection, long j) {
        return schedule.dueNs(share.global(j * connections + connection));
    }

    @Override
    public boolean active(long nowNs) {
        return openModel() ? window() != null && nowNs < window().endNs() : running(nowNs);
    }

    @Override
    protected boolean drained() {
        for (PacedSession s : sessions) {
            if (!s.drained()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected long onSchedule(long nowNs) {
        if (!openModel()) {
            return Long.MAX_VALUE;
        }
        Window w = window();
        if (schedule == null) {
            schedule = new Schedule(w.startNs(), w.measureStartNs() - w.startNs(), w.measureEndNs() - w.measureStartNs(),
                    rate.fromPerSecond(), rate.toPerSecond());
        }
        int n = sessions.length;
        long due = dueNs(first + (int) (dueIndex % n), dueIndex / n);
        while (due <= nowNs && due < w.measureEndNs()) {
            sessions[(int) (dueIndex % n)].due(dueIndex / n, nowNs);
            dueIndex++;
            due = dueNs(first + (int) (dueIndex % n), dueIndex / n);
        }
        // The deadline is the next request that can go out when due. One whose connection still
        // holds an unsent request (behind: busy, or reconnecting) would send nothing then, and
        // waking for it (microseconds apart at a high rate) would spin the loop while it waits
        // for answers: it is marked due at the first pass after its time instead, when an answer
        // or that next deadline wakes the loop. With every connection behind there is none.
        nextSendIndex = dueIndex;
        while (nextSendIndex < dueIndex + n && sessions[(int) (nextSendIndex % n)].behind()) {
            nextSendIndex++;
        }
        if (nextSendIndex == dueIndex + n) {
            return Long.MAX_VALUE;
        }
        long send = nextSendIndex == dueIndex ? due : dueNs(first + (int) (nextSendIndex % n), nextSendIndex / n);
        return send < w.measureEndNs() ? send : Long.MAX_VALUE;
    }

    @Override
    protected long followingScheduled() {
        if (schedule == null) {
            return Long.MAX_VALUE;
        }
        long next = nextSendIndex + 1;
        int n = sessions.length;
        long then = dueNs(first + (int) (next % n), next / n);
        return then < window().measureEndNs() ? then : Long.MAX_VALUE;
    }
}
