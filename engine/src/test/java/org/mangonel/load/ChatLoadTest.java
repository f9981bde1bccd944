package org.mangonel.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.mangonel.fixtures.LossyChatServer;
import org.mangonel.servers.ChatServer;
import org.mangonel.servers.ServerLoops;
import org.mangonel.stats.RunStats;

/** Chat traffic against the built-in relay: every expected delivery arrives, each counted once. */
class ChatLoadTest {
    static RunStats run(int port, int clients, double rate, long warmupMs, long durationMs, long drainMs)
            throws Exception {
        ChatLoadSpec spec = new ChatLoadSpec(new InetSocketAddress("127.0.0.1", port), clients, 2, rate, 64,
                new byte[] {'\n'}, "NICK user{client}", 1_000_000_000L, drainMs * 1_000_000L);
        return LoadRun.chat(spec).execute(warmupMs * 1_000_000L, durationMs * 1_000_000L, 2_000_000_000L,
                ProgressListener.NONE, () -> { }).stats();
    }

    @Test
    void everyMessageReachesEveryOtherClientOnce() throws Exception {
        try (ServerLoops server = ChatServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            int clients = 10;
            RunStats s = run(server.port(), clients, 20, 300, 1000, 500);
            // 10 clients × 20/s × 1 s, evenly spread: exactly 200 messages are due in the window
            assertEquals(200, s.messagesSent(), "messages due in the window");
            assertEquals(200L * (clients - 1), s.deliveriesExpected());
            assertEquals(s.deliveriesExpected(), s.deliveries(), "a lossless relay delivers everything");
            assertEquals(0, s.lost());
            assertEquals(0, s.duplicates());
            assertEquals(0, s.corrupted());
            assertEquals(0, s.errorTotal(), s.errors().toString());
            assertEquals(s.deliveries(), s.corrected().getTotalCount(), "one latency sample per delivery");
            assertTrue(s.latency().p50Ms() <= s.latency().p99Ms() && s.latency().p99Ms() <= s.latency().maxMs());
            assertTrue(s.latency().minMs() >= 0);
        }
    }

    @Test
    void lossesAndDelaysShowInsteadOfBeingHidden() throws Exception {
        try (LossyChatServer server = new LossyChatServer(10, 50)) {
            int clients = 8;
            RunStats s = run(server.port(), clients, 10, 300, 1000, 500);
            assertEquals(80, s.messagesSent());
            assertEquals(80L * (clients - 1), s.deliveriesExpected());
            double lostShare = (double) s.lost() / s.deliveriesExpected();
            // one message line in ten is dropped: about a tenth of the deliveries are lost
            assertTrue(lostShare > 0.05 && lostShare < 0.15, "lost share " + lostShare);
            assertEquals(s.deliveriesExpected() - s.lost(), s.deliveries());
            // every relay waits 50 ms: no delivery can be faster, and the median shows it
            assertTrue(s.latency().minMs() >= 49, "min " + s.latency().minMs());
            assertTrue(s.latency().p50Ms() >= 50, "p50 " + s.latency().p50Ms());
            assertEquals(0, s.duplicates());
            assertEquals(0, s.corrupted());
        }
    }
}
