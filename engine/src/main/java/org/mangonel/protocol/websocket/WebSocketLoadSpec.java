package org.mangonel.protocol.websocket;

import org.mangonel.scenario.Rate;
import org.mangonel.transport.Endpoint;

/**
 * Everything a WebSocket request/response run needs, resolved. Immutable; shared by all loops.
 *
 * @param endpoint         the server, reached over WebSocket framing (its transport is a
 *                         {@link WebSocketTransport})
 * @param mix              the messages, ready to send
 * @param connections      concurrent connections, each with one message in flight
 * @param threads          event loops
 * @param timeoutNs        per message, from its write to the end of its answer
 * @param connectTimeoutNs per connection attempt (TCP, any TLS, and the upgrade)
 * @param rate             open model: messages per second over all connections; null for the closed model
 */
record WebSocketLoadSpec(Endpoint endpoint, WebSocketMix mix, int connections, int threads, long timeoutNs,
                         long connectTimeoutNs, Rate rate) {
}
