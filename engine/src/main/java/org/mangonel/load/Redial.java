package org.mangonel.load;

import java.net.InetSocketAddress;
import org.mangonel.net.Connection;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;

/**
 * The connect-and-retry part every session shares: one attempt at a time, a connect timeout, and
 * backoff after consecutive failures (10 ms doubling to 1 s), so a refused or dying server is
 * counted, never hammered in a busy loop. Owned by one session, on its loop thread.
 *
 * <pre>
 *   session.connect() → attempt() ──▶ CONNECTING ──connected()──▶ (the session's protocol)
 *                                         └── refused / timed out ──▶ connectFailed(): count CONNECT
 *   retryLater() (after any failure): the first in a row → session.connect() at once;
 *                                     more in a row     → BACKING_OFF until the retry time
 *   succeeded() (a response, a join): failures are no longer consecutive
 * </pre>
 */
public final class Redial {
    private static final long FIRST_BACKOFF_NS = 10_000_000L;
    private static final long MAX_BACKOFF_NS = 1_000_000_000L;

    private final Worker worker;
    private final Session session;
    private final Connection tcp;
    private final InetSocketAddress address;
    private final long connectTimeoutNs;
    private boolean connecting;
    private boolean backingOff;
    private boolean stopped;
    private boolean everSettled;
    private long connectStartNs;
    private long retryAtNs;
    private long backoffNs = FIRST_BACKOFF_NS;
    private int consecutiveFailures;

    /**
     * @param worker           the session's worker
     * @param session          whose {@link Session#connect} is called to retry
     * @param tcp              the session's connection
     * @param address          where to connect
     * @param connectTimeoutNs how long one attempt (TCP and any handshake) may take
     */
    public Redial(Worker worker, Session session, Connection tcp, InetSocketAddress address, long connectTimeoutNs) {
        this.worker = worker;
        this.session = session;
        this.tcp = tcp;
        this.address = address;
        this.connectTimeoutNs = connectTimeoutNs;
    }

    /** Starts a connection attempt (the session's connect() calls this). */
    public void attempt(long nowNs) {
        connecting = true;
        backingOff = false;
        connectStartNs = nowNs;
        worker.connectStarted();
        if (!tcp.connect(address)) {
            connectFailed(nowNs);
        }
    }

    public boolean connecting() {
        return connecting;
    }

    /** The attempt succeeded. */
    public void connected(long nowNs) {
        settle();
        worker.noteSecurity(tcp.security());
        // Opened inside the window proper (not its drain, where nothing new is sent).
        if (worker.measuring(nowNs) && worker.running(nowNs)) {
            worker.recorder().count(Count.CONNECTIONS_OPENED);
        }
    }

    /** The attempt failed (refused, timed out): count it, and try again later. */
    public void connectFailed(long nowNs) {
        String detail = tcp.failureDetail();
        worker.connectFailed(detail == null ? "connecting failed" : detail);
        failedAttempt(nowNs);
    }

    private void failedAttempt(long nowNs) {
        settle();
        worker.failedNow(ErrorKind.CONNECT, nowNs);
        tcp.close();
        retryLater(nowNs);
    }

    private void settle() {
        connecting = false;
        worker.connectEnded(!everSettled);
        everSettled = true;
    }

    /** The connection is gone after a failure: a new one at once, or after a backoff if failures repeat. */
    public void retryLater(long nowNs) {
        consecutiveFailures++;
        if (stopped) {
            return;
        }
        if (consecutiveFailures < 2 && worker.active(nowNs)) {
            session.connect(nowNs);
            return;
        }
        backingOff = true;
        retryAtNs = nowNs + backoffNs;
        backoffNs = Math.min(MAX_BACKOFF_NS, backoffNs * 2);
    }

    /** Something worked: later failures start counting afresh. */
    public void succeeded() {
        consecutiveFailures = 0;
        backoffNs = FIRST_BACKOFF_NS;
    }

    /** The connect timeout and the backoff; the session's onTimer calls this. */
    public void onTimer(long nowNs) {
        if (connecting && nowNs - connectStartNs > connectTimeoutNs) {
            String stage = tcp.handshakeUnderWay();
            long ms = Math.round(connectTimeoutNs / 1e6);
            worker.connectFailed((stage == null ? "no TCP connection" : stage + " had no answer") + " within the "
                    + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms") + " connect timeout");
            tcp.close();
            failedAttempt(nowNs);
        } else if (backingOff && nowNs >= retryAtNs && (worker.window() == null || worker.active(nowNs))) {
            session.connect(nowNs);
        }
    }

    /** No more attempts. */
    public void stop() {
        stopped = true;
        connecting = false;
        backingOff = false;
    }
}
