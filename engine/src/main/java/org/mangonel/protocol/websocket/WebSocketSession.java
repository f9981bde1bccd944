package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import org.mangonel.load.ExchangeSession;
import org.mangonel.load.Failures;
import org.mangonel.load.PacedWorker;
import org.mangonel.load.Pacer;
import org.mangonel.load.Picker;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;

/**
 * One WebSocket client connection doing request/response: it sends a message of the mix and
 * waits for the server's answer, one at a time, in the closed or the open model (see
 * {@link Pacer}); latency runs from when the message was due to when its answer ended. Its
 * connecting, failures, timeouts and end are an {@link ExchangeSession}'s.
 *
 * <pre>
 *   IDLE ──connect + upgrade (see Redial)──▶ OPEN ──send when due──▶ waiting ──answer──▶ record, send again
 *   the answer is compared with what was expected as it streams (no copy); a wrong one is a body error
 *   failure (closed, reset, a bad frame) ──▶ count what was in flight, IDLE, Redial.retryLater
 * </pre>
 */
final class WebSocketSession extends ExchangeSession implements MessageHandler {
    private final WebSocketMix mix;
    /** The session's connection, as the WebSocket connection it is (it writes whole messages). */
    private final WebSocketConnection socket;
    private final Picker picker;
    private long answered;
    private boolean matches;

    WebSocketSession(PacedWorker worker, WebSocketLoadSpec spec, int number) {
        super(worker, number, 1, spec.endpoint(), spec.connectTimeoutNs(), spec.timeoutNs());
        this.mix = spec.mix();
        this.socket = (WebSocketConnection) connection;
        this.picker = mix.picker(number + 1L);
    }

    @Override
    protected void send(long nowNs) {
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
        if (!socket.writeMessage(out, mix.opcode(message))) {
            fail(Failures.kind(socket.lastFailure()), nowNs);
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
        if (late(sentNs, nowNs)) {
            worker.failed(ErrorKind.TIMEOUT, dueNs, nowNs);
        } else if (matches && answered == mix.answer(message).length && opcode == mix.answerOpcode(message)) {
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
}
