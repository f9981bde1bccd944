package org.mangonel.load;

import java.net.InetSocketAddress;

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
 */
public record HttpLoadSpec(InetSocketAddress address, RequestMix mix, boolean keepalive, int connections,
                           int threads, long timeoutNs, long connectTimeoutNs, int maxHeaderBytes,
                           long maxBodyBytes) {
    public HttpLoadSpec {
        if (connections < 1 || threads < 1) {
            throw new IllegalArgumentException("connections and threads must be at least 1");
        }
    }
}
