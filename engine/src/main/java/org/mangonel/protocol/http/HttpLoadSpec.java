package org.mangonel.protocol.http;

import org.mangonel.scenario.Share;
import org.mangonel.scenario.Rate;
import org.mangonel.transport.Endpoint;

/**
 * Everything an HTTP load run needs, resolved. Immutable; shared by all loops.
 *
 * @param endpoint         where to connect, and over what
 * @param mix              the encoded URL mix
 * @param keepalive        reuse connections (false: one connection per request)
 * @param connections      concurrent connections, each with one request in flight
 * @param threads          event loops (at most one per connection)
 * @param timeoutNs        per request, from its write to a complete response
 * @param connectTimeoutNs per connection attempt (TCP and any TLS handshake)
 * @param maxHeaderBytes   response header limit
 * @param maxBodyBytes     response body limit
 * @param pipeline         requests in flight per connection (1: no pipelining)
 * @param rate             open model: the request rate of the whole run; null for the closed model
 * @param share            which part of the run this process sends ({@link Share#ALL} for all)
 */
public record HttpLoadSpec(Endpoint endpoint, RequestMix mix, boolean keepalive, int connections, int threads,
                           long timeoutNs, long connectTimeoutNs, int maxHeaderBytes, long maxBodyBytes, int pipeline,
                           Rate rate, Share share) {
    public HttpLoadSpec {
        if (connections < 0 || threads < 1 || pipeline < 1) {
            throw new IllegalArgumentException("threads and pipeline must be at least 1");
        }
        share = share == null ? Share.ALL : share;
    }
}
