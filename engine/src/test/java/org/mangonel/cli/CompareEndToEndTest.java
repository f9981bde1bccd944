package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.fixtures.RateLimitedServer;

/**
 * Comparing runs, exporting them and failing a CI job: two runs of one scenario against servers
 * whose throughput is fixed exactly (2,000/s, then 500/s: a 75% drop, far past any noise), a
 * run compared with itself, the CSV export of a run, and {@code engine load --threshold}.
 */
class CompareEndToEndTest {
    private static Path run(Path dir, String name, int perSecond) throws Exception {
        return run(dir, name, perSecond, "[4]");
    }

    private static Path run(Path dir, String name, int perSecond, String concurrency) throws Exception {
        try (RateLimitedServer server = new RateLimitedServer(perSecond)) {
            Path scenario = dir.resolve(name + ".yaml");
            Files.writeString(scenario, String.join("\n",
                    "name: compare",
                    "duration: 1s",
                    "warmup: 200ms",
                    "concurrency: " + concurrency,
                    "repetitions: 2",
                    "threads: 1",
                    "frameworks:",
                    "  - name: limited",
                    "    url: http://127.0.0.1:" + server.port(),
                    "benchmarks:",
                    "  - name: hello",
                    "    urls: [/]",
                    ""));
            Path out = dir.resolve(name);
            CliTest.Outcome o = CliTest.run(scenario.toString(), "--out", out.toString());
            assertEquals(0, o.code(), o.err());
            ResultsTree.read(out); // checked against the schema
            return out.resolve("results.json");
        }
    }

    @Test
    void aSlowerServerIsWorseAndFailsTheJobWhileARunAgainstItselfIsWithinNoise(@TempDir Path dir) throws Exception {
        Path fast = run(dir, "fast", 2000);
        Path slow = run(dir, "slow", 500);

        CliTest.Outcome same = CliTest.run("compare", fast.toString(), fast.toString(), "--out",
                dir.resolve("same").toString(), "--fail-on-regression", "0");
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("0 worse, 0 better"), same.out());

        CliTest.Outcome worse = CliTest.run("compare", fast.toString(), slow.toString(), "--out",
                dir.resolve("worse").toString(), "--fail-on-regression", "10");
        assertEquals(4, worse.code(), worse.out() + worse.err());
        assertTrue(worse.out().contains("throughput"), worse.out());
        String md = Files.readString(dir.resolve("worse/compare.md"));
        assertTrue(md.matches("(?s).*throughput[^\\n]*worse.*"), md);
        String html = Files.readString(dir.resolve("worse/compare.html"));
        assertTrue(html.contains("<svg") && html.contains("A: limited") && html.contains("B: limited"),
                "the page overlays both runs' percentiles");

        CliTest.Outcome lenient = CliTest.run("compare", fast.toString(), slow.toString(), "--out",
                dir.resolve("lenient").toString());
        assertEquals(0, lenient.code(), "without --fail-on-regression a comparison only reports");

        CliTest.Outcome missing = CliTest.run("compare", fast.toString(), dir.resolve("nope.json").toString());
        assertEquals(2, missing.code(), missing.err());

        // Another scenario's run (the published page's): no level in common, so no empty table
        // that a CI job would take for a pass.
        CliTest.Outcome unrelated = CliTest.run("compare", fast.toString(),
                CliTest.REPO.resolve("reports/published/python-frameworks/results.json").toString(), "--out",
                dir.resolve("unrelated").toString(), "--fail-on-regression", "10");
        assertEquals(2, unrelated.code(), unrelated.out() + unrelated.err());
        assertTrue(unrelated.err().contains("no level in common"), unrelated.err());

        // A run that measured one more level: listed, not compared; and when B no longer measures a
        // level A did (a framework that failed, say), the gate fails, never passing on fewer rows.
        Path wider = run(dir, "wider", 2000, "[4, 8]");
        CliTest.Outcome more = CliTest.run("compare", fast.toString(), wider.toString(), "--out",
                dir.resolve("more").toString());
        assertEquals(0, more.code(), more.out() + more.err());
        assertTrue(more.out().contains("Measured in B only") && more.out().contains("8 connections"), more.out());
        CliTest.Outcome fewer = CliTest.run("compare", wider.toString(), fast.toString(), "--out",
                dir.resolve("fewer").toString(), "--fail-on-regression", "1000");
        assertEquals(4, fewer.code(), fewer.out() + fewer.err());
        assertTrue(fewer.out().contains("8 connections: measured in A, not in B"), fewer.out());

