package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mangonel.report.ReportRenderer;

/** Reading and checking a run's output folder in end-to-end tests. */
final class ResultsTree {
    private ResultsTree() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static long number(Object o) {
        return ((Number) o).longValue();
    }

    /** Checks the three files exist and the results parse; returns the results tree. */
    static Map<String, Object> read(Path out) throws Exception {
        for (String file : List.of("results.json", "report.md", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));
        org.mangonel.results.ResultsSchema.assertValid(out.resolve("results.json"));
        return ReportRenderer.readResults(out.resolve("results.json"));
    }

    /** The frameworks of the first benchmark of a results tree, in the scenario's order. */
    static List<Map<String, Object>> frameworks(Map<String, Object> results) {
        return list(list(results.get("benchmarks")).get(0).get("frameworks"));
    }

    /**
     * The frameworks of a benchmark that were measured; a skipped one is printed (visible in the
     * test log) and must not be one of {@code mustRun}.
     */
    static List<Map<String, Object>> measured(Map<String, Object> benchmark, List<String> mustRun) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Map<String, Object> fw : list(benchmark.get("frameworks"))) {
            String name = (String) fw.get("name");
            if (fw.get("status").equals("skipped")) {
                System.out.println("NOTE: " + name + " was skipped on this machine: " + fw.get("reason"));
                assertTrue(!mustRun.contains(name), name + " must run on any machine");
                continue;
            }
            assertEquals("ok", fw.get("status"), name + ": " + fw.get("reason"));
            out.add(fw);
        }
        return out;
    }

    /** min ≤ p50 ≤ p90 ≤ p99 ≤ p999 ≤ max. */
    static void assertOrderedPercentiles(String who, Map<String, Object> latency) {
        double previous = 0;
        for (String key : List.of("min", "p50", "p90", "p99", "p999", "max")) {
            double v = ((Number) latency.get(key)).doubleValue();
            assertTrue(v >= previous, who + ": " + key + " " + v + " < " + previous + " in " + latency);
            previous = v;
        }
    }

    static void assertNoProcessLeft() {
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no server process is left behind");
    }
}
