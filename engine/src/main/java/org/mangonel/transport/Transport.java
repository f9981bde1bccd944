package org.mangonel.transport;

import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.net.TcpConnection;

/**
 * What carries a session's bytes: plain TCP ({@link #PLAIN}), TLS over TCP ({@link TlsTransport}),
 * or WebSocket framing over either ({@code protocol.websocket.WebSocketTransport}). Plain or TLS
 * is chosen once per framework from its URL's scheme and {@code tls:} settings; a protocol that
 * speaks over WebSocket wraps that one. Every connection a session opens comes from here, so a
 * session never knows whether its bytes are encrypted. Immutable; shared by all loops.
 */
public interface Transport {
    /** Plain TCP. */
    Transport PLAIN = new Transport() {
        @Override
        public Connection open(EventLoop loop, Connection.Handler handler) {
            return new TcpConnection(loop, handler);
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public String toString() {
            return "tcp";
        }
    };

    /** A new, closed connection on {@code loop} reporting to {@code handler}. */
    Connection open(EventLoop loop, Connection.Handler handler);

    /** Whether bytes are encrypted (each connection then begins with a handshake). */
    boolean secure();
}
