package org.mangonel.load;

import org.mangonel.net.Connection;
import org.mangonel.net.Failure;
import org.mangonel.stats.ErrorKind;
import org.mangonel.transport.Endpoint;

/**
 * What every protocol's session shares: one connection to the endpoint, opened and replaced
 * through a {@link Redial}, and the state it is in. A protocol adds what it sends and reads
 * ({@link ExchangeSession} for request/response). Loop thread only; allocation-free after
 * construction.
 *
 * <pre>
 *   IDLE ──connect (see Redial: timeout, backoff)──▶ the protocol opens: OPEN
 *   any failure (the transport's, or one the protocol finds: fail) ──▶ lost(kind): what the
 *     connection owed counts under kind ──▶ IDLE, Redial.retryLater
 *   stop ──▶ STOPPED: no more attempts, the connection closed
 * </pre>
 *
 * @param <W> the worker the protocol's sessions run on
 */
public abstract class ConnectionSession<W extends Worker> implements Session, Connection.Handler {
    /** Where the connection stands. */
    protected enum State {
        /** Connecting, backing off, or about to. */
        IDLE,
        /** Connected, and whatever the protocol does first is done: traffic may flow. */
        OPEN,
        /** The run ended; no callback follows. */
        STOPPED
    }

    protected final W worker;
    protected final Connection connection;
    protected final Redial redial;
    protected State state = State.IDLE;

    /**
     * @param worker           the worker this session runs on
     * @param endpoint         where to connect, and over what
     * @param connectTimeoutNs how long one connect attempt (TCP and any handshake) may take
     */
    protected ConnectionSession(W worker, Endpoint endpoint, long connectTimeoutNs) {
        this.worker = worker;
        this.connection = endpoint.transport().open(worker.loop(), this);
        this.redial = new Redial(worker, this, connection, endpoint.address(), connectTimeoutNs);
    }

    @Override
    public void connect(long nowNs) {
        state = State.IDLE;
        redial.attempt(nowNs);
    }

    @Override
    public final void onFailure(Failure failure, long nowNs) {
        if (redial.connecting()) {
            redial.connectFailed(nowNs);
        } else {
            failed(Failures.kind(failure), nowNs);
        }
    }

    /** A failure the protocol found (not the transport): closes the connection, then {@link #failed}. */
    protected final void fail(ErrorKind kind, long nowNs) {
        connection.close();
        failed(kind, nowNs);
    }

    /** The connection is gone (closed already): what it owed counts under {@code kind}; replace it. */
    protected final void failed(ErrorKind kind, long nowNs) {
        lost(kind, nowNs);
        if (state != State.STOPPED) {
            state = State.IDLE;
        }
        redial.retryLater(nowNs);
    }

    /** Counts what the failed connection owed (requests in flight, a client's membership) under {@code kind}. */
    protected abstract void lost(ErrorKind kind, long nowNs);

    @Override
    public void onTimer(long nowNs) {
        redial.onTimer(nowNs);
    }

    @Override
    public void stop() {
        state = State.STOPPED;
        redial.stop();
        connection.close();
    }
}
