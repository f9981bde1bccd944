package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.fixtures.FaultServer;

/**
 * The faults scenario of issue 6 against the misbehaving fixture: the run ends on time, every
 * failure lands in its own counter, good requests are measured, and nothing leaks.
 */
class FaultsScenarioEndToEndTest {
    private static final String SCENARIO = """
            name: faults
            duration: 5s
            warmup: 0s
            repetitions: 1
            concurrency: [8]
            timeout: 1s
            frameworks:
              - name: faulty
                url: http://127.0.0.1:%d
            benchmarks:
              - name: faults
                verify: false
                urls:
                  - {path: /ok, weight: 5}
                  - {path: /chunked, weight: 2}
                  - {path: /slowbody, weight: 1}
                  - {path: /redirect, weight: 1}
                  - {path: /500, weight: 1}
                  - {path: /reset, weight: 1}
                  - {path: /close, weight: 1}
                  - {path: /garbage, weight: 1}
                  - {path: /truncated, weight: 1}
                  - {path: /badchunk, weight: 1}
                  - {path: /bigheader, weight: 1}
                  - {path: /infinite, weight: 1}
                  - {path: /hang, weight: 1}
            """;

    @Test
    void everyFaultIsCountedByKindAndTheRunEndsOnTime(@TempDir Path dir) throws Exception {
        try (FaultServer fixture = FaultServer.start(0)) {
            Path scenario = dir.resolve("faults.yaml");
            Files.writeString(scenario, SCENARIO.formatted(fixture.port()));
            Path out = dir.resolve("run");
            long started = System.nanoTime();
            CliTest.Outcome o = CliTest.run(scenario.toString(), "--out", out.toString());
            double tookS = (System.nanoTime() - started) / 1e9;
            assertEquals(0, o.code(), o.err());
            assertTrue(tookS < 5 + 1 + 5, "ends in about its duration plus its timeout; took " + tookS + " s");

            Map<String, Object> results = ResultsTree.read(out);
            Map<String, Object> run = ResultsTree.list(ResultsTree.list(ResultsTree.list(
                    ResultsTree.list(results.get("benchmarks")).get(0).get("frameworks")).get(0).get("levels"))
                    .get(0).get("runs")).get(0);
            Map<String, Object> errors = ResultsTree.map(run.get("errors"));
            Map<String, Object> codes = ResultsTree.map(run.get("status_codes"));
            System.out.println("faults run: requests " + run.get("requests") + ", errors " + errors + ", codes " + codes);
            assertTrue(ResultsTree.number(run.get("requests")) >= 20, "good requests are measured");
            assertTrue(ResultsTree.number(codes.get("200")) > 0, "200s (/ok, /chunked, /slowbody)");
            assertTrue(ResultsTree.number(codes.get("302")) > 0, "302s are successes, counted apart");
            assertTrue(ResultsTree.number(errors.get("status")) > 0, "/500");
            assertEquals(ResultsTree.number(errors.get("status")), ResultsTree.number(codes.get("500")));
            assertTrue(ResultsTree.number(errors.get("reset")) > 0, "/reset");
            assertTrue(ResultsTree.number(errors.get("closed")) > 0, "/close and /truncated");
            assertTrue(ResultsTree.number(errors.get("protocol")) > 0, "/garbage, /badchunk, /bigheader");
            assertTrue(ResultsTree.number(errors.get("timeout")) > 0, "/hang and /infinite");
            assertEquals(0L, errors.get("connect"));
            assertEquals(0L, errors.get("body"));
            long sum = 0;
            for (String kind : new String[] {"connect", "timeout", "reset", "closed", "protocol", "status", "body"}) {
                sum += ResultsTree.number(errors.get(kind));
            }
            assertEquals(sum, ResultsTree.number(errors.get("total")));
            assertTrue(Files.readString(out.resolve("report.md")).contains("timeout"), "the report shows the kinds");

            long deadline = System.nanoTime() + 3_000_000_000L;
            while (fixture.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, fixture.openConnections(), "every client connection was closed");
            assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("mangonel-loop") && t.isAlive()).count(), "no loop thread left");
        }
    }
}
