package org.mangonel.stats;

import java.util.Locale;

/** Why a request failed. The names are public: they are the keys of {@code errors} in results. */
public enum ErrorKind {
    /** The connection could not be established (refused, unreachable, connect timeout). */
    CONNECT,
    /** No complete response within the request timeout. */
    TIMEOUT,
    /** The peer reset the connection (TCP RST). */
    RESET,
    /** The peer closed the connection (FIN) before a complete response. */
    CLOSED,
    /** The response was not valid HTTP (or line protocol), or broke a size limit. */
    PROTOCOL,
    /** The response's status code was not an expected one. */
    STATUS,
    /** The response's body did not match the expectation. */
    BODY,
    /** Still awaiting its response when the run ended (it was interrupted, or its drain ran out). */
    UNFINISHED;

    /** Number of kinds, for counter arrays. */
    public static final int COUNT = values().length;
    private static final ErrorKind[] VALUES = values();

    /** The kind at this ordinal (no array copy). */
    public static ErrorKind of(int ordinal) {
        return VALUES[ordinal];
    }

    /** The lower-case key used in results. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
