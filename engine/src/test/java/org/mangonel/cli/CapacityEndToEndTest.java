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
 * it, every probe is kept, and the found load is measured (or, when that missed the SLO over the
 * longer window, the load it stepped down to).
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
            // measured for 3 s, a load found just past the bend misses the SLO (its queue grows by
            // the second): the search then steps down, keeping the level it left as superseded
            assertTrue(levels.size() >= 1 && levels.size() <= 3, "the found load is measured: " + levels.size());
            for (Map<String, Object> before : levels.subList(0, levels.size() - 1)) {
                assertTrue(List.of("superseded", "failed").contains(before.get("status")),
                        before.get("status") + ": " + before.get("reason"));
            }
            Map<String, Object> rate = ResultsTree.map(levels.get(levels.size() - 1).get("rate"));
            assertEquals(found, ((Number) rate.get("from_rps")).doubleValue(), 0.001, "the capacity is the last level's");
            assertTrue(Files.readString(out.resolve("report.md")).contains("Capacity"), "the page states it");
        }
    }
}
