package org.mangonel.protocol;

import org.mangonel.net.Connection;
import org.mangonel.net.Failure;

/**
 * A transport failure in words, as a protocol's pre-run check reports it: the same for every
 * protocol but for the names of its handshake and of what it speaks. Immutable.
 *
 * @param handshake what a {@link Failure#HANDSHAKE} failed at ("TLS handshake"; "handshake" where
 *                  a WebSocket upgrade may be the one that failed)
 * @param protocol  what a {@link Failure#PROTOCOL} broke ("protocol", "WebSocket protocol")
 */
public record FailureWords(String handshake, String protocol) {
    /** For a protocol whose only handshake is TLS's. */
    public static final FailureWords TLS = new FailureWords("TLS handshake", "protocol");

    /** {@code failure} in words, with its detail (the transport's one-line reason) when there is one. */
    public String describe(Failure failure, String detail) {
        String what = switch (failure) {
            case CONNECT -> "cannot connect";
            case HANDSHAKE -> handshake + " failed";
            case RESET -> "the connection was reset";
            case CLOSED -> "the connection was closed";
            case PROTOCOL -> "the server broke the " + protocol;
        };
        return detail == null ? what : what + ": " + detail;
    }

    /** The last failure of {@code connection} (a call that failed), in words. */
    public String describe(Connection connection) {
        return describe(connection.lastFailure(), connection.failureDetail());
    }
}