        CliTest.Outcome csv = CliTest.run("report", slow.toString(), "--format", "csv", "--out",
                dir.resolve("csv").toString());
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = Files.readAllLines(dir.resolve("csv/results.csv"));
        assertEquals(3, lines.size(), "a header and one line per repetition: " + lines);
        assertTrue(lines.get(0).startsWith("benchmark,protocol,framework,concurrency"), lines.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        double rps = Double.parseDouble(lines.get(1).split(",")[header.indexOf("rps")]);
        assertTrue(rps > 250 && rps < 550, "the slow server answers at most 500/s: " + rps);
    }

    @Test
    void engineLoadFailsOnACrossedThresholdAndOnNothingSucceeding() throws Exception {
        try (RateLimitedServer server = new RateLimitedServer(500)) {
            String url = "http://127.0.0.1:" + server.port() + "/";
            CliTest.Outcome crossed = CliTest.run("load", url, "-c", "2", "-d", "1s", "--warmup", "0s", "-q",
                    "--threshold", "rps>100000", "--threshold", "errors<1%");
            assertEquals(4, crossed.code(), crossed.out() + crossed.err());
            assertTrue(crossed.out().contains("threshold rps>100000/s: FAILED")
                    || crossed.out().matches("(?s).*threshold rps.*FAILED.*"), crossed.out());
            assertTrue(crossed.out().matches("(?s).*threshold errors.*passed.*"), crossed.out());

            CliTest.Outcome held = CliTest.run("load", url, "-c", "2", "-d", "1s", "--warmup", "0s", "-q",
                    "--threshold", "rps>10");
            assertEquals(0, held.code(), held.out() + held.err());

            CliTest.Outcome bad = CliTest.run("load", url, "--threshold", "p99 fast");
            assertEquals(2, bad.code(), bad.err());
            assertTrue(bad.err().contains("metrics: mean, p50, p90, p99, p999, max, rps, errors)"),
                    "only the metrics engine load has: " + bad.err());
            CliTest.Outcome chatOnly = CliTest.run("load", url, "--threshold", "lost=0");
            assertEquals(2, chatOnly.code(), chatOnly.err());
        }
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int closed = s.getLocalPort();
            s.close();
            CliTest.Outcome none = CliTest.run("load", "http://127.0.0.1:" + closed + "/", "-c", "1", "-d", "1s",
                    "--warmup", "0s", "-q");
            assertEquals(3, none.code(), none.out() + none.err());
            assertTrue(none.err().contains("nothing succeeded"), none.err());
            assertTrue(none.err().contains("connecting: Connection refused"), "with the reason: " + none.err());
        }
        // a server that never answers: once the window is under way the progress line says 0/s
        // (it said "warming up" for as long as nothing was answered), and no p99 it does not have
        try (org.mangonel.fixtures.FaultServer hang = org.mangonel.fixtures.FaultServer.start(0)) {
            CliTest.Outcome silent = CliTest.run("load", "http://127.0.0.1:" + hang.port() + "/hang", "-c", "1", "-d",
                    "1500ms", "--warmup", "0s", "--timeout", "500ms");
            // (the tick's second is not asserted: on a busy machine it may print 1.1s)
            assertTrue(silent.err().matches("(?s).*\\d\\.\\ds  0 req/s  \\d+ errors  p99 n/a  \\(measured so far\\).*")
                    && !silent.err().contains("warming up"), silent.err());
        }
        // https to a plain-HTTP server: the handshake is never answered; the attempts time out
        // and count, and the reason is given (it said "0 errors" and nothing more)
        try (RateLimitedServer plain = new RateLimitedServer(500)) {
            CliTest.Outcome tls = CliTest.run("load", "https://127.0.0.1:" + plain.port() + "/", "-c", "1", "-d",
                    "1s", "--warmup", "0s", "--connect-timeout", "200ms", "-q");
            assertEquals(3, tls.code(), tls.out() + tls.err());
            assertTrue(tls.err().contains("connecting: the TLS handshake had no answer within the 200 ms connect"
                    + " timeout"), tls.err());
            assertTrue(tls.err().matches("(?s).*nothing succeeded: \\d+ connect.*"), "counted: " + tls.err());
        }
    }
}
