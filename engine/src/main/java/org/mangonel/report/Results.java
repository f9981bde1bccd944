package org.mangonel.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mangonel.Version;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.report.ResultsModel.BenchmarkResult;
import org.mangonel.report.ResultsModel.ClientFigures;
import org.mangonel.report.ResultsModel.FrameworkResult;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.LevelStatus;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunResults;
import org.mangonel.report.ResultsModel.ServerFigures;
import org.mangonel.results.Figures;
import org.mangonel.results.Latency;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.Second;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Threshold;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.HistogramCodec;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.RunStats;
import org.mangonel.stats.Series;

/**
 * Turns a run's live results (what the runner collected) into the results file's records,
 * each protocol adding its own part; levels get their summaries ({@link Summaries}). Stateless.
 */
public final class Results {
    private Results() {
    }

    /** The whole file. */
    public static ResultsFile file(RunResults r) {
        Scenario s = r.scenario();
        List<org.mangonel.results.BenchmarkResult> benchmarks = new ArrayList<>();
        // A shard sends every count-th request of each level's schedule: its target is that part.
        double part = r.shards() == null || r.shards().index() == null ? 1 : 1.0 / r.shards().count();
        for (BenchmarkResult b : r.benchmarks()) {
            benchmarks.add(benchmark(b, Protocols.of(b.benchmark().workload()), b.benchmark().workload(), part));
        }
        return new ResultsFile(ResultsFile.SCHEMA, new ResultsFile.Engine("mangonel", Version.VERSION),
                new ResultsFile.ScenarioRef(s.name(), s.title(), s.description(), s.source().file(),
                        s.source().sha256()), r.environment(), r.command(), r.startedAt().toString(),
                r.finishedAt() == null ? null : r.finishedAt().toString(), r.status().word(), r.shards(),
                Thresholds.verdict(benchmarks), benchmarks);
    }

    private static <W extends Workload> org.mangonel.results.BenchmarkResult benchmark(BenchmarkResult b,
                                                                                       Protocol<W> protocol,
                                                                                       W workload, double part) {
        Map<String, Object> described = new LinkedHashMap<>(protocol.describe(workload));
        described.put("verify", b.benchmark().verify());
        List<org.mangonel.results.FrameworkResult> frameworks = new ArrayList<>();
        for (FrameworkResult f : b.frameworks()) {
            List<org.mangonel.results.Level> levels = new ArrayList<>();
            for (Level level : f.levels()) {
                levels.add(level(level, b.settings(), b.benchmark().thresholds(), protocol, workload, part));
            }
            frameworks.add(new org.mangonel.results.FrameworkResult(f.name(), f.title(), f.version(), f.start(),
                    f.url(), f.cpus(), f.cpusNote(), f.status().word(), f.reason(), f.log(), f.logTail(), levels,
                    f.capacity()));
        }
        Capacity c = b.benchmark().capacity();
        return new org.mangonel.results.BenchmarkResult(b.benchmark().name(), b.benchmark().title(),
                b.benchmark().description(), protocol.name(), protocol.openModel(workload, b.settings()) ? "open"
                : "closed", protocol.levelUnit(), protocol.successUnit(), settings(b), described,
                c == null ? null : new org.mangonel.results.BenchmarkResult.CapacitySpec(c.sloP99Ms(), c.errorsPct(),
                        c.vary().word(), c.from(), c.to(), c.probes()),
                b.benchmark().thresholds().stream().map(Object::toString).toList(), frameworks);
    }

