package org.mangonel.load;

import java.net.InetSocketAddress;
import org.mangonel.scenario.Rate;

/**
 * Everything an HTTP load run needs, resolved. Immutable; shared by all loops.
 *
 * @param address          where to connect
 * @param mix              the encoded URL mix
 * @param keepalive        reuse connections (false: one connection per request)
 * @param connections      concurrent connections, each with one request in flight
 * @param threads          event loops (at most one per connection)
 * @param timeoutNs        per request, from its write to a complete response
 * @param connectTimeoutNs per connection attempt
 * @param maxHeaderBytes   response header limit
 * @param maxBodyBytes     response body limit
 * @param pipeline         requests in flight per connection (1: no pipelining)
 * @param rate             open model: the request rate over all connections; null for the closed model
 */
public record HttpLoadSpec(InetSocketAddress address, RequestMix mix, boolean keepalive, int connections,
                           int threads, long timeoutNs, long connectTimeoutNs, int maxHeaderBytes,
                           long maxBodyBytes, int pipeline, Rate rate) {
    public HttpLoadSpec {
        if (connections < 1 || threads < 1 || pipeline < 1) {
            throw new IllegalArgumentException("connections, threads and pipeline must be at least 1");
        }
    }
}
