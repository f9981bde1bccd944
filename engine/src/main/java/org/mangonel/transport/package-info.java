/**
 * Transports: what carries a session's bytes under every protocol.
 *
 * <p>A {@link org.mangonel.transport.Transport} makes the {@link org.mangonel.net.Connection}s a
 * session uses. There are three:
 * <ul>
 *   <li>plain TCP, {@link org.mangonel.transport.Transport#PLAIN} ({@link org.mangonel.net.TcpConnection}),
 *       for {@code http}, {@code tcp} and {@code ws} URLs;</li>
 *   <li>TLS over TCP, {@link org.mangonel.transport.TlsTransport} ({@code TlsConnection}), for
 *       {@code https}, {@code tls} and {@code wss}: the JDK's {@code SSLEngine} on the connection's
 *       own event loop (no extra threads, no blocking sockets);</li>
 *   <li>WebSocket framing over either of them,
 *       {@link org.mangonel.protocol.websocket.WebSocketTransport}, which lives in its protocol's
 *       package: it does the upgrade, then carries one message per write.</li>
 * </ul>
 * The first two are chosen once per framework from its URL's scheme and {@code tls:} settings, by
 * {@code run.Endpoints} for a scenario and by {@code cli.LoadCommand} for {@code engine load}; a
 * protocol that speaks over WebSocket ({@code websocket}, and {@code chat} with a {@code ws} or
 * {@code wss} URL) wraps that one in a {@code WebSocketTransport} itself. A session writes and
 * reads plain bytes (or messages) and is told {@code onConnected} only once every handshake below
 * it is done; the connection reports what TLS negotiated ({@link org.mangonel.net.Connection#security()}).
 *
 * <p>An {@link org.mangonel.transport.Endpoint} is where a framework is reached: its URL, address,
 * the {@code Host} authority, the URL's base path, and the transport. It keeps the default port of
 * every scheme the engine knows (an unknown scheme gets 80).
 *
 * <p>Threads: transports are immutable and shared by all loops, except each TLS and WebSocket
 * transport's map of per-loop scratch buffers, filled under a lock when a loop opens its first
 * connection. A connection belongs to the loop thread it was opened on.
 */
package org.mangonel.transport;
