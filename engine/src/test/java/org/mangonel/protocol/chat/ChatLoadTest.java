package org.mangonel.protocol.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.mangonel.load.ProgressListener;
import org.mangonel.transport.Endpoint;
import org.mangonel.transport.Transport;
import org.junit.jupiter.api.Test;
import org.mangonel.fixtures.LossyChatServer;
import org.mangonel.servers.ChatServer;
import org.mangonel.servers.ServerLoops;
import org.mangonel.stats.RunStats;

/** Chat traffic against the built-in relay: every expected delivery arrives, each counted once. */
class ChatLoadTest {
    static RunStats run(int port, int clients, double rate, long warmupMs, long durationMs, long drainMs)
            throws Exception {
        Endpoint endpoint = new Endpoint(URI.create("tcp://127.0.0.1:" + port), new InetSocketAddress("127.0.0.1",
                port), "127.0.0.1:" + port, "", Transport.PLAIN);
        ChatLoadSpec spec = new ChatLoadSpec(endpoint, clients, org.mangonel.scenario.Share.ALL, 2, rate, 64, new byte[] {'\n'}, "NICK user{client}",
                1_000_000_000L, drainMs * 1_000_000L);
        return ChatProtocol.loadRun(spec).execute(warmupMs * 1_000_000L, durationMs * 1_000_000L, 2_000_000_000L,
                ProgressListener.NONE, () -> { }).stats();
    }

    @Test
    void everyMessageReachesEveryOtherClientOnce() throws Exception {
        try (ServerLoops server = ChatServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            int clients = 10;
            RunStats s = run(server.port(), clients, 20, 300, 1000, 500);
            // 10 clients × 20/s × 1 s, evenly spread: exactly 200 messages are due in the window
            assertEquals(200, s.counter(ChatCounter.MESSAGES_SENT), "messages due in the window");
            assertEquals(200L * (clients - 1), s.counter(ChatCounter.DELIVERIES_EXPECTED));
            assertEquals(s.counter(ChatCounter.DELIVERIES_EXPECTED), s.requests(), "a lossless relay delivers everything");
            assertEquals(0, (s.counter(ChatCounter.DELIVERIES_EXPECTED) - s.requests()));
            assertEquals(0, s.counter(ChatCounter.DUPLICATES));
            assertEquals(0, s.counter(ChatCounter.CORRUPTED));
            assertEquals(0, s.errorTotal(), s.errors().toString());
            assertEquals(s.requests(), s.corrected().getTotalCount(), "one latency sample per delivery");
            assertTrue(s.latency().p50Ms() <= s.latency().p99Ms() && s.latency().p99Ms() <= s.latency().maxMs());
            assertTrue(s.latency().minMs() >= 0);
        }
    }

    @Test
    void lossesAndDelaysShowInsteadOfBeingHidden() throws Exception {
        try (LossyChatServer server = new LossyChatServer(10, 50)) {
            int clients = 8;
            RunStats s = run(server.port(), clients, 10, 300, 1000, 500);
            assertEquals(80, s.counter(ChatCounter.MESSAGES_SENT));
            assertEquals(80L * (clients - 1), s.counter(ChatCounter.DELIVERIES_EXPECTED));
            double lostShare = (double) (s.counter(ChatCounter.DELIVERIES_EXPECTED) - s.requests()) / s.counter(ChatCounter.DELIVERIES_EXPECTED);
            // one message line in ten is dropped: about a tenth of the deliveries are lost
            assertTrue(lostShare > 0.05 && lostShare < 0.15, "lost share " + lostShare);
            assertEquals(s.counter(ChatCounter.DELIVERIES_EXPECTED) - (s.counter(ChatCounter.DELIVERIES_EXPECTED) - s.requests()), s.requests());
            // every relay waits 50 ms: no delivery can be faster, and the median shows it
            assertTrue(s.latency().minMs() >= 49, "min " + s.latency().minMs());
            assertTrue(s.latency().p50Ms() >= 50, "p50 " + s.latency().p50Ms());
            assertEquals(0, s.counter(ChatCounter.DUPLICATES));
            assertEquals(0, s.counter(ChatCounter.CORRUPTED));
        }
    }

    @Test
    void everyMessageDueInTheWindowIsSentOrCountedUnsent() throws Exception {
        // A server that hangs up on every client at once: a client is joined for moments, then
        // reconnects (after a growing backoff); what fell due meanwhile was never sent.
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket ignored = server.accept()) {
                        // closed at once
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            hangUp.setDaemon(true);
            hangUp.start();
            RunStats s = run(server.getLocalPort(), 2, 20, 300, 1000, 200);
            long sent = s.counter(ChatCounter.MESSAGES_SENT);
            long unsent = s.counter(ChatCounter.MESSAGES_UNSENT);
            // 2 clients × 20/s × 1 s: 40 messages due in the window, each counted once or the other way
            assertEquals(40, sent + unsent, "sent " + sent + ", unsent " + unsent);
            assertTrue(unsent > 0, "unsent " + unsent);
            assertEquals(0, s.requests(), "nothing is relayed");
            assertTrue(s.errorTotal() > 0, "the hang-ups are counted");
            String why = new ChatProtocol().nothingMeasured(s);
            assertTrue(why.startsWith(sent == 0 ? "no message was delivered: none of the 40 due was sent"
                    : String.format(java.util.Locale.ROOT, "no message was delivered: %d sent, ", sent)), why);
        }
    }
}
