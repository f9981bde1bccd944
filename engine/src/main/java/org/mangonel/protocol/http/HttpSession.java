package org.mangonel.protocol.http;

import java.nio.ByteBuffer;
import org.mangonel.load.Exchanges;
import org.mangonel.load.Failures;
import org.mangonel.load.PacedSession;
import org.mangonel.load.PacedWorker;
import org.mangonel.load.Pacer;
import org.mangonel.load.Picker;
import org.mangonel.load.Redial;
import org.mangonel.net.Connection;
import org.mangonel.net.Failure;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.Recorder;

/**
 * One HTTP/1.1 client connection, with up to {@code pipeline} requests in flight (1 unless the
 * benchmark pipelines), in the closed or the open model (see {@link Pacer}).
 *
 * <pre>
 *   IDLE ──connect (see Redial: timeout, backoff)──▶ OPEN ──failure──▶ count, IDLE, Redial.retryLater
 *   OPEN: fill() sends while fewer than `pipeline` are in flight and a request is due:
 *     closed model: a request is due the moment a slot becomes free (start, connect, response);
 *     open model:   request j of this connection is due at schedule(j·C + c); the worker marks
 *                   them due on time, and what a busy connection could not send waits (its latency
 *                   still runs from its due time) and is sent as soon as a slot frees.
 *   each response: pop the oldest in-flight request, record it, fill() again (keep-alive), or
 *   close and reconnect (Connection: close; requests pipelined behind it count as closed).
 *   stop: what was due but never sent counts as unsent, what is still in flight as unfinished.
 * </pre>
 * A {@code status} or {@code body} error is counted but keeps the connection: the response was
 * well framed, so the connection is in a known state. Every other failure leaves it in an unknown
 * state, so it is replaced, and every request in flight on it counts under that failure.
 */
final class HttpSession implements PacedSession, Connection.Handler {
    private static final int IDLE = 0;
    private static final int OPEN = 1;
    private static final int STOPPED = 2;

    private final PacedWorker worker;
    private final HttpLoadSpec spec;
    private final RequestMix mix;
    private final Connection connection;
    private final Redial redial;
    private final HttpResponseDecoder decoder;
    private final Picker picker;
    private final BodyMatcher[] matchers;
    private final Pacer pacer;
    private final Exchanges flight;
    private int state = IDLE;

    /** @param number this connection's number over the whole run (0-based) */
    HttpSession(PacedWorker worker, HttpLoadSpec spec, int number) {
        this.worker = worker;
        this.spec = spec;
        this.mix = spec.mix();
        this.connection = spec.endpoint().transport().open(worker.loop(), this);
        this.redial = new Redial(worker, this, connection, spec.endpoint().address(), spec.connectTimeoutNs());
        this.decoder = new HttpResponseDecoder(spec.maxHeaderBytes(), spec.maxBodyBytes());
        this.picker = mix.picker(number + 1L);
        this.matchers = new BodyMatcher[mix.size()];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = mix.newMatcher(i);
        }
        this.pacer = new Pacer(worker, number);
        this.flight = new Exchanges(spec.pipeline());
        if (mix.size() > 1) {
            worker.recorder().parts(mix.size()); // figures per URL of the mix
        }
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
            fill(nowNs);
        }
    }

    @Override
    public void due(long j, long nowNs) {
        pacer.markDue(j);
        if (state == OPEN) {
            fill(nowNs);
        }
    }

    @Override
    public void onConnected(long nowNs) {
        redial.connected(nowNs);
        state = OPEN;
        if (worker.active(nowNs)) {
            fill(nowNs);
        }
    }

    /** Sends what is due, up to the pipeline depth, in one write. */
    private void fill(long nowNs) {
        if (!worker.active(nowNs) || flight.full()) {
            return;
        }
        ByteBuffer out = worker.loop().writeBuffer();
        out.clear();
        int added = 0;
        long sentNs = System.nanoTime();
        Recorder recorder = worker.recorder();
        boolean measuring = worker.measuring(nowNs);
        while (!flight.full() && pacer.hasDue() && out.remaining() >= mix.maxRequestBytes()) {
            int url = picker.next();
            byte[] request = mix.request(url);
            out.put(request);
            flight.add(url, pacer.takeDue(nowNs), sentNs);
            added++;
            if (measuring) {
                recorder.add(Count.BYTES_SENT, request.length);
            }
        }
        if (added == 0) {
            return;
        }
        out.flip();
        if (flight.size() == added) {
            decoder.begin(mix.isHead(flight.headItem()), matchers[flight.headItem()]);
        }
        if (!connection.write(out)) {
            Failure failure = connection.lastFailure();
            connection.close();
            failed(Failures.kind(failure), nowNs);
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        if (worker.measuring(nowNs)) {
            worker.recorder().add(Count.BYTES_RECEIVED, in.remaining());
        }
        while (in.hasRemaining()) {
            if (flight.isEmpty()) {
                // Bytes nobody asked for: the connection is out of step with the protocol.
                fail(ErrorKind.PROTOCOL, nowNs);
                return;
            }
            int result = decoder.decode(in);
            if (result == HttpResponseDecoder.NEED_MORE) {
                return;
            }
            if (result == HttpResponseDecoder.ERROR) {
                fail(ErrorKind.PROTOCOL, nowNs);
                return;
            }
            if (!completed(nowNs)) {
                return; // the connection was closed: leftover bytes go with it
            }
        }
    }

    /** The oldest request's response is complete; returns whether the connection goes on. */
    private boolean completed(long nowNs) {
        int url = flight.headItem();
        long dueNs = flight.headDueNs();
        long sentNs = flight.headSentNs();
        flight.removeHead();
        int status = decoder.status();
        if (worker.records(dueNs, nowNs)) {
            worker.recorder().status(status);
        }
        if (!mix.accepts(url, status)) {
            worker.failed(url, ErrorKind.STATUS, dueNs, nowNs);
        } else if (!decoder.bodyMatched() || !mix.acceptsLength(url, decoder.bodyBytes())) {
            worker.failed(url, ErrorKind.BODY, dueNs, nowNs);
        } else {
            worker.succeeded(url, dueNs, sentNs, nowNs);
        }
        redial.succeeded();
        if (!decoder.keepAlive() || !spec.keepalive()) {
            // Requests pipelined behind this one will not be answered on this connection.
            flight.failAll(worker, ErrorKind.CLOSED, nowNs);
            connection.close();
            state = IDLE;
            if (worker.active(nowNs)) {
                connect(nowNs);
            }
            return false;
        }
        if (!flight.isEmpty()) {
            decoder.begin(mix.isHead(flight.headItem()), matchers[flight.headItem()]);
        }
        pacer.freed(nowNs);
        fill(nowNs);
        return state == OPEN;
    }

    @Override
    public void onEndOfInput(long nowNs) {
        if (!flight.isEmpty()) {
            if (decoder.endOfInput() == HttpResponseDecoder.COMPLETE) {
                completed(nowNs); // a body delimited by the end of the connection
                return;
            }
            fail(ErrorKind.CLOSED, nowNs);
            return;
        }
        // The server closed an idle keep-alive connection: not a failed request, just replace it.
        connection.close();
        state = IDLE;
        redial.retryLater(nowNs);
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

    /** The connection failed with requests in flight: each counts under {@code kind}; replace it. */
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
            // Sent but not answered when the run ended (interrupted, or the drain ran out).
            flight.failAll(worker, ErrorKind.UNFINISHED, worker.window().endNs());
        }
        state = STOPPED;
        redial.stop();
        connection.close();
    }
}
