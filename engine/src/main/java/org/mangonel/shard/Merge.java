package org.mangonel.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.report.Summaries;
import org.mangonel.report.Thresholds;
import org.mangonel.results.BenchmarkResult;
import org.mangonel.results.Figures;
import org.mangonel.results.FrameworkResult;
import org.mangonel.results.Latency;
import org.mangonel.results.Level;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;
import org.mangonel.results.Run;
import org.mangonel.results.Second;
import org.mangonel.scenario.Threshold;
import org.mangonel.stats.HistogramCodec;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.Recorder;

/**
 * Merges the folders of the N shards of one run into one result (see the package's note).
 * Never writes into a shard's folder. One instance per merge.
 */
public final class Merge {
    private final List<Path> dirs;
    private final Path out;
    private final List<ResultsFile> shards = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param dirs the shards' output folders, in any order
     * @param out  a new or empty folder, not one of the shards'
     */
    public Merge(List<Path> dirs, Path out) {
        // a shard's results.json named instead of its folder: the folder is meant
        this.dirs = dirs.stream().map(d -> d.getFileName() != null && d.getFileName().toString().equals("results.json")
                && Files.isRegularFile(d) && d.toAbsolutePath().getParent() != null ? d.toAbsolutePath().getParent() : d)
                .toList();
        this.out = out;
    }

