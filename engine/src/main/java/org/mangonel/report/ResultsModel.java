package org.mangonel.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.stats.RunStats;

/**
 * The typed results of a run, as the runner collects them; {@link Results#file} turns them into
 * the results file's records ({@link org.mangonel.results.ResultsFile}), which
 * {@link org.mangonel.results.ResultsJson} writes as {@code results.json}. Immutable records.
 */
public final class ResultsModel {
    private ResultsModel() {
    }

    /** What a framework's processes used during one window (from /proc). */
    public record ServerFigures(double cpuSeconds, double cpuPercent, long rssMaxBytes, long rssMeanBytes,
                                int processes) {
    }

    /**
     * What the client used during one window.
     *
     * @param cpuSeconds     CPU time of the whole engine process
     * @param cpuPercent     that as a share of one core
     * @param loopBusyMaxPct the busiest event loop thread's CPU share of one core
     * @param threads        event loops
     * @param saturated      the busiest loop was (nearly) always busy: the client may have limited
     *                       the figures
     * @param allocatedBytesPerRequest what the event loops allocated per request in the window
     */
    public record ClientFigures(double cpuSeconds, double cpuPercent, double loopBusyMaxPct, int threads,
                                boolean saturated, double allocatedBytesPerRequest) {
    }

    /** How one measured window ended. */
    public enum RunStatus {
        OK, FAILED, INTERRUPTED;

        /** The word in results. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How a level ended: ok when a repetition measured something. SUPERSEDED: measured, but a
     * capacity search found it did not hold the SLO and measured a lower load instead, which is
     * the framework's level; kept for what it measured, out of the tables, comparisons and
     * thresholds.
     */
    public enum LevelStatus {
        OK, FAILED, INTERRUPTED, SUPERSEDED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How a framework ended in one benchmark: measured (ok), measured until an interruption,
     * skipped (a requirement failed), failed (did not start, answered wrongly, died, or nothing
     * could be measured), or not run at all because the run was interrupted before it.
     */
    public enum FrameworkStatus {
        OK, INTERRUPTED, SKIPPED, FAILED, NOT_RUN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How the whole run ended (running while it goes: results.json is rewritten as it goes). */
    public enum ScenarioStatus {
        RUNNING, OK, FAILED, INTERRUPTED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One measured window.
     *
     * @param security what its secure connections negotiated, or null for plain TCP
     * @param hlog     its interval log file, relative to the run's folder, or null
     * @param lateMs   in a scheduled run, how late its traffic began after the window's start; else null
     */
    public record Run(int repetition, Instant startedAt, RunStatus status, String reason, RunStats stats,
                      ServerFigures server, ClientFigures client, String security, String hlog, Double lateMs) {
    }

    /** One concurrency level (at a rate, in the open model; else null) on one framework: its repetitions. */
    public record Level(int concurrency, Rate rate, LevelStatus status, String reason, List<Run> runs) {
        public Level {
            runs = List.copyOf(runs);
        }
    }

    /**
     * One framework in one benchmark. {@code cpus} is what it was to be pinned to and
     * {@code cpusNote} why that was not done (null when it was, or none).
     */
    public record FrameworkResult(String name, String title, String version, String start, String url,
                                  String cpus, String cpusNote, FrameworkStatus status, String reason, String log,
                                  String logTail, List<Level> levels,
                                  org.mangonel.results.FrameworkResult.CapacityResult capacity) {
        public FrameworkResult {
            levels = List.copyOf(levels);
        }
    }

    /**
     * One benchmark with its resolved settings; {@code clientPinning} says why the client was not
     * pinned to {@code settings.clientCpus()} (null when it was, or when none was asked for).
     */
    public record BenchmarkResult(Benchmark benchmark, RunSettings settings, String clientPinning,
                                  String sharedCores, List<FrameworkResult> frameworks) {
        public BenchmarkResult {
            frameworks = List.copyOf(frameworks);
        }
    }

    /** The whole run. */
    public record RunResults(Scenario scenario, Map<String, Object> environment, String command, Instant startedAt,
                             Instant finishedAt, ScenarioStatus status, org.mangonel.results.ResultsFile.Shards shards,
                             List<BenchmarkResult> benchmarks) {
        public RunResults {
            benchmarks = List.copyOf(benchmarks);
        }
    }
}
