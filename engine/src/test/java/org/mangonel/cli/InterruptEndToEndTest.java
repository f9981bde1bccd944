package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mangonel.servers.HelloServer;
import org.mangonel.servers.ServerLoops;

/**
 * Ctrl-C in the middle of a run, on a real engine process: the load stops, the server is stopped,
 * what was measured is written and rendered, and the exit code says it was interrupted.
 */
class InterruptEndToEndTest {
    @Test
    void sigintStopsTheRunKeepsTheResultsAndLeavesNoServer(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Through timeout(1), which starts the engine with SIGINT at its default: a JVM keeps a
        // SIGINT its parent ignored (as a non-interactive shell does for `mvn verify &`), and
        // would never see the signal. The signal itself goes to the engine alone.
        Process engine = new ProcessBuilder("/usr/bin/timeout", "-s", "KILL", "300", java, "-cp",
                System.getProperty("java.class.path"), "org.mangonel.cli.Main",
                CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--only", "mangonel-hello,python-asyncio",
                "--duration", "60s", "--warmup", "0s", "--repetitions", "3", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("engine.log").toFile()).start();
        try {
            // wait until the first framework is being measured
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.readString(dir.resolve("engine.log")).contains("requests/s") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            ProcessHandle jvm = engine.children().findFirst().orElseThrow();
            List<ProcessHandle> servers = jvm.descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(!servers.isEmpty(), "a framework server is running: " + Files.readString(dir.resolve("engine.log")));
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-s", "INT", String.valueOf(jvm.pid())).start().waitFor();
            assertTrue(engine.waitFor(20, TimeUnit.SECONDS), "the engine exits after SIGINT");
            double tookS = (System.nanoTime() - signalled) / 1e9;
            String log = Files.readString(dir.resolve("engine.log"), StandardCharsets.UTF_8);
            assertEquals(ExitCodes.INTERRUPTED, engine.exitValue(), log);
            assertTrue(tookS < 10, "stopped the load and the server promptly: " + tookS + " s");
            for (ProcessHandle server : servers) {
                assertTrue(!server.isAlive(), "server " + server.pid() + " was stopped: " + server.info());
            }
            Map<String, Object> results = ResultsTree.read(out);
            assertEquals("interrupted", results.get("status"));
            Map<String, Object> fw = ResultsTree.frameworks(results).get(0);
            Map<String, Object> run = ResultsTree.list(ResultsTree.list(fw.get("levels")).get(0).get("runs")).get(0);
            assertEquals("interrupted", run.get("status"), "the cut-short window is marked");
            assertTrue(ResultsTree.number(run.get("requests")) > 0, "what was measured is kept");
            List<Map<String, Object>> frameworks = ResultsTree.frameworks(results);
            assertEquals("interrupted", frameworks.get(0).get("status"), "measured, then interrupted");
            assertEquals("not_run", frameworks.get(1).get("status"), "the next framework is listed, not started");
            assertTrue(!Files.exists(out.resolve("logs/python-asyncio.log")), "it was never started");
            assertTrue(Files.readString(out.resolve("report.md")).contains("interrupted"));
        } finally {
            engine.destroyForcibly();
        }
    }

