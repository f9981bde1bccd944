package org.mangonel.scenario;

import java.util.List;
import java.util.Objects;

/**
 * An HTTP/1.1 URL mix.
 *
 * @param urls      the requests, at least one
 * @param order     how each connection picks its next request from the mix
 * @param keepalive false sends {@code Connection: close} and opens a connection per request
 * @param expect    what a successful response looks like (per-URL expectations override it)
 * @param limits    size limits for responses
 * @param pipeline  requests kept in flight per connection (HTTP/1.1 pipelining); 1 for none
 */
public record HttpWorkload(List<UrlSpec> urls, Order order, boolean keepalive, Expect expect, Limits limits,
                           int pipeline) implements Workload {

    public HttpWorkload {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an HTTP workload needs at least one URL");
        }
        Objects.requireNonNull(order, "order");
        expect = expect == null ? Expect.ANY_SUCCESS : expect;
        limits = limits == null ? Limits.DEFAULTS : limits;
        if (pipeline < 1) {
            throw new IllegalArgumentException("pipeline must be at least 1");
        }
    }

    /**
     * Response size limits. A response over a limit is a {@code protocol} error, never an
     * out-of-memory: the decoder does not keep what it reads.
     *
     * @param maxHeaderBytes status line plus headers
     * @param maxBodyBytes   decoded body
     */
    public record Limits(int maxHeaderBytes, long maxBodyBytes) {
        public static final Limits DEFAULTS = new Limits(64 * 1024, 64L * 1024 * 1024);

        public Limits {
            if (maxHeaderBytes <= 0 || maxBodyBytes < 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }
}
