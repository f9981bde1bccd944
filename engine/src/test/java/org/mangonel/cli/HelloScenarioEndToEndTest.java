package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped hello.yaml, run through the command line with short windows. */
class HelloScenarioEndToEndTest {
    @Test
    void helloScenarioRunsEveryFrameworkAndWritesResultsAndReports(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--duration", "1s",
                "--warmup", "500ms", "--repetitions", "2", "--out", out.toString());
        assertEquals(0, o.code(), o.errAndLogs(out));
        assertTrue(Files.readString(out.resolve("report.md")).contains("| Framework | Requests/Second |"));
        Map<String, Object> results = ResultsTree.read(out);
        assertEquals("ok", results.get("status"));
        Map<String, Object> bench = ResultsTree.list(results.get("benchmarks")).get(0);
        List<Map<String, Object>> frameworks = ResultsTree.measured(bench,
                List.of("mangonel-hello", "python-asyncio", "python-http-server"));
        for (Map<String, Object> fw : frameworks) {
            String name = (String) fw.get("name");
            assertTrue(Files.isRegularFile(out.resolve((String) fw.get("log"))), name + " has a log");
            Map<String, Object> level = ResultsTree.list(fw.get("levels")).get(0);
            List<Map<String, Object>> runs = ResultsTree.list(level.get("runs"));
            assertEquals(2, runs.size(), name);
            for (Map<String, Object> run : runs) {
                assertTrue(ResultsTree.number(run.get("requests")) > 0, name + " measured requests");
                assertEquals(0L, ResultsTree.map(run.get("errors")).get("total"), name + " has no errors");
                ResultsTree.assertOrderedPercentiles(name, ResultsTree.map(run.get("latency_ms")));
                assertTrue(((String) run.get("histogram")).length() > 10, "the histogram is kept");
            }
            assertEquals("best", ResultsTree.map(level.get("summary")).get("method"));
        }
        int measured = frameworks.size();
        assertTrue(measured >= 2, "at least the built-in and one bundled server were measured");
        ResultsTree.assertNoProcessLeft();
    }
}
