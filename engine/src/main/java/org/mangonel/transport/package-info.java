/**
 * Transports: what carries a session's bytes under every protocol.
 *
 * <p>A {@link org.mangonel.transport.Transport} makes {@link org.mangonel.net.Connection}s: plain
 * TCP ({@link org.mangonel.net.TcpConnection}) or TLS over it, with the JDK's {@code SSLEngine} on
 * the same event loop (no extra threads, no blocking sockets). A session writes and reads plain
 * bytes and is told {@code onConnected} only once any handshake is done; the transport reports
 * what it negotiated ({@link org.mangonel.net.Connection#security()}). An
 * {@link org.mangonel.transport.Endpoint} is where a framework is reached: its address, the
 * {@code Host} authority, the URL's base path, and the transport.
 */
package org.mangonel.transport;
