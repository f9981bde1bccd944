package org.mangonel.protocol.chat;

import org.mangonel.scenario.Share;
import org.mangonel.transport.Endpoint;

/**
 * Everything a chat run needs, resolved. Immutable; shared by all loops.
 *
 * @param endpoint          the chat server, and what carries the bytes
 * @param clients           the whole run's clients, each sending and receiving
 * @param share             which of them this process runs (every count-th, from its index)
 * @param threads           event loops (clients are dealt to them in turn)
 * @param messagesPerSecond per client
 * @param messageSize       bytes per message line before the terminator
 * @param terminator        line end sent
 * @param join              the first line each client sends, with {@code {client}} replaced, or null
 * @param connectTimeoutNs  per connection attempt
 * @param drainNs           how long deliveries are awaited after the window
 */
public record ChatLoadSpec(Endpoint endpoint, int clients, Share share, int threads, double messagesPerSecond,
                           int messageSize, byte[] terminator, String join, long connectTimeoutNs, long drainNs) {
    /** Above this many clients, duplicate detection (a table of clients²) is left out. */
    public static final int MAX_CLIENTS_TRACKED = 4096;

    public ChatLoadSpec {
        if (clients < 2) {
            throw new IllegalArgumentException("a chat needs at least 2 clients");
        }
        terminator = terminator.clone();
        share = share == null ? Share.ALL : share;
    }

    /** The clients this process runs. */
    public int localClients() {
        return share.part(clients);
    }

    /** Nanoseconds between two messages of one client. */
    public long intervalNs() {
        return Math.round(1e9 / messagesPerSecond);
    }

    /** Client {@code client}'s join line with its terminator, or null when the chat has none. */
    byte[] joinLine(int client) {
        if (join == null) {
            return null;
        }
        return (join.replace("{client}", String.valueOf(client))
                + new String(terminator, java.nio.charset.StandardCharsets.US_ASCII))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
