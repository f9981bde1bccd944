package org.mangonel.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mangonel.scenario.Expect;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.UrlSpec;
import org.mangonel.servers.HelloServer;
import org.mangonel.servers.ServerLoops;
import org.mangonel.stats.ErrorKind;

class HelloLoadTest {
    @Test
    void closedModelAgainstHelloServerCountsOnlySuccesses() throws Exception {
        try (ServerLoops server = HelloServer.start(new InetSocketAddress("127.0.0.1", 0), 1)) {
            HttpWorkload workload = new HttpWorkload(List.of(new UrlSpec("/", "GET", List.of(), "", 1, null)),
                    HttpWorkload.Order.WEIGHTED, true, new Expect(List.of(200), "Hello, World!", null, null), true, null);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            RequestMix mix = new RequestMix(workload, "127.0.0.1:" + server.port(), "");
            HttpLoadSpec spec = new HttpLoadSpec(address, mix, true, 8, 2, 2_000_000_000L, 1_000_000_000L,
                    64 * 1024, 1 << 20);
            LoadResult result = LoadRun.http(spec).execute(200_000_000L, 500_000_000L, 2_000_000_000L,
                    ProgressListener.NONE, () -> { });
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
}
