package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.report.ReportRenderer;

/** The shipped hello.yaml, run through the command line with short windows. */
class HelloScenarioEndToEndTest {
    @Test
    @SuppressWarnings("unchecked")
    void helloScenarioRunsEveryFrameworkAndWritesResultsAndReports(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--duration", "1s",
                "--warmup", "500ms", "--repetitions", "2", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        for (String file : List.of("results.json", "report.md", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertTrue(Files.readString(out.resolve("report.md")).contains("| Framework | Requests/Second |"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("<svg"));

        Map<String, Object> results = ReportRenderer.readResults(out.resolve("results.json"));
        assertEquals("ok", results.get("status"));
        Map<String, Object> bench = ((List<Map<String, Object>>) results.get("benchmarks")).get(0);
        int measured = 0;
        for (Map<String, Object> fw : (List<Map<String, Object>>) bench.get("frameworks")) {
            String name = (String) fw.get("name");
            if (fw.get("status").equals("skipped")) {
                System.out.println("NOTE: " + name + " was skipped on this machine: " + fw.get("reason"));
                assertTrue(!name.equals("mangonel-hello") && !name.startsWith("python"),
                        name + " needs only the JDK or Python's standard library");
                continue;
            }
            assertEquals("ok", fw.get("status"), name + ": " + fw.get("reason"));
            assertTrue(Files.isRegularFile(out.resolve((String) fw.get("log"))), name + " has a log");
            Map<String, Object> level = ((List<Map<String, Object>>) fw.get("levels")).get(0);
            List<Map<String, Object>> runs = (List<Map<String, Object>>) level.get("runs");
            assertEquals(2, runs.size(), name);
            for (Map<String, Object> run : runs) {
                assertTrue(((Number) run.get("requests")).longValue() > 0, name + " measured requests");
                assertEquals(0L, ((Map<String, Object>) run.get("errors")).get("total"), name + " has no errors");
                Map<String, Object> l = (Map<String, Object>) run.get("latency_ms");
                double previous = 0;
                for (String key : List.of("min", "p50", "p90", "p99", "p999", "max")) {
                    double v = ((Number) l.get(key)).doubleValue();
                    assertTrue(v >= previous, name + ": " + key + " " + v + " < " + previous + " in " + l);
                    previous = v;
                }
                assertTrue(((String) run.get("histogram")).length() > 10, "the histogram is kept");
            }
            assertEquals("best", ((Map<String, Object>) level.get("summary")).get("method"));
            measured++;
        }
        assertTrue(measured >= 2, "at least the built-in and one bundled server were measured");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no server process is left behind");
    }
}
