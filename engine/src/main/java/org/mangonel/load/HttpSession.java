package org.mangonel.load;

import java.nio.ByteBuffer;
import org.mangonel.net.TcpConnection;
import org.mangonel.protocol.BodyMatcher;
import org.mangonel.protocol.HttpResponseDecoder;
import org.mangonel.stats.ErrorKind;

/**
 * One HTTP/1.1 client connection in the closed model: one request in flight, the next one due
 * the moment the previous response was read.
 *
 * <pre>
 *   IDLE ──connect──▶ CONNECTING ──ok──▶ READY ──begin / due──▶ AWAITING ──response──▶ (record)
 *     ▲                  │ refused/timeout                          │   keep-alive: send next ─┐
 *     │                  ▼                                          │   else: close, reconnect │
 *     └──── BACKOFF ◀── count CONNECT                               ▼                          │
 *           (10 ms doubling to 1 s after                  timeout / reset / closed /           │
 *            consecutive failures)                        protocol: count, reconnect           │
 *                                                                   ◀──────────────────────────┘
 * </pre>
 * A {@code status} or {@code body} error is counted but keeps the connection: the response was
 * framed correctly, so the connection is in a known state (as every HTTP client reuses it). Every
 * other failure leaves the connection in an unknown state, so it is replaced.
 */
final class HttpSession implements Session, TcpConnection.Handler {
    private static final int IDLE = 0;
    private static final int CONNECTING = 1;
    private static final int READY = 2;
    private static final int AWAITING = 3;
    private static final int BACKOFF = 4;
    private static final int STOPPED = 5;

    private static final long FIRST_BACKOFF_NS = 10_000_000L;
    private static final long MAX_BACKOFF_NS = 1_000_000_000L;

    private final HttpWorker worker;
    private final TcpConnection tcp;
    private final HttpResponseDecoder decoder;
    private final RequestMix.Picker picker;
    private final BodyMatcher[] matchers;

    private int state = IDLE;
    private boolean everSettled;
    private int url;
    private long dueNs;
    private long sentNs;
    private long connectStartNs;
    private long retryAtNs;
    private long backoffNs = FIRST_BACKOFF_NS;
    private int consecutiveFailures;

