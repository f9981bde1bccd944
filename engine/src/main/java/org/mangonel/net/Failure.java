package org.mangonel.net;

/**
 * Why a connection failed, as the transport sees it; the load engine turns each into the error
 * kind it is counted under. Knows nothing of protocols.
 */
public enum Failure {
    /** The connection could not be established: refused, unreachable, or timed out. */
    CONNECT,
    /** The secure handshake failed (e.g. a certificate that is not trusted): no connection. */
    HANDSHAKE,
    /** The peer reset the connection (TCP RST). */
    RESET,
    /** The connection was closed under us (or a write found it gone). */
    CLOSED,
    /** The peer broke the framing carried on the connection (e.g. an invalid WebSocket frame). */
    PROTOCOL
}
