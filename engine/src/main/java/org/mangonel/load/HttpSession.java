package org.mangonel.load;

import java.nio.ByteBuffer;
import org.mangonel.net.TcpConnection;
import org.mangonel.protocol.http.BodyMatcher;
import org.mangonel.protocol.http.HttpResponseDecoder;
import org.mangonel.stats.ErrorKind;

/**
 * One HTTP/1.1 client connection, with up to {@code pipeline} requests in flight (1 unless the
 * benchmark pipelines), in the closed or the open model.
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
 * </pre>
 * A {@code status} or {@code body} error is counted but keeps the connection: the response was
 * well framed, so the connection is in a known state. Every other failure leaves it in an unknown
 * state, so it is replaced, and every request in flight on it counts under that failure.
 */
final class HttpSession implements Session, TcpConnection.Handler {
    private static final int IDLE = 0;
    private static final int OPEN = 1;
    private static final int STOPPED = 2;
    /** An open-model request sent this long after it was due counts as delayed. */
    static final long LATE_NS = 1_000_000L;

    private final HttpWorker worker;
    private final int connection;
    private final TcpConnection tcp;
    private final Redial redial;
    private final HttpResponseDecoder decoder;
    private final RequestMix.Picker picker;
    private final BodyMatcher[] matchers;
    private final int depth;
    private final int[] flightUrl;
    private final long[] flightDue;
    private final long[] flightSent;
    private int head;
    private int inFlight;

    private int state = IDLE;
    private long freeSinceNs;
    private long nextJ;
    private long dueCount;

