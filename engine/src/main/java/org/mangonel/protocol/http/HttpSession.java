package org.mangonel.protocol.http;

import java.nio.ByteBuffer;
import org.mangonel.load.ExchangeSession;
import org.mangonel.load.Failures;
import org.mangonel.load.PacedWorker;
import org.mangonel.load.Pacer;
import org.mangonel.load.Picker;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.Recorder;

/**
 * One HTTP/1.1 client connection, with up to {@code pipeline} requests in flight (1 unless the
 * benchmark pipelines), in the closed or the open model (see {@link Pacer}); its connecting,
 * failures, timeouts and end are an {@link ExchangeSession}'s.
 *
 * <pre>
 *   IDLE ──connect (see Redial: timeout, backoff)──▶ OPEN ──failure──▶ count, IDLE, Redial.retryLater
 *   OPEN: send() writes requests while fewer than `pipeline` are in flight and one is due:
 *     closed model: a request is due the moment a slot becomes free (start, connect, response);
 *     open model:   request j of this connection is due at schedule(j·C + c); the worker marks
 *                   them due on time, and what a busy connection could not send waits (its latency
 *                   still runs from its due time) and is sent as soon as a slot frees.
 *   each response: pop the oldest in-flight request, record it, send() again (keep-alive), or
 *   close and reconnect (Connection: close; requests pipelined behind it count as closed).
 *   stop: what was due but never sent counts as unsent, what is still in flight as unfinished.
 * </pre>
 * A {@code status} or {@code body} error is counted but keeps the connection: the response was
 * well framed, so the connection is in a known state. Every other failure leaves it in an unknown
 * state, so it is replaced, and every request in flight on it counts under that failure.
 */
final class HttpSession extends ExchangeSession {
    private final HttpLoadSpec spec;
    private final RequestMix mix;
    private final HttpResponseDecoder decoder;
    private final Picker picker;
    private final BodyMatcher[] matchers;

    /** @param number this connection's number over the whole run (0-based) */
    HttpSession(PacedWorker worker, HttpLoadSpec spec, int number) {
        super(worker, number, spec.pipeline(), spec.endpoint(), spec.connectTimeoutNs(), spec.timeoutNs());
        this.spec = spec;
        this.mix = spec.mix();
        this.decoder = new HttpResponseDecoder(spec.maxHeaderBytes(), spec.maxBodyBytes());
        this.picker = mix.picker(number + 1L);
        this.matchers = new BodyMatcher[mix.size()];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = mix.newMatcher(i);
        }
        if (mix.size() > 1) {
            worker.parts(mix.size()); // figures per URL of the mix
        }
    }

    /** Sends what is due, up to the pipeline depth, in one write. */
    @Override
    protected void send(long nowNs) {
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
            fail(Failures.kind(connection.lastFailure()), nowNs);
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
        if (worker.records(dueNs)) {
            worker.recorder().status(status);
        }
        if (late(sentNs, nowNs)) {
            worker.failed(url, ErrorKind.TIMEOUT, dueNs, nowNs);
        } else if (!mix.accepts(url, status)) {
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
            state = State.IDLE;
            if (worker.active(nowNs)) {
                connect(nowNs);
            }
            return false;
        }
        if (!flight.isEmpty()) {
            decoder.begin(mix.isHead(flight.headItem()), matchers[flight.headItem()]);
        }
        pacer.freed(nowNs);
        send(nowNs);
        return state == State.OPEN;
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
        state = State.IDLE;
        redial.retryLater(nowNs);
    }
}
