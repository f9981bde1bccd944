package org.mangonel.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mangonel.Version;
import org.mangonel.report.ResultsModel.BenchmarkResult;
import org.mangonel.report.ResultsModel.ClientFigures;
import org.mangonel.report.ResultsModel.FrameworkResult;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunResults;
import org.mangonel.report.ResultsModel.RunStatus;
import org.mangonel.report.ResultsModel.ServerFigures;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.HistogramCodec;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.RunStats;

/**
 * Builds the {@code results.json} tree (the public contract; see DESIGN.md) from the typed
 * results, including each level's summary: the figure chosen by the aggregate method and the
 * spread across repetitions. Stateless.
 */
public final class Results {
    /** The schema of the tree this class writes. */
    public static final String SCHEMA = "mangonel-results/1";
    /** What every version of the schema starts with. */
    public static final String SCHEMA_FAMILY = "mangonel-results/";

    private Results() {
    }

    /** The whole tree. */
    public static Map<String, Object> tree(RunResults r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("engine", map("name", "mangonel", "version", Version.VERSION));
        Scenario s = r.scenario();
        root.put("scenario", map("name", s.name(), "title", s.title(), "description", s.description(),
                "file", s.source().file(), "sha256", s.source().sha256()));
        root.put("environment", r.environment());
        root.put("command", r.command());
        root.put("started_at", r.startedAt().toString());
        root.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        root.put("status", r.status().word());
        List<Object> benchmarks = new ArrayList<>();
        for (BenchmarkResult b : r.benchmarks()) {
            benchmarks.add(benchmark(b, s));
        }
        root.put("benchmarks", benchmarks);
        return root;
    }

    private static Map<String, Object> benchmark(BenchmarkResult b, Scenario scenario) {
        return benchmark(b, Protocols.of(b.benchmark().workload()), b.benchmark().workload());
    }

