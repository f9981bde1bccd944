package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference page's scenario with short overrides: three tables, every installed framework
 * measured with (almost) no errors, every missing one skipped with the command that installs it.
 * Pants (Python 2.7 and pants 1.0.1) has a row in each of the seed's benchmarks: measured where it
 * is installed, skipped with the fix where it is not (Debian 12 has no Python 2.7).
 */
class PythonFrameworksEndToEndTest {
    @Test
    void threeBenchmarksEveryInstalledFrameworkMeasuredMissingOnesSkipped(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(CliTest.REPO.resolve("scenarios/python-frameworks.yaml").toString(),
                "--duration", "2s", "--warmup", "1s", "--repetitions", "1", "--concurrency", "50",
                "--out", out.toString());
        assertEquals(0, o.code(), o.errAndLogs(out));
        Map<String, Object> results = ResultsTree.read(out);
        String md = Files.readString(out.resolve("report.md"));
        for (String table : List.of("### Fake HTTP (the framework's socket layer): 50 connections",
                "### HTTP (the framework's own HTTP server): 50 connections",
                "### WSGI (one application, each framework's container): 50 connections")) {
            assertTrue(md.contains(table), "report has " + table);
        }
        int measured = 0;
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> bench : ResultsTree.list(results.get("benchmarks"))) {
            for (Map<String, Object> fw : ResultsTree.list(bench.get("frameworks"))) {
                String name = (String) fw.get("name");
                seen.add(name);
                if (fw.get("status").equals("skipped")) {
                    System.out.println("NOTE: " + name + " skipped on this machine: " + fw.get("reason"));
                    assertTrue(((String) fw.get("reason")).contains(
                            name.startsWith("pants-") ? "pip install pants==1.0.1" : "apt-get install"),
                            name + ": the fix is given");
                    assertTrue(md.contains((String) fw.get("reason")), "the report lists it as skipped");
                    continue;
                }
                assertEquals("ok", fw.get("status"), name + ": " + fw.get("reason"));
                Map<String, Object> run = ResultsTree.list(ResultsTree.list(fw.get("levels")).get(0).get("runs")).get(0);
                long requests = ResultsTree.number(run.get("requests"));
                long errors = ResultsTree.number(ResultsTree.map(run.get("errors")).get("total"));
                assertTrue(requests > 0, name);
                assertTrue(errors <= requests / 100, name + ": " + errors + " errors for " + requests + " requests");
                measured++;
            }
        }
        assertTrue(measured >= 4, "at least the standard library's servers were measured");
        for (String name : List.of("pants-raw", "pants-http", "pants-wsgi", "tornado-http", "tornado-web")) {
            assertTrue(seen.contains(name), name + " has a row, measured or skipped");
        }
        ResultsTree.assertNoProcessLeft();
    }
}