    HttpSession(HttpWorker worker, int index) {
        this.worker = worker;
        this.tcp = new TcpConnection(worker.loop, this);
        this.decoder = new HttpResponseDecoder(worker.spec.maxHeaderBytes(), worker.spec.maxBodyBytes());
        RequestMix mix = worker.spec.mix();
        this.picker = mix.picker(index + 1L);
        this.matchers = new BodyMatcher[mix.size()];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = mix.newMatcher(i);
        }
    }

    @Override
    public void connect(long nowNs) {
        state = CONNECTING;
        connectStartNs = nowNs;
        dueNs = nowNs;
        worker.connectStarted();
        if (!tcp.connect(worker.spec.address())) {
            connectFailed(nowNs);
        }
    }

    @Override
    public void begin(long nowNs) {
        dueNs = nowNs;
        if (state == READY) {
            send(nowNs);
        }
    }

    @Override
    public void onConnected(long nowNs) {
        worker.connectEnded(!everSettled);
        everSettled = true;
        if (worker.window != null && worker.window.measuring(nowNs)) {
            worker.recorder.connectionOpened();
        }
        state = READY;
        if (worker.running(nowNs)) {
            send(nowNs);
        }
    }

    private void send(long nowNs) {
        RequestMix mix = worker.spec.mix();
        url = picker.next();
        decoder.begin(mix.isHead(url), matchers[url]);
        byte[] request = mix.request(url);
        ByteBuffer out = worker.loop.writeBuffer();
        out.clear();
        out.put(request);
        out.flip();
        state = AWAITING;
        sentNs = System.nanoTime();
        if (!tcp.write(out)) {
            ErrorKind kind = tcp.lastFailure();
            tcp.close();
            failed(kind, nowNs);
            return;
        }
        if (worker.window.measuring(nowNs)) {
            worker.recorder.sent(request.length);
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        if (worker.window != null && worker.window.measuring(nowNs)) {
            worker.recorder.received(in.remaining());
        }
        while (in.hasRemaining()) {
            if (state != AWAITING) {
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
            completed(nowNs);
            if (state != AWAITING) {
                return; // the connection was closed or traffic ended: leftover bytes go with it
            }
        }
    }

    private void completed(long nowNs) {
        boolean keep = decoder.keepAlive() && worker.spec.keepalive();
        if (worker.window.records(dueNs, nowNs)) {
            int status = decoder.status();
            worker.recorder.status(status);
            if (!worker.spec.mix().accepts(url, status)) {
                worker.recorder.error(ErrorKind.STATUS);
            } else if (!decoder.bodyMatched() || !worker.spec.mix().acceptsLength(url, decoder.bodyBytes())) {
                worker.recorder.error(ErrorKind.BODY);
            } else {
                worker.recorder.success(nowNs - dueNs, nowNs - sentNs);
            }
        }
        consecutiveFailures = 0;
        backoffNs = FIRST_BACKOFF_NS;
        dueNs = nowNs;
        if (!keep) {
            tcp.close();
            state = IDLE;
            if (worker.running(nowNs)) {
                connect(nowNs);
            }
            return;
        }
        state = READY;
        if (worker.running(nowNs)) {
            send(nowNs);
        }
    }

    @Override
    public void onEndOfInput(long nowNs) {
        if (state == AWAITING) {
            if (decoder.endOfInput() == HttpResponseDecoder.COMPLETE) {
                completed(nowNs); // a body delimited by the end of the connection
                return;
            }
            fail(ErrorKind.CLOSED, nowNs);
            return;
        }
        // The server closed an idle keep-alive connection: not a failed request, just replace it.
        tcp.close();
        reconnectLater(nowNs);
    }

    @Override
    public void onFailure(ErrorKind kind, long nowNs) {
        if (state == CONNECTING) {
            connectFailed(nowNs);
        } else {
            failed(kind, nowNs);
        }
    }

    private void fail(ErrorKind kind, long nowNs) {
        tcp.close();
        failed(kind, nowNs);
    }

    /** A request failed; the connection is closed. Count it and replace the connection. */
    private void failed(ErrorKind kind, long nowNs) {
        if (worker.window != null && worker.window.records(dueNs, nowNs)) {
            worker.recorder.error(kind);
        }
        reconnectLater(nowNs);
    }

    private void connectFailed(long nowNs) {
        worker.connectEnded(!everSettled);
        everSettled = true;
        if (worker.window != null && worker.window.measuring(nowNs)) {
            worker.recorder.error(ErrorKind.CONNECT);
        }
        tcp.close();
        reconnectLater(nowNs);
    }

    /** Replaces the connection: at once after a first failure, with growing backoff after more. */
    private void reconnectLater(long nowNs) {
        consecutiveFailures++;
        if (state == STOPPED) {
            return;
        }
        if (consecutiveFailures < 2 && worker.running(nowNs)) {
            connect(nowNs);
            return;
        }
        state = BACKOFF;
        retryAtNs = nowNs + backoffNs;
        backoffNs = Math.min(MAX_BACKOFF_NS, backoffNs * 2);
    }

    @Override
    public void onTimer(long nowNs) {
        switch (state) {
            case AWAITING -> {
                if (nowNs - sentNs > worker.spec.timeoutNs()) {
                    fail(ErrorKind.TIMEOUT, nowNs);
                }
            }
            case CONNECTING -> {
                if (nowNs - connectStartNs > worker.spec.connectTimeoutNs()) {
                    tcp.close();
                    connectFailed(nowNs);
                }
            }
            case BACKOFF -> {
                if (nowNs >= retryAtNs && (worker.window == null || worker.running(nowNs))) {
                    connect(nowNs);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void stop() {
        state = STOPPED;
        tcp.close();
    }
}
