package org.mangonel.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Chat traffic over TCP lines: every client connects and (optionally) sends a join line, then
 * sends messages on a fixed schedule (open model: a slow server cannot slow the senders down);
 * the server is expected to relay every line to every other client. The number of clients is the
 * benchmark's concurrency level.
 *
 * @param join        the first line each client sends (may hold {@code {client}}, the client's
 *                    number), or null for none
 * @param messageRate messages per second, per client
 * @param messageSize bytes per message line, without the terminator
 * @param terminator  the line terminator sent ({@code "\n"} or {@code "\r\n"}); either is accepted
 *                    on receipt
 * @param drain       how long after the measured window deliveries are still awaited before the
 *                    missing ones count as lost
 */
public record ChatWorkload(String join, double messageRate, int messageSize, String terminator, Duration drain)
        implements Workload {

    /** The smallest message: the fields Mangonel needs to recognise a delivery. */
    public static final int MIN_MESSAGE_SIZE = 48;

    public ChatWorkload {
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(drain, "drain");
        if (messageRate <= 0 || messageSize < MIN_MESSAGE_SIZE) {
            throw new IllegalArgumentException("rate must be positive and size at least " + MIN_MESSAGE_SIZE);
        }
    }
}
