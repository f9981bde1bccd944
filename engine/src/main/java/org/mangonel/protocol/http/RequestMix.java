package org.mangonel.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.load.Picker;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.Expect;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.UrlSpec;

/**
 * A URL mix made ready for the hot path: every request encoded to bytes, every expectation turned
 * into a status table and a body matcher prototype, the weights into a cumulative table.
 * Immutable; shared by all loops (each connection copies the matchers it needs).
 */
public final class RequestMix {
    static final String USER_AGENT = "mangonel/" + org.mangonel.Version.VERSION;

    private final byte[][] requests;
    private final boolean[] head;
    private final boolean[][] acceptStatus;
    private final BodyMatcher[] matchers;
    private final long[] bodyLength;
    private final long[] cumulativeWeight;
    private final int[] weight;
    private final Order order;
    private final List<String> labels;
    private final int maxRequestBytes;

    /**
     * @param workload  the benchmark's URL mix
     * @param authority host:port for the Host header
     * @param basePath  the framework URL's path prefix ("" or e.g. "/api")
     */
    public RequestMix(HttpWorkload workload, String authority, String basePath) {
        int n = workload.urls().size();
        requests = new byte[n][];
        head = new boolean[n];
        acceptStatus = new boolean[n][];
        matchers = new BodyMatcher[n];
        bodyLength = new long[n];
        weight = new int[n];
        order = workload.order();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UrlSpec url = workload.urls().get(i);
            List<HttpRequestEncoder.Header> headers = url.headers().stream()
                    .map(h -> new HttpRequestEncoder.Header(h.name(), h.value())).toList();
            requests[i] = HttpRequestEncoder.encode(url.method(), basePath + url.path(), authority, headers,
                    url.body().getBytes(StandardCharsets.UTF_8), workload.keepalive(), USER_AGENT);
            head[i] = url.method().equals("HEAD");
            Expect expect = url.expect() != null ? url.expect() : workload.expect();
            acceptStatus[i] = new boolean[600];
            for (int code = 100; code < 600; code++) {
                acceptStatus[i][code] = expect.acceptsStatus(code);
            }
            if (expect.bodyEquals() != null) {
                matchers[i] = BodyMatcher.equalTo(expect.bodyEquals().getBytes(StandardCharsets.UTF_8));
            } else if (expect.bodyContains() != null) {
                matchers[i] = BodyMatcher.containing(expect.bodyContains().getBytes(StandardCharsets.UTF_8));
            }
            bodyLength[i] = expect.bodyLength() == null ? -1 : expect.bodyLength();
            weight[i] = url.weight();
            names.add(url.method() + " " + url.path());
        }
        labels = List.copyOf(names);
        cumulativeWeight = Picker.cumulative(weight);
        int longest = 0;
        for (byte[] r : requests) {
            longest = Math.max(longest, r.length);
        }
        maxRequestBytes = longest;
        if (longest > org.mangonel.net.EventLoop.BUFFER_BYTES) {
            throw new IllegalArgumentException("a request of " + longest + " bytes does not fit the "
                    + org.mangonel.net.EventLoop.BUFFER_BYTES + "-byte send buffer");
        }
    }

    public int size() {
        return requests.length;
    }

    /** The longest encoded request, so a batch can be sized before a URL is picked. */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The encoded request for URL {@code i}; do not modify. */
    public byte[] request(int i) {
        return requests[i];
    }

    public byte[] requestCopy(int i) {
        return requests[i].clone();
    }

    public boolean isHead(int i) {
        return head[i];
    }

    /** Whether URL {@code i} accepts this status. */
    public boolean accepts(int i, int status) {
        return status >= 0 && status < 600 && acceptStatus[i][status];
    }

    /** Whether a body of this many bytes meets URL {@code i}'s length expectation (if any). */
    public boolean acceptsLength(int i, long bytes) {
        return bodyLength[i] < 0 || bodyLength[i] == bytes;
    }

    /** A new matcher for URL {@code i} for one connection, or null when its body is not checked. */
    public BodyMatcher newMatcher(int i) {
        return matchers[i] == null ? null : matchers[i].copy();
    }

    public String label(int i) {
        return labels.get(i);
    }

    /** A picker with its own state, for one connection. */
    Picker picker(long seed) {
        return new Picker(order, weight, cumulativeWeight, seed);
    }
}
