package org.mangonel.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mangonel.report.ResultsModel.BenchmarkResult;
import org.mangonel.report.ResultsModel.ClientFigures;
import org.mangonel.report.ResultsModel.FrameworkResult;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.FrameworkStatus;
import org.mangonel.report.ResultsModel.LevelStatus;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunStatus;
import org.mangonel.report.ResultsModel.ScenarioStatus;
import org.mangonel.report.ResultsModel.RunResults;
import org.mangonel.report.ResultsModel.ServerFigures;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Source;
import org.mangonel.scenario.UrlSpec;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.Recorder;
import org.mangonel.stats.RunStats;

/** Fixed, fully deterministic results for report tests. */
final class SampleResults {
    private SampleResults() {
    }

    /** A run whose latencies are {@code baseUs, 2·baseUs, ...} and which has the given errors. */
    static RunStats stats(int requests, long baseUs, long durationMs, int timeouts) {
        Recorder r = new Recorder(0);
        for (int i = 1; i <= requests; i++) {
            long us = baseUs * (1 + i % 10);
            r.success(us * 1000, us * 800);
            r.status(200);
            r.add(Count.BYTES_RECEIVED, 120);
            r.add(Count.BYTES_SENT, 60);
        }
        for (int i = 0; i < timeouts; i++) {
            r.error(ErrorKind.TIMEOUT);
        }
        RunStats.Builder b = new RunStats.Builder(0);
        r.addTo(b);
        return b.build(durationMs * 1_000_000L);
    }

    static RunResults results(String frameworkTitle) {
        Scenario scenario = new Scenario("sample", "Sample | report", "A *fixed* sample.",
                new Source("scenarios/sample.yaml", "/tmp", "0123456789abcdef0123456789abcdef"),
                RunSettings.EMPTY, List.of(), List.of());
        HttpWorkload workload = new HttpWorkload(List.of(new UrlSpec("/", "GET", List.of(), "", 1, null)),
                Order.WEIGHTED, true, null, null, 1);
        Benchmark bench = new Benchmark("hello", "Hello", "One URL.", List.of(), RunSettings.EMPTY, workload, true, null,
                List.of());
        RunSettings settings = new RunSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, Aggregate.BEST,
                List.of(10), Duration.ofSeconds(3), 1, Duration.ofSeconds(5), "", List.of());
        Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
        ServerFigures server = new ServerFigures(1.5, 75.0, 50L << 20, 40L << 20, 1);
        ClientFigures client = new ClientFigures(1.0, 50.0, 60.0, 1, false, 0.0);
        ClientFigures busy = new ClientFigures(1.9, 95.0, 97.0, 1, true, 0.5);
        FrameworkResult fast = new FrameworkResult("fast", frameworkTitle, "1.0", "builtin:hello",
                "http://127.0.0.1:1234", "0", null, FrameworkStatus.OK, null, "logs/fast.log", null, List.of(new Level(10, null, LevelStatus.OK, null, List.of(
                new Run(1, t0, RunStatus.OK, null, stats(2000, 100, 2000, 0), server, client, null, null, null),
                new Run(2, t0.plusSeconds(3), RunStatus.OK, null, stats(2400, 90, 2000, 3), server, busy, null, null, null)))), null);
        FrameworkResult slow = new FrameworkResult("slow", "Slow one", null, "python3 slow.py --port {port}",
                "http://127.0.0.1:1235", null, null, FrameworkStatus.OK, null, "logs/slow.log", null, List.of(new Level(10, null, LevelStatus.OK, null, List.of(
                new Run(1, t0.plusSeconds(6), RunStatus.OK, null, stats(500, 400, 2000, 0), null, client, null, null, null),
                new Run(2, t0.plusSeconds(9), RunStatus.OK, null, stats(400, 500, 2000, 0), null, client, null, null, null)))), null);
        FrameworkResult skipped = new FrameworkResult("tornado", "Tornado", null, "python3 t.py", "http://127.0.0.1:{port}",
                null, null, FrameworkStatus.SKIPPED, "python3-tornado is not installed: apt-get install python3-tornado", null, null, List.of(),
                null);
        FrameworkResult failed = new FrameworkResult("broken", "Broken", null, "false", "http://127.0.0.1:1236",
                null, null, FrameworkStatus.FAILED, "exited with status 1 before accepting connections", "logs/broken.log",
                "Traceback (most recent call last):\nImportError: no module", List.of(), null);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("os", "Debian GNU/Linux 12 (bookworm)");
        env.put("kernel", "Linux 6.1");
        env.put("arch", "amd64");
        env.put("cpu_model", "Test CPU");
        env.put("cores", 2);
        env.put("memory_bytes", 24L << 30);
        env.put("java", "OpenJDK 17");
        env.put("java_vendor", "Test");
        env.put("jvm", "OpenJDK 64-Bit Server VM");
        return new RunResults(scenario, env, "engine scenarios/sample.yaml --duration 2s", t0, t0.plusSeconds(20), ScenarioStatus.OK, null,
                List.of(new BenchmarkResult(bench, settings, null, null, List.of(slow, fast, skipped, failed))));
    }

    /**
     * {@code sample} with a capacity search's step-down on framework "fast": a superseded copy of
     * its level first (reason: "at 9.5/s, the load found: p99 was 120.0 ms, ...").
     */
    static RunResults withSupersededLevel(RunResults sample) {
        BenchmarkResult b = sample.benchmarks().get(0);
        List<FrameworkResult> frameworks = new java.util.ArrayList<>();
        for (FrameworkResult f : b.frameworks()) {
            if (f.name().equals("fast")) {
                Level kept = f.levels().get(0);
                Level before = new Level(kept.concurrency(), kept.rate(), LevelStatus.SUPERSEDED,
                        "at 9.5/s, the load found: p99 was 120.0 ms, above the SLO; the search stepped down",
                        kept.runs());
                f = new FrameworkResult(f.name(), f.title(), f.version(), f.start(), f.url(), f.cpus(), f.cpusNote(),
                        f.status(), f.reason(), f.log(), f.logTail(), List.of(before, kept), f.capacity());
            }
            frameworks.add(f);
        }
        return new RunResults(sample.scenario(), sample.environment(), sample.command(), sample.startedAt(),
                sample.finishedAt(), sample.status(), sample.shards(), List.of(new BenchmarkResult(b.benchmark(),
                b.settings(), b.clientPinning(), b.sharedCores(), frameworks)));
    }
}