    /**
     * A signal through GNU {@code timeout}, which forwards it to the engine and then to the
     * engine's process group: the engine sees two at once and must take them as one. Whatever the
     * moment (before the server answers, in the middle of a window), the folder ends with
     * results.json and both pages, and the exit code is 130. With a second, later signal the
     * engine quits at once (no grace period, no drain) but still writes them.
     *
     * @param after   what to wait for in the engine's output before signalling
     * @param signals how many separate signals (a second one, a second later, means "quit at once")
     */
    @ParameterizedTest(name = "{1} signal(s) after ''{0}''")
    @CsvSource({"writing to, 1", "starting, 1", "requests/s, 1", "requests/s, 2"})
    void aSignalThroughTimeoutAlwaysLeavesResultsAndPages(String after, int signals, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/timeout")), "GNU timeout is installed");
        Path out = dir.resolve("run");
        Path log = dir.resolve("engine.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A server that ignores SIGTERM, with a long grace period: a graceful stop would take 20 s,
        // so only "quit at once" can end the run quickly after the second signal.
        Path scenario = dir.resolve("stubborn.yaml");
        Files.writeString(scenario, String.join("\n",
                "name: stubborn",
                "concurrency: [10]",
                "threads: 1",
                "frameworks:",
                "  - name: stubborn-hello",
                "    start: trap '' TERM; exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                        + "' org.mangonel.cli.Main serve hello --port {port}",
                "    stop_grace: 20s",
                "benchmarks:",
                "  - name: hello",
                "    urls: [/]",
                ""));
        Process timeout = new ProcessBuilder("/usr/bin/timeout", "120", java, "-cp",
                System.getProperty("java.class.path"), "org.mangonel.cli.Main", scenario.toString(),
                "--duration", "30s", "--warmup", "0s", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.readString(log).contains(after) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(Files.readString(log).contains(after), Files.readString(log));
            new ProcessBuilder("kill", "-s", "INT", String.valueOf(timeout.pid())).start().waitFor();
            if (signals > 1) {
                // timeout(1) ignores the signal once it has forwarded it: the second Ctrl-C reaches
                // the engine directly, as a terminal sends it to the whole foreground group.
                Thread.sleep(1000);
                long engine = timeout.children().findFirst().orElseThrow().pid();
                new ProcessBuilder("kill", "-s", "INT", String.valueOf(engine)).start().waitFor();
            }
            long signalledNs = System.nanoTime();
            assertTrue(timeout.waitFor(60, TimeUnit.SECONDS), "the engine exits after SIGINT");
            double tookS = (System.nanoTime() - signalledNs) / 1e9;
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(ExitCodes.INTERRUPTED, timeout.exitValue(), text);
            assertTrue(text.contains("SIGINT: stopping; writing what was measured (again to quit at once)"), text);
            assertEquals(signals > 1, text.contains("SIGINT again: quitting at once"), text);
            if (signals > 1) {
                assertTrue(tookS < 10, "the second signal skips the 20 s grace period: " + tookS + " s");
            }
            for (String file : List.of("results.json", "report.md", "report.html")) {
                assertTrue(Files.isRegularFile(out.resolve(file)), file + " is written: " + text);
            }
            Map<String, Object> results = org.mangonel.report.ReportRenderer.readResults(out.resolve("results.json"));
            assertEquals("interrupted", results.get("status"));
        } finally {
            timeout.destroyForcibly();
        }
    }
    /**
     * {@code engine load}, like wrk, prints what it measured when interrupted: a 60-s run signalled
     * through timeout(1) once it measures ends at once with its figures and exit code 130.
     */
    @Test
    void engineLoadPrintsWhatItMeasuredWhenInterrupted(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/timeout")), "GNU timeout is installed");
        Path log = dir.resolve("load.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (ServerLoops server = HelloServer.start(new InetSocketAddress("127.0.0.1", 0), 1)) {
            Process timeout = new ProcessBuilder("/usr/bin/timeout", "120", java, "-cp",
                    System.getProperty("java.class.path"), "org.mangonel.cli.Main", "load",
                    "http://127.0.0.1:" + server.port() + "/", "-c", "4", "-d", "60s", "--warmup", "0s")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!Files.readString(log).contains("measured so far") && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                new ProcessBuilder("kill", "-s", "INT", String.valueOf(timeout.pid())).start().waitFor();
                assertTrue(timeout.waitFor(20, TimeUnit.SECONDS), "engine load exits after SIGINT");
                String text = Files.readString(log, StandardCharsets.UTF_8);
                assertEquals(ExitCodes.INTERRUPTED, timeout.exitValue(), text);
                assertTrue(text.contains("SIGINT: stopping; printing what was measured (again to quit at once)"), text);
                Matcher requests = Pattern.compile("(?m)^requests=(\\d+)$").matcher(text);
                assertTrue(requests.find() && Long.parseLong(requests.group(1)) > 0, "the figures are printed: " + text);
                assertTrue(text.contains("engine load: interrupted"), text);
            } finally {
                timeout.destroyForcibly();
            }
        }
    }
}
