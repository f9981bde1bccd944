package org.mangonel.stats;

/**
 * The counts every protocol keeps in a window, besides errors by kind, status codes and the
 * protocol's own counters. The names are public: they are keys in results.
 */
public enum Count {
    /** Successes recorded as latency samples: responses (HTTP), echoes, or chat deliveries. */
    REQUESTS,
    BYTES_RECEIVED,
    BYTES_SENT,
    /** Connections established during the window (with TLS, each one a handshake). */
    CONNECTIONS_OPENED,
    /** Open model: sent more than a millisecond after it was due (its connection was busy). */
    DELAYED,
    /** Open model: due in the window but never sent (its connection was busy or down). */
    UNSENT
}
