package org.mangonel.protocol.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mangonel.load.Probe;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.protocol.FailureWords;
import org.mangonel.transport.Endpoint;

/**
 * Before measuring, requests each URL of a mix once, with the connection, transport, decoder and
 * matchers the load uses, and checks the response against the URL's expectation. Runs on a
 * {@link Probe}'s loop; not the hot path: clarity over speed.
 *
 * <pre>
 *   connect ──▶ send URL i ──response──▶ check it ──ok──▶ i+1 (same connection if kept alive) ──▶ … ──▶ pass
 *      └── failure, invalid or unexpected response ──▶ fail with "METHOD PATH: why"
 * </pre>
 */
final class HttpCheck implements Probe.Check, Connection.Handler {
    private static final int SHOWN_BODY_BYTES = 120;

    private final Endpoint endpoint;
    private final RequestMix mix;
    private final boolean keepalive;
    private final HttpResponseDecoder decoder;
    private final long timeoutMs;
    private Connection connection;
    private Capture capture;
    private int url;
    private boolean open;
    private Optional<String> verdict;

    HttpCheck(Endpoint endpoint, RequestMix mix, boolean keepalive, int maxHeaderBytes, long maxBodyBytes,
              long timeoutMs) {
        this.endpoint = endpoint;
        this.mix = mix;
        this.keepalive = keepalive;
        this.decoder = new HttpResponseDecoder(maxHeaderBytes, maxBodyBytes);
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void start(EventLoop loop, long nowNs) {
        connection = endpoint.transport().open(loop, this);
        connect();
    }

    private void connect() {
        open = false;
        if (!connection.connect(endpoint.address())) {
            fail(FailureWords.TLS.describe(connection));
        }
    }

    @Override
    public void onConnected(long nowNs) {
        open = true;
        send();
    }

    private void send() {
        capture = new Capture(mix.newMatcher(url));
        decoder.begin(mix.isHead(url), capture);
        if (!connection.write(ByteBuffer.wrap(mix.requestCopy(url)))) {
            fail(FailureWords.TLS.describe(connection));
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        while (in.hasRemaining() && verdict == null) {
            int result = decoder.decode(in);
            if (result == HttpResponseDecoder.NEED_MORE) {
                return;
            }
            if (result == HttpResponseDecoder.ERROR) {
                fail("invalid response: " + decoder.error());
                return;
            }
            completed();
            return; // nothing else was asked for on this connection
        }
    }

    private void completed() {
        String problem = problem();
        if (problem != null) {
            fail(problem);
            return;
        }
        url++;
        if (url == mix.size()) {
            connection.close();
            verdict = Optional.empty();
        } else if (keepalive && decoder.keepAlive() && open) {
            send();
        } else {
            connection.close();
            connect();
        }
    }

    /** Why the response to the current URL does not meet its expectation, or null. */
    private String problem() {
        int status = decoder.status();
        if (!mix.accepts(url, status)) {
            return "answered status " + status + ", which the expectation does not accept (body: " + capture.shown()
                    + ")";
        }
        if (!capture.matched()) {
            return "the body did not match the expectation; it began: " + capture.shown();
        }
        if (!mix.acceptsLength(url, decoder.bodyBytes())) {
            return "the body is " + decoder.bodyBytes() + " bytes, not the expected length; it began: "
                    + capture.shown();
        }
        return null;
    }

    @Override
    public void onEndOfInput(long nowNs) {
        open = false;
        if (decoder.endOfInput() == HttpResponseDecoder.COMPLETE) {
            completed();
        } else {
            fail("the server closed the connection before the response was complete");
        }
    }

    @Override
    public void onFailure(Failure failure, long nowNs) {
        fail(FailureWords.TLS.describe(failure, connection.failureDetail()));
    }

    private void fail(String why) {
        if (verdict == null) {
            connection.close();
            verdict = Optional.of(mix.label(url) + ": " + why);
        }
    }

    @Override
    public Optional<String> verdict() {
        return verdict;
    }

    @Override
    public String timeoutReason() {
        return mix.label(url) + ": " + (open ? "no complete response" : "no connection") + " within " + timeoutMs
                + " ms";
    }

    /** Keeps the first bytes of the body to show in a message, and forwards to the real matcher. */
    private static final class Capture implements BodyMatcher {
        private final BodyMatcher inner;
        private final byte[] head = new byte[SHOWN_BODY_BYTES];
        private int length;
        private long total;

        Capture(BodyMatcher inner) {
            this.inner = inner;
        }

        @Override
        public void begin() {
            length = 0;
            total = 0;
            if (inner != null) {
                inner.begin();
            }
        }

        @Override
        public void update(byte[] a, int from, int to) {
            for (int i = from; i < to && length < head.length; i++) {
                head[length++] = a[i];
            }
            total += to - from;
            if (inner != null) {
                inner.update(a, from, to);
            }
        }

        @Override
        public boolean matched() {
            return inner == null || inner.matched();
        }

        @Override
        public BodyMatcher copy() {
            return new Capture(inner == null ? null : inner.copy());
        }

        String shown() {
            String text = new String(head, 0, length, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
            return "'" + text + (total > length ? "…" : "") + "' (" + total + " bytes)";
        }
    }
}