    /** Reads and checks the shards; a {@link MergeException} (one line) when they cannot be merged. */
    public Merge read() throws MergeException {
        if (dirs.isEmpty()) {
            throw new MergeException("name the shards' folders to merge");
        }
        Path outAbs = out.toAbsolutePath().normalize();
        for (Path dir : dirs) {
            Path abs = dir.toAbsolutePath().normalize();
            if (outAbs.equals(abs) || outAbs.startsWith(abs)) {
                throw new MergeException("--out " + out + " is (inside) the shard folder " + dir
                        + "; a merge never writes into a shard's folder");
            }
            Path file = dir.resolve("results.json");
            if (!Files.isRegularFile(file)) {
                throw new MergeException(dir + " has no results.json (is it a shard's folder? did the shard finish?)");
            }
            try {
                shards.add(ResultsJson.read(file));
            } catch (IOException e) {
                throw new MergeException("cannot read " + file + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new MergeException(e.getMessage() + " (a truncated file? the shard may not have finished)");
            }
        }
        check();
        return this;
    }

    private void check() throws MergeException {
        ResultsFile first = shards.get(0);
        Integer count = null;
        boolean[] seen = null;
        for (int i = 0; i < shards.size(); i++) {
            ResultsFile s = shards.get(i);
            Path dir = dirs.get(i);
            if (!s.scenario().sha256().equals(first.scenario().sha256())) {
                throw new MergeException(dir + " ran another scenario (" + s.scenario().file() + ", sha256 "
                        + s.scenario().sha256().substring(0, 12) + "…) than " + dirs.get(0) + " (" + first.scenario()
                        .sha256().substring(0, 12) + "…)");
            }
            if (s.shards() == null || s.shards().index() == null) {
                throw new MergeException(dir + " is not a shard's results (it was run without --shard)");
            }
            if (count == null) {
                count = s.shards().count();
                seen = new boolean[count];
            } else if (s.shards().count() != count) {
                throw new MergeException(dir + " is shard " + s.shards().index() + " of " + s.shards().count()
                        + ", but " + dirs.get(0) + " is one of " + count);
            }
            int index = s.shards().index();
            if (seen[index]) {
                throw new MergeException("shard " + index + " of " + count + " is given twice (" + dir + ")");
            }
            seen[index] = true;
            if ("running".equals(s.status())) {
                throw new MergeException(dir + ": shard " + index + " had not finished (its results say running)");
            }
            if (!sameStructure(first, s)) {
                throw new MergeException(dir + " measured other benchmarks, frameworks or levels than " + dirs.get(0)
                        + " (were the shards run with the same options?)");
            }
            String differs = differentSetting(first, s);
            if (differs != null) {
                throw new MergeException(dir + " was run with another " + differs + " than " + dirs.get(0)
                        + ": the shards of one run share its settings (give every shard the same options)");
            }
        }
        for (int i = 0; i < count; i++) {
            if (!seen[i]) {
                throw new MergeException("shard " + i + " of " + count + " is missing; give all " + count
                        + " shards' folders");
            }
        }
    }

    /**
     * The first setting that shapes the load or its figures on which two shards differ (benchmark
     * and setting named), or null. Event loops and pinning may differ: they follow each host.
     */
    private static String differentSetting(ResultsFile a, ResultsFile b) {
        for (int i = 0; i < Math.min(a.benchmarks().size(), b.benchmarks().size()); i++) {
            BenchmarkResult.Settings x = a.benchmarks().get(i).settings();
            BenchmarkResult.Settings y = b.benchmarks().get(i).settings();
            String name = a.benchmarks().get(i).name();
            Map<String, Boolean> same = new LinkedHashMap<>();
            same.put("duration", x.durationS() == y.durationS());
            same.put("warmup", x.warmupS() == y.warmupS());
            same.put("repetitions", x.repetitions() == y.repetitions());
            same.put("aggregate", Objects.equals(x.aggregate(), y.aggregate()));
            same.put("concurrency", Objects.equals(x.concurrency(), y.concurrency()));
            same.put("rate", Objects.equals(x.rates(), y.rates()));
            same.put("timeout", x.timeoutMs() == y.timeoutMs());
            same.put("connect timeout", x.connectTimeoutMs() == y.connectTimeoutMs());
            for (Map.Entry<String, Boolean> e : same.entrySet()) {
                if (!e.getValue()) {
                    return e.getKey() + " (benchmark " + name + ")";
                }
            }
        }
        return null;
    }

    private static boolean sameStructure(ResultsFile a, ResultsFile b) {
        if (a.benchmarks().size() != b.benchmarks().size()) {
            return false;
        }
        for (int i = 0; i < a.benchmarks().size(); i++) {
            BenchmarkResult x = a.benchmarks().get(i);
            BenchmarkResult y = b.benchmarks().get(i);
            if (!x.name().equals(y.name()) || x.frameworks().size() != y.frameworks().size()) {
                return false;
            }
            for (int f = 0; f < x.frameworks().size(); f++) {
                if (!x.frameworks().get(f).name().equals(y.frameworks().get(f).name())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The merged file (also writing the merged interval logs into the output folder). */
    public ResultsFile merge() throws IOException {
        ResultsFile first = shards.get(0);
        List<BenchmarkResult> benchmarks = new ArrayList<>();
        for (int b = 0; b < first.benchmarks().size(); b++) {
            benchmarks.add(benchmark(b));
        }
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        List<ResultsFile> byIndex = new ArrayList<>(shards);
        byIndex.sort(Comparator.comparingInt(s -> s.shards().index()));
        byIndex.forEach(s -> hosts.addAll(s.shards().hosts()));
        String starts = differentStarts(byIndex);
        if (starts != null) {
            notes.add(0, starts);
        }
        byIndex.stream().map(s -> s.shards().late()).filter(Objects::nonNull).forEach(notes::add);
        String status = byIndex.stream().map(ResultsFile::status).reduce(first.status(), Merge::worse);
        String startedAt = byIndex.stream().map(ResultsFile::startedAt).min(String::compareTo).orElse(null);
        String finishedAt = byIndex.stream().map(ResultsFile::finishedAt).filter(Objects::nonNull)
                .max(String::compareTo).orElse(null);
        Map<String, Object> environment = new LinkedHashMap<>(first.environment());
        environment.put("shard_environments", byIndex.stream().map(ResultsFile::environment).toList());
        return new ResultsFile(ResultsFile.SCHEMA, first.engine(), first.scenario(), environment,
                "engine merge " + String.join(" ", dirs.stream().map(Path::toString).toList()) + " --out " + out,
                startedAt, finishedAt, status, new ResultsFile.Shards(first.shards().count(), null,
                List.copyOf(hosts), first.shards().startAt(), notes.isEmpty() ? null : String.join("; ", notes)),
                Thresholds.verdict(benchmarks), benchmarks);
    }

    /**
     * Null when every shard was given the same start; otherwise a note naming each shard's.
     * Shards launched side by side with one {@code --start-in} can get starts a second apart (each
     * rounds its own "now + lead" down to the second), and the merged page would otherwise name
     * the first shard's start as everybody's.
     */
    static String differentStarts(List<ResultsFile> byIndex) {
        if (byIndex.stream().map(s -> Objects.toString(s.shards().startAt(), "")).distinct().count() < 2) {
            return null;
        }
        return "the shards were not given one start (" + String.join(", ", byIndex.stream()
                .map(s -> "shard " + s.shards().index() + " at " + Objects.toString(s.shards().startAt(), "none"))
                .toList()) + "): their windows cover different times; give every shard the same --start-at";
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("ok", "interrupted", "failed", "running");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private BenchmarkResult benchmark(int b) throws IOException {
        BenchmarkResult first = shards.get(0).benchmarks().get(b);
        Protocol<?> protocol = Protocols.named(first.protocol()).orElse(null);
        List<Threshold> thresholds = first.thresholds().stream().map(Threshold::parse).toList();
        List<FrameworkResult> frameworks = new ArrayList<>();
        for (int f = 0; f < first.frameworks().size(); f++) {
            int fi = f;
            List<FrameworkResult> parts = shards.stream().map(s -> s.benchmarks().get(b).frameworks().get(fi))
                    .toList();
            frameworks.add(framework(first, parts, protocol, thresholds));
        }
        return new BenchmarkResult(first.name(), first.title(), first.description(), first.protocol(), first.model(),
                first.levelUnit(), first.successUnit(), settings(b), first.workload(), first.capacity(),
                first.thresholds(), frameworks);
    }

    /**
     * Shard 0's settings (the shards share those that shape the load: checked before merging),
     * with {@code threads} the event loops of all shards together: each shard chose its own from
     * its host's cores, so shard 0's count says nothing of the others'.
     */
    private BenchmarkResult.Settings settings(int b) {
        BenchmarkResult.Settings s = shards.get(0).benchmarks().get(b).settings();
        int threads = shards.stream().mapToInt(x -> x.benchmarks().get(b).settings().threads()).sum();
        return new BenchmarkResult.Settings(s.durationS(), s.warmupS(), s.repetitions(), s.aggregate(), s.concurrency(),
                s.timeoutMs(), s.connectTimeoutMs(), threads, s.rates(), s.clientCpus(), s.clientCpusNote(),
                s.sharedCores());
    }

    private FrameworkResult framework(BenchmarkResult bench, List<FrameworkResult> parts, Protocol<?> protocol,
                                      List<Threshold> thresholds) throws IOException {
        FrameworkResult first = parts.get(0);
        List<Level> levels = new ArrayList<>();
        int levelCount = parts.stream().mapToInt(p -> p.levels().size()).min().orElse(0);
        for (int l = 0; l < levelCount; l++) {
            int li = l;
            List<Level> same = parts.stream().map(p -> p.levels().get(li)).toList();
            levels.add(level(bench, first, same, protocol, thresholds));
        }
        String status = parts.stream().map(FrameworkResult::status).reduce(first.status(), Merge::worseFramework);
        String reason = reason(status, parts.stream().map(FrameworkResult::status).toList(),
                parts.stream().map(FrameworkResult::reason).toList());
        return new FrameworkResult(first.name(), first.title(), first.version(), first.start(), first.url(),
                first.cpus(), first.cpusNote(), status, reason, first.log(),
                first.logTail(), levels, null);
    }

    /**
     * Why a merged framework, level or window has the status it has: the reason of the shard (the
     * lowest-numbered) whose own part has that status, named ("shard 1: the server exited during
     * the run"), since shard 0's part may be fine when another's failed; null when ok.
     *
     * @param statuses the parts' statuses, in {@code shards}' order
     * @param reasons  their reasons, same order
     */
    private String reason(String merged, List<String> statuses, List<String> reasons) {
        if (merged.equals("ok")) {
            return null;
        }
        Integer pick = null;
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).equals(merged) && reasons.get(i) != null
                    && (pick == null || shardIndex(i) < shardIndex(pick))) {
                pick = i;
            }
        }
        return pick == null ? null : "shard " + shardIndex(pick) + ": " + reasons.get(pick);
    }

    private int shardIndex(int part) {
        return shards.get(part).shards().index();
    }

    private static String worseFramework(String a, String b) {
        List<String> order = List.of("ok", "interrupted", "not_run", "skipped", "failed");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private Level level(BenchmarkResult bench, FrameworkResult fw, List<Level> parts, Protocol<?> protocol,
                        List<Threshold> thresholds) throws IOException {
        Level first = parts.get(0);
        List<Run> runs = new ArrayList<>();
        int runCount = parts.stream().mapToInt(p -> p.runs().size()).min().orElse(0);
        for (int r = 0; r < runCount; r++) {
            int ri = r;
            runs.add(run(bench, fw, first, parts.stream().map(p -> p.runs().get(ri)).toList(), protocol));
        }
        String status = parts.stream().map(Level::status).reduce(first.status(), Merge::worse);
        org.mangonel.results.Summary summary = Summaries.of(runs, bench.settings().aggregate());
        return new Level(first.concurrency(), first.rate(), status, reason(status, parts.stream().map(Level::status)
                .toList(), parts.stream().map(Level::reason).toList()), runs, summary,
                Thresholds.check(thresholds, summary));
    }

    /** One window measured by every shard, added. */
    private Run run(BenchmarkResult bench, FrameworkResult fw, Level level, List<Run> parts, Protocol<?> protocol)
            throws IOException {
        Run first = parts.get(0);
        Histogram corrected = new Histogram(Recorder.HIGHEST_TRACKABLE_US, 3);
        Histogram uncorrected = new Histogram(Recorder.HIGHEST_TRACKABLE_US, 3);
        for (Run p : parts) {
            if (p.histogram() != null) {
                corrected.add(HistogramCodec.decode(p.histogram()));
            }
            if (p.histogramUncorrected() != null) {
                uncorrected.add(HistogramCodec.decode(p.histogramUncorrected()));
            }
        }
        checkAligned(bench, fw, level, parts);
        long requests = sum(parts, Run::requests);
        double duration = parts.stream().mapToDouble(Run::durationS).max().orElse(0);
        Map<String, Long> errors = sumMaps(parts.stream().map(Run::errors).toList());
        Map<String, Long> codes = sumMaps(parts.stream().map(Run::statusCodes).toList());
        long opened = sum(parts, Run::connectionsOpened);
        double rps = duration <= 0 ? 0 : Math.round(requests / duration * 100) / 100.0;
        Figures.OpenModel open = openModel(level.rate(), parts, rps);
        Figures.Tls tls = first.tls() == null ? null : new Figures.Tls(first.tls().protocol(), first.tls().cipher(),
                opened, duration <= 0 ? 0 : Math.round(opened / duration * 10) / 10.0);
        IntervalLogs.Merged series = IntervalLogs.merge(dirs, parts, out, first.hlog());
        Map<String, Object> extra = protocol == null ? first.extra()
                : protocol.mergeFigures(parts.stream().map(Run::extra).toList());
        Double late = parts.stream().map(Run::lateMs).filter(Objects::nonNull).max(Double::compare).orElse(null);
        String status = parts.stream().map(Run::status).reduce(first.status(), Merge::worse);
        String startedAt = parts.stream().map(Run::startedAt).filter(Objects::nonNull).min(String::compareTo)
                .orElse(null);
        String reason = reason(status, parts.stream().map(Run::status).toList(), parts.stream().map(Run::reason)
                .toList());
        return new Run(first.repetition(), startedAt, status, reason, requests,
                errors, codes, duration, rps, sum(parts, Run::bytesReceived), sum(parts, Run::bytesSent), opened,
                latency(corrected), latency(uncorrected), open, tls, HistogramCodec.encode(corrected),
                HistogramCodec.encode(uncorrected), series == null ? sumSeries(parts) : series.seconds(),
                series == null ? null : series.hlog(), late, server(parts), client(parts), new LinkedHashMap<>(extra));
    }

    /** Notes when the shards' windows began further apart than the warm-up. */
    private void checkAligned(BenchmarkResult bench, FrameworkResult fw, Level level, List<Run> parts) {
        List<Instant> starts = parts.stream().map(Run::startedAt).filter(Objects::nonNull).map(Instant::parse).toList();
        if (starts.size() < 2) {
            return;
        }
        Instant min = starts.stream().min(Instant::compareTo).orElseThrow();
        Instant max = starts.stream().max(Instant::compareTo).orElseThrow();
        Duration apart = Duration.between(min, max);
        if (apart.toMillis() > bench.settings().warmupS() * 1000) {
            notes.add(String.format(java.util.Locale.ROOT, "%s · %s · %d %ss: the shards' windows began %.1f s apart,"
                    + " more than the %.1f s warm-up: their figures cover different times", bench.name(), fw.title(),
                    level.concurrency(), bench.levelUnit(), apart.toMillis() / 1000.0, bench.settings().warmupS()));
        }
    }

    /**
     * The merged window against the level's whole rate (the shards' own targets are their parts
     * since 5b4a9fc and the whole rate before it; the level's rate is right for both).
     */
    private static Figures.OpenModel openModel(Level.RateRef rate, List<Run> parts, double rps) {
        if (parts.get(0).openModel() == null || rate == null) {
            return null;
        }
        double target = (rate.fromRps() + rate.toRps()) / 2;
        return new Figures.OpenModel(target, rps, target == 0 ? 0 : Math.round(10000.0 * rps / target) / 100.0,
                parts.stream().filter(p -> p.openModel() != null).mapToLong(p -> p.openModel().delayed()).sum(),
                parts.stream().filter(p -> p.openModel() != null).mapToLong(p -> p.openModel().unsent()).sum());
    }

    private static Figures.ServerFigures server(List<Run> parts) {
        return parts.stream().map(Run::server).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Figures.ClientFigures client(List<Run> parts) {
        List<Figures.ClientFigures> all = parts.stream().map(Run::client).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new Figures.ClientFigures(all.stream().mapToDouble(Figures.ClientFigures::cpuS).sum(),
                all.stream().mapToDouble(Figures.ClientFigures::cpuPct).sum(),
                all.stream().mapToDouble(Figures.ClientFigures::loopBusyMaxPct).max().orElse(0),
                all.stream().mapToInt(Figures.ClientFigures::threads).sum(),
                all.stream().anyMatch(Figures.ClientFigures::saturated),
                all.stream().mapToDouble(Figures.ClientFigures::allocBytesPerRequest).average().orElse(0));
    }

    /** Without interval logs: rates and errors added per second; latencies the worst shard's (marked approximate). */
    private static List<Second> sumSeries(List<Run> parts) {
        Map<Integer, Second> byT = new java.util.TreeMap<>();
        for (Run p : parts) {
            for (Second s : p.series()) {
                byT.merge(s.t(), s, (a, b) -> new Second(a.t(), a.warmup(), a.rate() + b.rate(),
                        a.errors() + b.errors(), Math.max(a.p50(), b.p50()), Math.max(a.p99(), b.p99()),
                        Math.max(a.max(), b.max())));
            }
        }
        return List.copyOf(byT.values());
    }

    private static long sum(List<Run> parts, ToLongFunction<Run> f) {
        return parts.stream().mapToLong(f).sum();
    }

    private static Map<String, Long> sumMaps(List<Map<String, Long>> maps) {
        Map<String, Long> out = new LinkedHashMap<>();
        maps.forEach(m -> m.forEach((k, v) -> out.merge(k, v, Long::sum)));
        return out;
    }

    private static Latency latency(Histogram h) {
        LatencySummary l = LatencySummary.of(h);
        return new Latency(r3(l.minMs()), r3(l.meanMs()), r3(l.stdevMs()), r3(l.p50Ms()), r3(l.p90Ms()),
                r3(l.p99Ms()), r3(l.p999Ms()), r3(l.maxMs()));
    }

    private static double r3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** A merge that cannot be done, in one line. */
    public static final class MergeException extends Exception {
        public MergeException(String message) {
            super(message);
        }
    }
}
