package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mix of two URLs gets figures per URL: the built-in server answers both the same way, and the
 * second URL's expectation is made to fail, so every one of its responses is a body error and
 * none of the first's is. The URLs' counts add up exactly to the run's.
 */
class UrlMixEndToEndTest {
    @Test
    void eachUrlOfAMixHasItsOwnCountsAndLatency(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("mix.yaml");
        Files.writeString(scenario, String.join("\n",
                "name: mix",
                "duration: 1s",
                "warmup: 300ms",
                "concurrency: [4]",
                "repetitions: 2",
                "aggregate: mean",
                "threads: 1",
                "frameworks:",
                "  - name: hello",
                "    start: builtin:hello",
                "benchmarks:",
                "  - name: mix",
                "    verify: false",
                "    urls:",
                "      - {path: /good, weight: 3, expect: {body: 'Hello, World!'}}",
                "      - {path: /bad, weight: 1, expect: {body: 'something else'}}",
                ""));
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(scenario.toString(), "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Map<String, Object> results = ResultsTree.read(out);
        Map<String, Object> fw = ResultsTree.frameworks(results).get(0);
        Map<String, Object> level = ResultsTree.list(fw.get("levels")).get(0);
        for (Map<String, Object> run : ResultsTree.list(level.get("runs"))) {
            List<Map<String, Object>> urls = ResultsTree.list(run.get("urls"));
            assertEquals(2, urls.size());
            assertEquals("GET /good", urls.get(0).get("url"));
            assertEquals("GET /bad", urls.get(1).get("url"));
            long good = ResultsTree.number(urls.get(0).get("requests"));
            long badErrors = ResultsTree.number(urls.get(1).get("errors"));
            assertEquals(0L, ResultsTree.number(urls.get(0).get("errors")), "the good URL never fails");
            assertEquals(0L, ResultsTree.number(urls.get(1).get("requests")), "the bad URL never succeeds");
            assertEquals(ResultsTree.number(run.get("requests")), good, "the URLs' successes are the run's");
            assertEquals(ResultsTree.number(ResultsTree.map(run.get("errors")).get("total")), badErrors,
                    "the URLs' errors are the run's");
            assertTrue(good > 100 && badErrors > 30, good + " good, " + badErrors + " bad");
            double share = (double) good / (good + badErrors);
            assertTrue(share > 0.65 && share < 0.85, "weights 3:1 give about 75% to /good: " + share);
            Map<String, Object> ms = ResultsTree.map(urls.get(0).get("latency_ms"));
            double previous = 0;
            for (String key : List.of("p50", "p90", "p99", "max")) {
                double v = ((Number) ms.get(key)).doubleValue();
                assertTrue(v > 0 && v >= previous, key + " in " + ms);
                previous = v;
            }
        }
        Map<String, Object> summary = ResultsTree.map(level.get("summary"));
        assertEquals(2, ResultsTree.list(summary.get("urls")).size(), "the mean has them too");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("GET /good") && md.contains("Per URL"), "the page shows each URL's figures");
    }
}