    /** @param connection this connection's number over the whole run (0-based) */
    HttpSession(HttpWorker worker, int connection) {
        this.worker = worker;
        this.connection = connection;
        this.tcp = new TcpConnection(worker.loop, this);
        HttpLoadSpec spec = worker.spec;
        this.redial = new Redial(worker, this, tcp, spec.address(), spec.connectTimeoutNs());
        this.decoder = new HttpResponseDecoder(spec.maxHeaderBytes(), spec.maxBodyBytes());
        RequestMix mix = spec.mix();
        this.picker = mix.picker(connection + 1L);
        this.matchers = new BodyMatcher[mix.size()];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = mix.newMatcher(i);
        }
        this.depth = spec.pipeline();
        this.flightUrl = new int[depth];
        this.flightDue = new long[depth];
        this.flightSent = new long[depth];
    }

    @Override
    public void connect(long nowNs) {
        state = IDLE;
        freeSinceNs = nowNs;
        redial.attempt(nowNs);
    }

    @Override
    public void begin(long nowNs) {
        freeSinceNs = nowNs;
        if (state == OPEN && !worker.openModel()) {
            fill(nowNs);
        }
    }

    /** Open model: this connection's request {@code j} is due now (the worker calls this on time). */
    void due(long j, long nowNs) {
        dueCount = j + 1;
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
        if (!worker.active(nowNs) || inFlight >= depth) {
            return;
        }
        RequestMix mix = worker.spec.mix();
        ByteBuffer out = worker.loop.writeBuffer();
        out.clear();
        int added = 0;
        long sentNs = System.nanoTime();
        boolean open = worker.openModel();
        while (inFlight < depth && (!open || nextJ < dueCount) && out.remaining() >= mix.maxRequestBytes()) {
            int url = picker.next();
            byte[] request = mix.request(url);
            long dueNs;
            if (open) {
                dueNs = worker.dueNs(connection, nextJ++);
                if (nowNs - dueNs > LATE_NS && worker.window.records(dueNs, nowNs)) {
                    worker.recorder.delayed();
                }
            } else {
                dueNs = freeSinceNs;
            }
            out.put(request);
            int slot = (head + inFlight) % depth;
            flightUrl[slot] = url;
            flightDue[slot] = dueNs;
            flightSent[slot] = sentNs;
            inFlight++;
            added++;
            if (worker.window.measuring(nowNs)) {
                worker.recorder.sent(request.length);
            }
        }
        if (added == 0) {
            return;
        }
        out.flip();
        if (inFlight == added) {
            decoder.begin(mix.isHead(flightUrl[head]), matchers[flightUrl[head]]);
        }
        if (!tcp.write(out)) {
            ErrorKind kind = tcp.lastFailure();
            tcp.close();
            failed(kind, nowNs);
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        if (worker.window != null && worker.window.measuring(nowNs)) {
            worker.recorder.received(in.remaining());
        }
        while (in.hasRemaining()) {
            if (inFlight == 0) {
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
        int url = flightUrl[head];
        long dueNs = flightDue[head];
        long sentNs = flightSent[head];
        head = (head + 1) % depth;
        inFlight--;
        if (worker.window.records(dueNs, nowNs)) {
            int status = decoder.status();
            worker.recorder.status(status);
            RequestMix mix = worker.spec.mix();
            if (!mix.accepts(url, status)) {
                worker.recorder.error(ErrorKind.STATUS);
            } else if (!decoder.bodyMatched() || !mix.acceptsLength(url, decoder.bodyBytes())) {
                worker.recorder.error(ErrorKind.BODY);
            } else {
                worker.recorder.success(nowNs - dueNs, nowNs - sentNs);
            }
        }
        redial.succeeded();
        if (!decoder.keepAlive() || !worker.spec.keepalive()) {
            // Requests pipelined behind this one will not be answered on this connection.
            countInFlight(ErrorKind.CLOSED, nowNs);
            tcp.close();
            state = IDLE;
            if (worker.active(nowNs)) {
                connect(nowNs);
            }
            return false;
        }
        if (inFlight > 0) {
            decoder.begin(worker.spec.mix().isHead(flightUrl[head]), matchers[flightUrl[head]]);
        }
        freeSinceNs = nowNs;
        fill(nowNs);
        return state == OPEN;
    }

    @Override
    public void onEndOfInput(long nowNs) {
        if (inFlight > 0) {
            if (decoder.endOfInput() == HttpResponseDecoder.COMPLETE) {
                completed(nowNs); // a body delimited by the end of the connection
                return;
            }
            fail(ErrorKind.CLOSED, nowNs);
            return;
        }
        // The server closed an idle keep-alive connection: not a failed request, just replace it.
        tcp.close();
        state = IDLE;
        redial.retryLater(nowNs);
    }

    @Override
    public void onFailure(ErrorKind kind, long nowNs) {
        if (redial.connecting()) {
            redial.connectFailed(nowNs);
        } else {
            failed(kind, nowNs);
        }
    }

    private void fail(ErrorKind kind, long nowNs) {
        tcp.close();
        failed(kind, nowNs);
    }

    /** The connection failed with requests in flight: each counts under {@code kind}; replace it. */
    private void failed(ErrorKind kind, long nowNs) {
        countInFlight(kind, nowNs);
        if (state != STOPPED) {
            state = IDLE;
        }
        redial.retryLater(nowNs);
    }

    /** Counts every request in flight as failed with {@code kind} and forgets them. */
    private void countInFlight(ErrorKind kind, long nowNs) {
        for (int i = 0; i < inFlight; i++) {
            long dueNs = flightDue[(head + i) % depth];
            if (worker.window != null && worker.window.records(dueNs, nowNs)) {
                worker.recorder.error(kind);
            }
        }
        head = 0;
        inFlight = 0;
    }

    @Override
    public void onTimer(long nowNs) {
        if (state == OPEN && inFlight > 0 && nowNs - flightSent[head] > worker.spec.timeoutNs()) {
            fail(ErrorKind.TIMEOUT, nowNs);
        } else {
            redial.onTimer(nowNs);
        }
    }

    /** Whether nothing due in the window is outstanding here: nothing in flight, nothing unsent. */
    boolean drained() {
        return inFlight == 0 && (!worker.openModel() || nextJ >= dueCount);
    }

    @Override
    public void stop() {
        if (worker.window != null) {
            long endNs = worker.window.endNs();
            // Due in the window but never sent (the connection was busy or down): counted, not dropped.
            for (long j = nextJ; worker.openModel() && j < dueCount; j++) {
                if (worker.window.records(worker.dueNs(connection, j), endNs)) {
                    worker.recorder.unsent();
                }
            }
            // Sent but not answered when the run ended (interrupted, or the drain ran out).
            countInFlight(ErrorKind.UNFINISHED, endNs);
        }
        state = STOPPED;
        redial.stop();
        tcp.close();
    }
}
