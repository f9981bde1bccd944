package org.mangonel.load;

import java.net.InetSocketAddress;

/**
 * Everything a chat run needs, resolved. Immutable; shared by all loops.
 *
 * @param address          the chat server
 * @param clients          connected clients, each sending and receiving
 * @param threads          event loops (clients are dealt to them in turn)
 * @param messagesPerSecond per client
 * @param messageSize      bytes per message line before the terminator
 * @param terminator       line end sent
 * @param join             the first line each client sends, with {@code {client}} replaced, or null
 * @param connectTimeoutNs per connection attempt
 * @param drainNs          how long deliveries are awaited after the window
 */
public record ChatLoadSpec(InetSocketAddress address, int clients, int threads, double messagesPerSecond,
                           int messageSize, byte[] terminator, String join, long connectTimeoutNs, long drainNs) {
    /** Above this many clients, duplicate detection (a table of clients²) is left out. */
    public static final int MAX_CLIENTS_TRACKED = 4096;

    public ChatLoadSpec {
        if (clients < 2) {
            throw new IllegalArgumentException("a chat needs at least 2 clients");
        }
        terminator = terminator.clone();
    }

    /** Nanoseconds between two messages of one client. */
    public long intervalNs() {
        return Math.round(1e9 / messagesPerSecond);
    }
}
