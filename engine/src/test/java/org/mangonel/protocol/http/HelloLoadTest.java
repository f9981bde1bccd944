package org.mangonel.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mangonel.load.LoadResult;
import org.mangonel.scenario.Expect;
import org.mangonel.servers.HelloServer;
import org.mangonel.servers.ServerLoops;
import org.mangonel.stats.ErrorKind;

class HelloLoadTest {
    @Test
    void closedModelAgainstHelloServerCountsOnlySuccesses() throws Exception {
        try (ServerLoops server = HelloServer.start(new InetSocketAddress("127.0.0.1", 0), 1)) {
            HttpRuns.Options o = HttpRuns.Options.of("/").connections(8).threads(2)
                    .expect(new Expect(List.of(200), "Hello, World!", null, null));
            LoadResult result = HttpRuns.run(server.port(), o, 200, 500);
            var stats = result.stats();
            System.out.printf("requests=%d rps=%.0f p50=%.3fms errors=%s%n", stats.requests(), stats.rate(),
                    stats.latency().p50Ms(), stats.errors());
            assertTrue(stats.requests() > 100, "requests " + stats.requests());
            assertEquals(0, stats.errorTotal(), stats.errors().toString());
            assertEquals(stats.requests(), stats.statuses().get(200));
            assertEquals(stats.requests(), stats.corrected().getTotalCount());
            assertEquals(0, stats.errors().get(ErrorKind.CONNECT));
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndCounted() throws Exception {
        try (ServerLoops server = HelloServer.start(new InetSocketAddress("127.0.0.1", 0), 1)) {
            HttpRuns.Options o = HttpRuns.Options.of("/").connections(4).pipeline(16)
                    .expect(new Expect(List.of(200), "Hello, World!", null, null));
            var stats = HttpRuns.run(server.port(), o, 200, 500).stats();
            assertTrue(stats.requests() > 1000, "requests " + stats.requests());
            assertEquals(0, stats.errorTotal(), stats.errors().toString());
            assertEquals(stats.requests(), stats.statuses().get(200));
            assertEquals(0, stats.connectionsOpened(), "pipelining keeps the same connections");
        }
    }
}