    private static <W extends Workload> Map<String, Object> benchmark(BenchmarkResult b, Protocol<W> protocol,
                                                                        W workload) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", b.benchmark().name());
        out.put("title", b.benchmark().title());
        out.put("description", b.benchmark().description());
        out.put("protocol", protocol.name());
        out.put("model", protocol.openModel(workload, b.settings()) ? "open" : "closed");
        out.put("level_unit", protocol.levelUnit());
        out.put("success_unit", protocol.successUnit());
        Map<String, Object> settings = settings(b.settings());
        settings.put("client_cpus", b.settings().clientCpus().isEmpty() ? null : b.settings().clientCpus());
        settings.put("client_cpus_note", b.clientPinning());
        out.put("settings", settings);
        Map<String, Object> described = new LinkedHashMap<>(protocol.describe(workload));
        described.put("verify", b.benchmark().verify());
        out.put("workload", described);
        Figures<W> figures = new Figures<>(protocol, workload);
        List<Object> frameworks = new ArrayList<>();
        for (FrameworkResult f : b.frameworks()) {
            frameworks.add(framework(f, b.settings().aggregate(), figures));
        }
        out.put("frameworks", frameworks);
        return out;
    }

    private static Map<String, Object> settings(RunSettings r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("duration_s", r.duration().toMillis() / 1000.0);
        out.put("warmup_s", r.warmup().toMillis() / 1000.0);
        out.put("repetitions", r.repetitions());
        out.put("aggregate", r.aggregate().word());
        out.put("concurrency", new ArrayList<Object>(r.concurrency()));
        out.put("timeout_ms", r.timeout().toMillis());
        out.put("connect_timeout_ms", r.connectTimeout().toMillis());
        out.put("threads", r.threads());
        List<Object> rates = new ArrayList<>();
        for (Rate rate : r.rates()) {
            rates.add(rate.label());
        }
        out.put("rates", rates);
        return out;
    }

    /** A protocol and its workload, to add the protocol's own figures to a run's. */
    private record Figures<W extends Workload>(Protocol<W> protocol, W workload) {
        void add(RunStats stats, Map<String, Object> out) {
            protocol.figures(workload, stats, out);
        }
    }

    private static Map<String, Object> framework(FrameworkResult f, Aggregate aggregate, Figures<?> own) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", f.name());
        out.put("title", f.title());
        out.put("version", f.version());
        out.put("start", f.start());
        out.put("url", f.url());
        out.put("cpus", f.cpus());
        out.put("cpus_note", f.cpusNote());
        out.put("status", f.status().word());
        out.put("reason", f.reason());
        out.put("log", f.log());
        out.put("log_tail", f.logTail());
        List<Object> levels = new ArrayList<>();
        for (Level level : f.levels()) {
            levels.add(level(level, aggregate, own));
        }
        out.put("levels", levels);
        return out;
    }

    private static Map<String, Object> level(Level level, Aggregate aggregate, Figures<?> own) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("concurrency", level.concurrency());
        Rate rate = level.rate();
        out.put("rate", rate == null ? null : map("label", rate.label(), "from_rps", rate.fromPerSecond(),
                "to_rps", rate.toPerSecond()));
        out.put("status", level.status().word());
        out.put("reason", level.reason());
        List<Object> runs = new ArrayList<>();
        for (Run run : level.runs()) {
            runs.add(run(run, own, rate));
        }
        out.put("runs", runs);
        out.put("summary", summary(level.runs(), aggregate, own, rate));
        return out;
    }

    /** One run's figures (also the shape of a summary's figures). */
    private static Map<String, Object> run(Run run, Figures<?> own, Rate rate) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("repetition", run.repetition());
        out.put("started_at", run.startedAt() == null ? null : run.startedAt().toString());
        out.put("status", run.status().word());
        out.put("reason", run.reason());
        figures(out, run.stats(), own, rate);
        out.put("tls", tls(run.security(), run.stats()));
        out.put("histogram", HistogramCodec.encode(run.stats().corrected()));
        out.put("server", server(run.server()));
        out.put("client", client(run.client()));
        return out;
    }

    private static void figures(Map<String, Object> out, RunStats s, Figures<?> own, Rate rate) {
        out.put("requests", s.requests());
        if (rate != null) {
            double target = (rate.fromPerSecond() + rate.toPerSecond()) / 2;
            double achieved = s.rate();
            out.put("open_model", map("target_rps", round(target, 2), "achieved_rps", round(achieved, 2),
                    "achieved_pct", round(target == 0 ? 0 : 100 * achieved / target, 2),
                    "delayed", s.delayed(), "unsent", s.unsent()));
        }
        own.add(s, out);
        Map<String, Object> errors = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind.key(), s.errors().get(kind));
        }
        errors.put("total", s.errorTotal());
        out.put("errors", errors);
        Map<String, Object> codes = new LinkedHashMap<>();
        s.statuses().forEach((code, n) -> codes.put(String.valueOf(code), n));
        out.put("status_codes", codes);
        out.put("duration_s", s.durationNs() / 1e9);
        out.put("rps", round(s.rate(), 2));
        out.put("bytes_received", s.bytesReceived());
        out.put("bytes_sent", s.bytesSent());
        out.put("connections_opened", s.connectionsOpened());
        out.put("latency_ms", latency(s.latency()));
        out.put("latency_uncorrected_ms", latency(s.uncorrectedLatency()));
    }

    private static Map<String, Object> latency(LatencySummary l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("min", round(l.minMs(), 3));
        out.put("mean", round(l.meanMs(), 3));
        out.put("stdev", round(l.stdevMs(), 3));
        out.put("p50", round(l.p50Ms(), 3));
        out.put("p90", round(l.p90Ms(), 3));
        out.put("p99", round(l.p99Ms(), 3));
        out.put("p999", round(l.p999Ms(), 3));
        out.put("max", round(l.maxMs(), 3));
        return out;
    }

    /** What a secure run negotiated, and how many handshakes its window made; null for plain TCP. */
    private static Map<String, Object> tls(String security, RunStats stats) {
        if (security == null) {
            return null;
        }
        int space = security.indexOf(' ');
        return map("protocol", space < 0 ? security : security.substring(0, space),
                "cipher", space < 0 ? null : security.substring(space + 1),
                "handshakes", stats.connectionsOpened(),
                "handshakes_per_s", round(stats.durationNs() <= 0 ? 0 : stats.connectionsOpened() * 1e9
                        / stats.durationNs(), 1));
    }

    private static Map<String, Object> server(ServerFigures s) {
        if (s == null) {
            return null;
        }
        return map("cpu_s", round(s.cpuSeconds(), 3), "cpu_pct", round(s.cpuPercent(), 1),
                "rss_max_bytes", s.rssMaxBytes(), "rss_mean_bytes", s.rssMeanBytes(), "processes", s.processes());
    }

    private static Map<String, Object> client(ClientFigures c) {
        if (c == null) {
            return null;
        }
        return map("cpu_s", round(c.cpuSeconds(), 3), "cpu_pct", round(c.cpuPercent(), 1),
                "loop_busy_max_pct", round(c.loopBusyMaxPct(), 1), "threads", c.threads(),
                "saturated", c.saturated(), "alloc_bytes_per_request", round(c.allocatedBytesPerRequest(), 2));
    }

    /**
     * The level's published figures: for best and median, the chosen repetition's figures; for
     * mean, throughput and counts averaged and latency from all repetitions' samples merged.
     * Always with the spread of requests/second across repetitions.
     */
    static Map<String, Object> summary(List<Run> runs, Aggregate aggregate, Figures<?> own, Rate rate) {
        List<Run> ok = runs.stream().filter(r -> r.status() == RunStatus.OK).toList();
        boolean partial = false;
        if (ok.isEmpty()) {
            // Only an interrupted window: show what it measured, marked as partial.
            ok = runs.stream().filter(r -> r.status() == RunStatus.INTERRUPTED && r.stats().requests() > 0).toList();
            partial = true;
        }
        if (ok.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", aggregate.word());
        out.put("of", ok.size());
        out.put("partial", partial);
        List<Run> byRate = new ArrayList<>(ok);
        byRate.sort(Comparator.comparingDouble((Run r) -> r.stats().rate()).reversed());
        if (aggregate == Aggregate.MEAN) {
            out.put("chosen_repetition", null);
            RunStats.Builder merged = new RunStats.Builder(ok.get(0).stats().counterCount());
            ok.forEach(r -> merged.add(r.stats()));
            long totalNs = ok.stream().mapToLong(r -> r.stats().durationNs()).sum();
            RunStats all = merged.build(totalNs);
            figures(out, all, own, rate);
            int n = ok.size();
            out.put("requests", Math.round((double) all.requests() / n));
            @SuppressWarnings("unchecked")
            Map<String, Object> errors = (Map<String, Object>) out.get("errors");
            errors.replaceAll((k, v) -> Math.round(((Number) v).doubleValue() / n));
            out.put("rps", round(ok.stream().mapToDouble(r -> r.stats().rate()).average().orElse(0), 2));
            out.put("duration_s", round(totalNs / 1e9 / n, 3));
            out.put("server", server(meanServer(ok)));
            out.put("client", client(meanClient(ok)));
        } else {
            Run chosen = aggregate == Aggregate.BEST ? byRate.get(0) : byRate.get(byRate.size() / 2);
            out.put("chosen_repetition", chosen.repetition());
            figures(out, chosen.stats(), own, rate);
            out.put("server", server(chosen.server()));
            out.put("client", client(chosen.client()));
        }
        double[] rates = ok.stream().mapToDouble(r -> r.stats().rate()).toArray();
        double mean = java.util.Arrays.stream(rates).average().orElse(0);
        double var = java.util.Arrays.stream(rates).map(v -> (v - mean) * (v - mean)).sum() / rates.length;
        out.put("spread", map("rps_min", round(java.util.Arrays.stream(rates).min().orElse(0), 2),
                "rps_max", round(java.util.Arrays.stream(rates).max().orElse(0), 2),
                "rps_cv_pct", round(mean == 0 ? 0 : 100 * Math.sqrt(var) / mean, 2)));
        out.put("client_saturated", ok.stream().anyMatch(r -> r.client() != null && r.client().saturated()));
        return out;
    }

    private static ServerFigures meanServer(List<Run> runs) {
        List<ServerFigures> all = runs.stream().map(Run::server).filter(java.util.Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new ServerFigures(all.stream().mapToDouble(ServerFigures::cpuSeconds).average().orElse(0),
                all.stream().mapToDouble(ServerFigures::cpuPercent).average().orElse(0),
                all.stream().mapToLong(ServerFigures::rssMaxBytes).max().orElse(0),
                Math.round(all.stream().mapToLong(ServerFigures::rssMeanBytes).average().orElse(0)),
                all.stream().mapToInt(ServerFigures::processes).max().orElse(0));
    }

    private static ClientFigures meanClient(List<Run> runs) {
        List<ClientFigures> all = runs.stream().map(Run::client).filter(java.util.Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new ClientFigures(all.stream().mapToDouble(ClientFigures::cpuSeconds).average().orElse(0),
                all.stream().mapToDouble(ClientFigures::cpuPercent).average().orElse(0),
                all.stream().mapToDouble(ClientFigures::loopBusyMaxPct).max().orElse(0), all.get(0).threads(),
                all.stream().anyMatch(ClientFigures::saturated),
                all.stream().mapToDouble(ClientFigures::allocatedBytesPerRequest).average().orElse(0));
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

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }
}
