package org.mangonel.load;

import org.mangonel.stats.ErrorKind;
import org.mangonel.transport.Endpoint;

/**
 * A request/response session: a {@link ConnectionSession} whose requests are paced by its
 * {@link Pacer} (closed or open model) and kept in {@link Exchanges} until answered. The protocol
 * says how a request is sent ({@link #send}) and how an answer is read; the lifecycle around them
 * is the same for every such protocol:
 *
 * <pre>
 *   IDLE ──connect (see Redial)──▶ OPEN: send() whenever a request may be due (connected, traffic
 *     began, the worker marked one due, an answer freed a slot)
 *   failure ──▶ every request in flight counts under it, IDLE, Redial.retryLater
 *   OPEN and the oldest request in flight sent over the timeout ago ──▶ failure: timeout
 *   stop: what was due but never sent counts as unsent, what is still in flight as unfinished
 * </pre>
 */
public abstract class ExchangeSession extends ConnectionSession<PacedWorker> implements PacedSession {
    protected final Pacer pacer;
    protected final Exchanges flight;
    private final long timeoutNs;

    /**
     * @param number    this connection's number over the whole run (0-based)
     * @param depth     the most requests in flight at once (1 without pipelining)
     * @param timeoutNs how long a request may wait for its answer
     */
    protected ExchangeSession(PacedWorker worker, int number, int depth, Endpoint endpoint, long connectTimeoutNs,
                              long timeoutNs) {
        super(worker, endpoint, connectTimeoutNs);
        this.pacer = new Pacer(worker, number);
        this.flight = new Exchanges(depth);
        this.timeoutNs = timeoutNs;
    }

    /** Sends what is due, as far as the free slots allow (nothing while inactive or full); OPEN only. */
    protected abstract void send(long nowNs);

    @Override
    public final void connect(long nowNs) {
        pacer.freed(nowNs);
        super.connect(nowNs);
    }

    @Override
    public final void begin(long nowNs) {
        pacer.freed(nowNs);
        if (state == State.OPEN && !worker.openModel()) {
            send(nowNs);
        }
    }

    @Override
    public final void due(long j, long nowNs) {
        pacer.markDue(j);
        if (state == State.OPEN) {
            send(nowNs);
        }
    }

    @Override
    public final void onConnected(long nowNs) {
        redial.connected(nowNs);
        state = State.OPEN;
        if (worker.active(nowNs)) {
            send(nowNs);
        }
    }

    /** The connection failed with requests in flight: each counts under {@code kind}. */
    @Override
    protected final void lost(ErrorKind kind, long nowNs) {
        flight.failAll(worker, kind, nowNs);
    }

    @Override
    public final void onTimer(long nowNs) {
        if (state == State.OPEN && !flight.isEmpty() && nowNs - flight.headSentNs() > timeoutNs) {
            fail(ErrorKind.TIMEOUT, nowNs);
        } else {
            super.onTimer(nowNs);
        }
    }

    /**
     * Whether an answer completed now for a request sent at {@code sentNs} came after the request
     * timeout: it counts as a timeout, not a success. The deadline scan ({@link #onTimer}, every
     * few milliseconds) fails a connection whose oldest request is overdue; an answer completed
     * between its deadline and the next scan is judged here, so the timeout is exact.
     */
    protected final boolean late(long sentNs, long nowNs) {
        return nowNs - sentNs > timeoutNs;
    }

    @Override
    public final boolean behind() {
        return !pacer.allSent();
    }

    @Override
    public final boolean drained() {
        return flight.isEmpty() && pacer.allSent();
    }

    @Override
    public final void stop() {
        if (worker.window() != null) {
            pacer.countUnsent();
            // Sent but not answered when the run ended (interrupted, or the drain ran out).
            flight.failAll(worker, ErrorKind.UNFINISHED, worker.window().endNs());
        }
        super.stop();
    }
}
