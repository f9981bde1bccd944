package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import org.mangonel.load.Exchanges;
import org.mangonel.load.Failures;
import org.mangonel.load.PacedSession;
import org.mangonel.load.PacedWorker;
import org.mangonel.load.Pacer;
import org.mangonel.load.Picker;
import org.mangonel.load.Redial;
import org.mangonel.net.Failure;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;

/**
 * One WebSocket client connection doing request/response: it sends a message of the mix and
 * waits for the server's answer, one at a time, in the closed or the open model (see
 * {@link Pacer}); latency runs from when the message was due to when its answer ended.
 *
 * <pre>
 *   IDLE ──connect + upgrade (see Redial)──▶ OPEN ──send when due──▶ waiting ──answer──▶ record, send again
 *   the answer is compared with what was expected as it streams (no copy); a wrong one is a body error
 *   failure (closed, reset, a bad frame) ──▶ count what was in flight, IDLE, Redial.retryLater
 * </pre>
 */
final class WebSocketSession implements PacedSession, MessageHandler {
    private static final int IDLE = 0;
    private static final int OPEN = 1;
    private static final int STOPPED = 2;

    private final PacedWorker worker;
    private final WebSocketLoadSpec spec;
    private final WebSocketMix mix;
    private final WebSocketConnection connection;
    private final Redial redial;
    private final Picker picker;
    private final Pacer pacer;
    private final Exchanges flight = new Exchanges(1);
    private int state = IDLE;
    private long answered;
    private boolean matches;

    WebSocketSession(PacedWorker worker, WebSocketLoadSpec spec, int number) {
        this.worker = worker;
        this.spec = spec;
        this.mix = spec.mix();
        this.connection = (WebSocketConnection) spec.endpoint().transport().open(worker.loop(), this);
        this.redial = new Redial(worker, this, connection, spec.endpoint().address(), spec.connectTimeoutNs());
        this.picker = mix.picker(number + 1L);
        this.pacer = new Pacer(worker, number);
    }

    @Override
    public void connect(long nowNs) {
        state = IDLE;
        pacer.freed(nowNs);
        redial.attempt(nowNs);
    }

    @Override
    public void begin(long nowNs) {
        pacer.freed(nowNs);
        if (state == OPEN && !worker.openModel()) {
            send(nowNs);
        }
    }

    @Override
    public void due(long j, long nowNs) {
        pacer.markDue(j);
        if (state == OPEN) {
            send(nowNs);
        }
    }

    @Override
    public void onConnected(long nowNs) {
        redial.connected(nowNs);
        state = OPEN;
        if (worker.active(nowNs)) {
            send(nowNs);
        }
    }

    private void send(long nowNs) {
        if (!worker.active(nowNs) || flight.full() || !pacer.hasDue()) {
            return;
        }
        int message = picker.next();
        byte[] payload = mix.payload(message);
        ByteBuffer out = worker.loop().writeBuffer();
        out.clear();
        out.put(payload);
        out.flip();
        flight.add(message, pacer.takeDue(nowNs), System.nanoTime());
        answered = 0;
        matches = true;
        if (worker.measuring(nowNs)) {
            worker.recorder().add(Count.BYTES_SENT, payload.length);
        }
        if (!connection.writeMessage(out, mix.opcode(message))) {
            Failure failure = connection.lastFailure();
            connection.close();
            failed(Failures.kind(failure), nowNs);
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        int n = in.remaining();
        if (worker.measuring(nowNs)) {
            worker.recorder().add(Count.BYTES_RECEIVED, n);
        }
        if (flight.isEmpty()) {
            return; // an unasked message: judged at its end
        }
        byte[] expected = mix.answer(flight.headItem());
        byte[] a = in.array();
        int from = in.arrayOffset() + in.position();
        for (int i = 0; i < n && matches; i++) {
            long at = answered + i;
            matches = at < expected.length && a[from + i] == expected[(int) at];
        }
        answered += n;
        in.position(in.limit());
    }

    @Override
    public void onMessageEnd(int opcode, long length, long nowNs) {
        if (flight.isEmpty()) {
            // A message nobody asked for: the server is out of step with request/response.
            fail(ErrorKind.PROTOCOL, nowNs);
            return;
        }
        int message = flight.headItem();
        long dueNs = flight.headDueNs();
        long sentNs = flight.headSentNs();
        flight.removeHead();
        if (matches && answered == mix.answer(message).length && opcode == mix.answerOpcode(message)) {
            worker.succeeded(dueNs, sentNs, nowNs);
        } else {
            worker.failed(ErrorKind.BODY, dueNs, nowNs);
        }
        redial.succeeded();
        pacer.freed(nowNs);
        send(nowNs);
    }

    @Override
    public void onEndOfInput(long nowNs) {
        fail(ErrorKind.CLOSED, nowNs);
    }

    @Override
    public void onFailure(Failure failure, long nowNs) {
        if (redial.connecting()) {
            redial.connectFailed(nowNs);
        } else {
            failed(Failures.kind(failure), nowNs);
        }
    }

    private void fail(ErrorKind kind, long nowNs) {
        connection.close();
        failed(kind, nowNs);
    }

    private void failed(ErrorKind kind, long nowNs) {
        flight.failAll(worker, kind, nowNs);
        if (state != STOPPED) {
            state = IDLE;
        }
        redial.retryLater(nowNs);
    }

    @Override
    public void onTimer(long nowNs) {
        if (state == OPEN && !flight.isEmpty() && nowNs - flight.headSentNs() > spec.timeoutNs()) {
            fail(ErrorKind.TIMEOUT, nowNs);
        } else {
            redial.onTimer(nowNs);
        }
    }

    @Override
    public boolean drained() {
        return flight.isEmpty() && pacer.allSent();
    }

    @Override
    public void stop() {
        if (worker.window() != null) {
            pacer.countUnsent();
            flight.failAll(worker, ErrorKind.UNFINISHED, worker.window().endNs());
        }
        state = STOPPED;
        redial.stop();
        connection.close();
    }
}
