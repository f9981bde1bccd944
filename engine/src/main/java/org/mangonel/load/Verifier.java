package org.mangonel.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mangonel.protocol.http.BodyMatcher;
import org.mangonel.protocol.http.HttpResponseDecoder;

/**
 * Before measuring, requests each URL of a mix once, on a plain blocking socket, and checks the
 * response against the URL's expectation with the same decoder and matchers the load uses. Not
 * the hot path: clarity over speed. Any thread.
 */
public final class Verifier {
    private static final int SHOWN_BODY_BYTES = 120;

    private Verifier() {
    }

    /**
     * @return empty when every URL meets its expectation, else why the first one does not
     */
    public static Optional<String> verify(InetSocketAddress address, RequestMix mix, int maxHeaderBytes,
                                          long maxBodyBytes, int timeoutMs) {
        for (int i = 0; i < mix.size(); i++) {
            Optional<String> problem = verifyOne(address, mix, i, maxHeaderBytes, maxBodyBytes, timeoutMs);
            if (problem.isPresent()) {
                return Optional.of(mix.label(i) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> verifyOne(InetSocketAddress address, RequestMix mix, int i, int maxHeaderBytes,
                                              long maxBodyBytes, int timeoutMs) {
        HttpResponseDecoder decoder = new HttpResponseDecoder(maxHeaderBytes, maxBodyBytes);
        BodyMatcher expected = mix.newMatcher(i);
        Capture capture = new Capture(expected);
        decoder.begin(mix.isHead(i), capture);
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMs);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(mix.requestCopy(i));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[16 * 1024];
            int result = HttpResponseDecoder.NEED_MORE;
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            while (result == HttpResponseDecoder.NEED_MORE) {
                if (System.nanoTime() > deadline) {
                    return Optional.of("no complete response within " + timeoutMs + " ms");
                }
                int n = in.read(chunk);
                if (n < 0) {
                    result = decoder.endOfInput();
                    break;
                }
                result = decoder.decode(ByteBuffer.wrap(chunk, 0, n));
            }
            if (result == HttpResponseDecoder.ERROR) {
                return Optional.of("invalid response: " + decoder.error());
            }
        } catch (SocketTimeoutException e) {
            return Optional.of("no complete response within " + timeoutMs + " ms");
        } catch (IOException e) {
            return Optional.of("request failed: " + e.getMessage());
        }
        int status = decoder.status();
        if (!mix.accepts(i, status)) {
            return Optional.of("answered status " + status + ", which the expectation does not accept (body: "
                    + capture.shown() + ")");
        }
        if (expected != null && !expected.matched()) {
            return Optional.of("the body did not match the expectation; it began: " + capture.shown());
        }
        if (!mix.acceptsLength(i, decoder.bodyBytes())) {
            return Optional.of("the body is " + decoder.bodyBytes() + " bytes, not the expected length; it began: "
                    + capture.shown());
        }
        return Optional.empty();
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
