package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run, on a real engine process: the load stops, the server is stopped,
 * what was measured is written and rendered, and the exit code says it was interrupted.
 */
class InterruptEndToEndTest {
    @Test
    void sigintStopsTheRunKeepsTheResultsAndLeavesNoServer(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process engine = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.mangonel.cli.Main",
                CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--only", "mangonel-hello,python-asyncio",
                "--duration", "60s", "--warmup", "0s", "--repetitions", "3", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("engine.log").toFile()).start();
        try {
            // wait until the first framework is being measured
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.readString(dir.resolve("engine.log")).contains("req/s") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<ProcessHandle> servers = engine.descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(!servers.isEmpty(), "a framework server is running: " + Files.readString(dir.resolve("engine.log")));
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-s", "INT", String.valueOf(engine.pid())).start().waitFor();
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
            Map<String, Object> fw = ResultsTree.list(ResultsTree.list(results.get("benchmarks")).get(0)
                    .get("frameworks")).get(0);
            Map<String, Object> run = ResultsTree.list(ResultsTree.list(fw.get("levels")).get(0).get("runs")).get(0);
            assertEquals("interrupted", run.get("status"), "the cut-short window is marked");
            assertTrue(ResultsTree.number(run.get("requests")) > 0, "what was measured is kept");
            assertEquals(1, ResultsTree.list(ResultsTree.list(results.get("benchmarks")).get(0).get("frameworks"))
                    .size(), "the next framework was not started");
            assertTrue(Files.readString(out.resolve("report.md")).contains("interrupted"));
        } finally {
            engine.destroyForcibly();
        }
    }
}
