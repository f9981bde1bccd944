package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rate sweep with a ramp, declared in a scenario: one table per rate, each on target. */
class OpenModelScenarioEndToEndTest {
    @Test
    void aRateSweepGivesOneLevelPerRateEachOnTarget(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rates.yaml");
        Files.writeString(file, """
                name: rates
                duration: 2s
                warmup: 500ms
                concurrency: [10]
                threads: 1
                frameworks:
                  - {name: hello, start: "builtin:hello"}
                benchmarks:
                  - name: sweep
                    rate: [1000/s, {from: 500/s, to: 1500/s}]
                    urls: [/]
                """);
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(file.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Map<String, Object> results = ResultsTree.read(out);
        Map<String, Object> bench = ResultsTree.list(results.get("benchmarks")).get(0);
        assertEquals("open", bench.get("model"));
        List<Map<String, Object>> levels = ResultsTree.list(ResultsTree.list(bench.get("frameworks")).get(0)
                .get("levels"));
        assertEquals(2, levels.size(), "one level per rate");
        assertEquals("1000/s", ResultsTree.map(levels.get(0).get("rate")).get("label"));
        assertEquals("500/s→1500/s", ResultsTree.map(levels.get(1).get("rate")).get("label"));
        for (Map<String, Object> level : levels) {
            Map<String, Object> open = ResultsTree.map(ResultsTree.map(level.get("summary")).get("open_model"));
            double target = ((Number) open.get("target_rps")).doubleValue();
            double achieved = ((Number) open.get("achieved_rps")).doubleValue();
            // both average 1000/s over the window: 2000 requests due, all answered
            assertEquals(1000.0, target, 0.001);
            assertTrue(Math.abs(achieved - target) <= 0.01 * target, "within 1%: " + achieved);
            assertEquals(0L, open.get("unsent"));
        }
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("10 connections at 1000/s") && md.contains("10 connections at 500/s→1500/s"), md);
        assertTrue(md.contains("open model"), "the report says how it was measured");
        ResultsTree.assertNoProcessLeft();
    }
}
