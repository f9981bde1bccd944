package org.mangonel.load;

import org.mangonel.net.Failure;
import org.mangonel.stats.ErrorKind;

/** The error kind a transport failure counts under. */
public final class Failures {
    private Failures() {
    }

    /** A failed TLS handshake is a connection that could not be established: {@code connect}. */
    public static ErrorKind kind(Failure failure) {
        return switch (failure) {
            case CONNECT, HANDSHAKE -> ErrorKind.CONNECT;
            case RESET -> ErrorKind.RESET;
            case CLOSED -> ErrorKind.CLOSED;
            case PROTOCOL -> ErrorKind.PROTOCOL;
        };
    }
}