    private static org.mangonel.results.BenchmarkResult.Settings settings(BenchmarkResult b) {
        RunSettings r = b.settings();
        return new org.mangonel.results.BenchmarkResult.Settings(seconds(r.duration()), seconds(r.warmup()),
                r.repetitions(), r.aggregate().word(), r.concurrency(), r.timeout().toMillis(),
                r.connectTimeout().toMillis(), r.threads(), r.rates().stream().map(Rate::label).toList(),
                r.clientCpus().isEmpty() ? null : r.clientCpus(), b.clientPinning(), b.sharedCores());
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static <W extends Workload> org.mangonel.results.Level level(Level level, RunSettings settings,
                                                                        List<Threshold> thresholds,
                                                                        Protocol<W> protocol, W workload,
                                                                        double part) {
        Rate rate = level.rate();
        List<org.mangonel.results.Run> runs = new ArrayList<>();
        for (Run run : level.runs()) {
            runs.add(run(run, rate, part, protocol, workload));
        }
        org.mangonel.results.Summary summary = Summaries.of(runs, settings.aggregate().word());
        return new org.mangonel.results.Level(level.concurrency(), rate == null ? null
                : new org.mangonel.results.Level.RateRef(rate.label(), rate.fromPerSecond(), rate.toPerSecond()),
                level.status().word(), level.reason(), runs, summary,
                level.status() == LevelStatus.SUPERSEDED ? List.of() : Thresholds.check(thresholds, summary));
    }

    /** One window's figures; {@code part} of the rate's schedule was this process's (a shard's share). */
    static <W extends Workload> org.mangonel.results.Run run(Run run, Rate rate, double part, Protocol<W> protocol,
                                                             W workload) {
        RunStats s = run.stats();
        Map<String, Object> extra = new LinkedHashMap<>();
        protocol.figures(workload, s, extra);
        return new org.mangonel.results.Run(run.repetition(), run.startedAt() == null ? null
                : run.startedAt().toString(), run.status().word(), run.reason(), s.requests(), errors(s),
                statuses(s), s.durationNs() / 1e9, round(s.rate(), 2), s.bytesReceived(), s.bytesSent(),
                s.connectionsOpened(), latency(s.latency()), latency(s.uncorrectedLatency()), openModel(s, rate, part),
                tls(run.security(), s), HistogramCodec.encode(s.corrected()), HistogramCodec.encode(s.uncorrected()),
                series(s), run.hlog(), run.lateMs(), server(run.server()), client(run.client()), extra);
    }

    private static Map<String, Long> errors(RunStats s) {
        Map<String, Long> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind.key(), s.errors(kind));
        }
        errors.put("total", s.errorTotal());
        return errors;
    }

    private static Map<String, Long> statuses(RunStats s) {
        Map<String, Long> codes = new LinkedHashMap<>();
        s.statuses().forEach((code, n) -> codes.put(String.valueOf(code), n));
        return codes;
    }

    static Latency latency(LatencySummary l) {
        return new Latency(round(l.minMs(), 3), round(l.meanMs(), 3), round(l.stdevMs(), 3), round(l.p50Ms(), 3),
                round(l.p90Ms(), 3), round(l.p99Ms(), 3), round(l.p999Ms(), 3), round(l.maxMs(), 3));
    }

    private static Figures.OpenModel openModel(RunStats s, Rate rate, double part) {
        if (rate == null) {
            return null;
        }
        double target = part * (rate.fromPerSecond() + rate.toPerSecond()) / 2;
        double achieved = s.rate();
        return new Figures.OpenModel(round(target, 2), round(achieved, 2),
                round(target == 0 ? 0 : 100 * achieved / target, 2), s.delayed(), s.unsent());
    }

    /** What a secure run negotiated, and how many handshakes its window made; null for plain TCP. */
    private static Figures.Tls tls(String security, RunStats stats) {
        if (security == null) {
            return null;
        }
        int space = security.indexOf(' ');
        return new Figures.Tls(space < 0 ? security : security.substring(0, space),
                space < 0 ? null : security.substring(space + 1), stats.connectionsOpened(),
                round(stats.durationNs() <= 0 ? 0 : stats.connectionsOpened() * 1e9 / stats.durationNs(), 1));
    }

    /** The window second by second (warm-up and measured seconds): rate, p50, p99, max and errors of each. */
    private static List<Second> series(RunStats s) {
        List<Second> out = new ArrayList<>();
        // the warm-up and the measured seconds; the drain after the window (a partial second of
        // stragglers) would read as a collapse of the rate
        double measuredSeconds = Math.ceil(s.durationNs() / 1e9 - 1e-6);
        for (Series.Interval i : s.series()) {
            if (i.t() >= measuredSeconds) {
                continue;
            }
            var h = i.histogram();
            boolean any = h.getTotalCount() > 0;
            out.add(new Second(i.t(), i.t() < 0, h.getTotalCount(), i.errorCount(),
                    any ? h.getValueAtPercentile(50) / 1000.0 : 0, any ? h.getValueAtPercentile(99) / 1000.0 : 0,
                    any ? h.getMaxValue() / 1000.0 : 0));
        }
        return out;
    }

    private static Figures.ServerFigures server(ServerFigures s) {
        return s == null ? null : new Figures.ServerFigures(round(s.cpuSeconds(), 3), round(s.cpuPercent(), 1),
                s.rssMaxBytes(), s.rssMeanBytes(), s.processes());
    }

    private static Figures.ClientFigures client(ClientFigures c) {
        return c == null ? null : new Figures.ClientFigures(round(c.cpuSeconds(), 3), round(c.cpuPercent(), 1),
                round(c.loopBusyMaxPct(), 1), c.threads(), c.saturated(), round(c.allocatedBytesPerRequest(), 2));
    }

    /** How a framework's start is shown: the command, builtin:NAME, or null. */
    public static String startText(Framework f) {
        if (f.start() instanceof Framework.Builtin b) {
            return "builtin:" + b.server();
        }
        if (f.start() instanceof Framework.Command c) {
            return c.shell();
        }
        return null;
    }

    static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
