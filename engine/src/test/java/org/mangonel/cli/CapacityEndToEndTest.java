package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.fixtures.RateLimitedServer;

/**
 * The capacity search against a server whose capacity is known exactly (it answers at most 1,000
 * requests a second; past that its latency rises without end): the load found is within 15% of
 * it, every probe is kept, and the found load is measured.
 */
class CapacityEndToEndTest {
    @Test
    void findsTheLoadWhereTheServerBends(@TempDir Path dir) throws Exception {
        try (RateLimitedServer server = new RateLimitedServer(1000)) {
            Path scenario = dir.resolve("capacity.yaml");
            Files.writeString(scenario, String.join("\n",
                    "name: capacity",
                    "duration: 3s",
                    "warmup: 500ms",
                    "concurrency: [50]",
                    "threads: 1",
                    "frameworks:",
                    "  - name: limited",
                    "    url: http://127.0.0.1:" + server.port(),
                    "benchmarks:",
                    "  - name: hello",
                    "    urls: [/]",
                    "    capacity: {slo: {p99: 100ms}, vary: rate, from: 100/s, to: 3000/s, probes: 9}",
                    ""));
            Path out = dir.resolve("run");
            CliTest.Outcome o = CliTest.run(scenario.toString(), "--out", out.toString());
            assertEquals(0, o.code(), o.err());
            Map<String, Object> results = ResultsTree.read(out);
            Map<String, Object> fw = ResultsTree.frameworks(results).get(0);
            Map<String, Object> capacity = ResultsTree.map(fw.get("capacity"));
            double found = ((Number) capacity.get("load")).doubleValue();
            assertTrue(found >= 850 && found <= 1150, "the capacity found is within 15% of 1,000/s: " + found
                    + " (probes: " + capacity.get("probes") + ")");
            List<Map<String, Object>> probes = ResultsTree.list(capacity.get("probes"));
            assertTrue(probes.size() >= 3 && probes.size() <= 9, "at most 9 probes, kept: " + probes.size());
            assertTrue(probes.stream().anyMatch(p -> Boolean.FALSE.equals(p.get("met"))), "a probe missed the SLO");
            List<Map<String, Object>> levels = ResultsTree.list(fw.get("levels"));
            assertEquals(1, levels.size(), "the found load is measured");
            Map<String, Object> rate = ResultsTree.map(levels.get(0).get("rate"));
            assertEquals(found, ((Number) rate.get("from_rps")).doubleValue(), 0.001);
            assertTrue(Files.readString(out.resolve("report.md")).contains("Capacity"), "the page states it");
        }
    }
}
