package org.mangonel.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mangonel.framework.ProcessTreeSampler;
import org.mangonel.framework.ServerProcess;
import org.mangonel.load.LoadResult;
import org.mangonel.load.LoadRun;
import org.mangonel.load.ProgressListener;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.protocol.Protocol;
import org.mangonel.report.ResultsModel.ClientFigures;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.ServerFigures;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.Share;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.RunStats;
import org.mangonel.transport.Endpoint;

/**
 * The level and repetition loop of one framework: for each level, each repetition is one window
 * (warm-up, measured window, drain) with the server sampled, turned into a {@link Run}. Stops
 * early when the run is interrupted or the server dies. The run's thread only.
 *
 * @param <W> the benchmark's workload
 */
final class Trials<W extends Workload> implements Measurer<W> {
    /** A window that began later than this after its scheduled start says so. */
    static final long LATE_NOTE_NS = 50_000_000L;
    /** A loop busier than this share of a core during a window means the client may have been the limit. */
    static final double SATURATED_LOOP_PCT = 90.0;
    /** Time for every connection's first attempt to end, beyond the connect timeout. */
    private static final long SETTLE_MARGIN_NS = 5_000_000_000L;

    private final BenchmarkPlan bp;
    private final Framework fw;
    private final Protocol<W> protocol;
    private final W workload;
    private final Endpoint endpoint;
    private final ServerProcess process;
    private final RunControl control;
    private final RunConsole console;
    private final Path outDir;
    private final Share share;
    private final Schedule schedule;
    private int trial;

    Trials(BenchmarkPlan bp, Framework fw, Protocol<W> protocol, W workload, Endpoint endpoint, ServerProcess process,
           RunControl control, RunConsole console, Path outDir, Share share, Schedule schedule) {
        this.outDir = outDir;
        this.share = share;
        this.schedule = schedule;
        this.bp = bp;
        this.fw = fw;
        this.protocol = protocol;
        this.workload = workload;
        this.endpoint = endpoint;
        this.process = process;
        this.control = control;
        this.console = console;
    }

    /** Every level, each repetition in turn; the levels measured so far when it stops early. */
    List<Level> run() throws InterruptedException {
        List<Level> levels = new ArrayList<>();
        for (BenchmarkPlan.Level level : bp.levels()) {
            levels.add(level(workload, level.concurrency(), level.rate(), ""));
            if (stopped()) {
                break;
            }
        }
        return levels;
    }

    /** One level's repetitions (of this workload, at this concurrency and rate). */
    @Override
    public Level level(W load, int concurrency, Rate rate, String note) throws InterruptedException {
        RunSettings s = bp.settings();
        List<Run> runs = new ArrayList<>();
        for (int rep = 1; rep <= s.repetitions() && !stopped(); rep++) {
            String label = String.format(Locale.ROOT, "%s · %s · c=%d%s%s · rep %d/%d", bp.benchmark().name(),
                    fw.name(), concurrency, rate == null ? "" : " @ " + rate.label(), note, rep, s.repetitions());
            runs.add(window(load, s, concurrency, rate, label, rep, true));
            trial++;
        }
        return Verdicts.level(concurrency, rate, runs);
    }

    @Override
    public String frameworkName() {
        return fw.name();
    }

    /** Whether to stop: interrupted, or the server no longer alive. */
    @Override
    public boolean stopped() {
        return control.interrupted() || !serverAlive();
    }

    private boolean serverAlive() {
        return process == null || process.alive();
    }

    /**
     * One window: warm-up, measure with the server sampled, drain; then its figures.
     *
     * @param keepLog write its interval log (a capacity probe does not)
     */
    @Override
    public Run window(W load, RunSettings s, int concurrency, Rate rate, String label, int rep, boolean keepLog)
            throws InterruptedException {
        LoadRun run = protocol.load(load, endpoint, s, concurrency, rate, share);
        Instant at = keepLog ? schedule.start(trial) : null;
        if (at != null) {
            run.startAt(Timetable.toNanoTime(at));
        }
        ProcessTreeSampler sampler = process == null ? null : process.sampler();
        LoadResult result;
        control.window(run);
        try {
            result = run.execute(s.warmup().toNanos(), s.duration().toNanos(),
                    s.connectTimeout().toNanos() + SETTLE_MARGIN_NS, progress(label), () -> {
                        if (sampler != null) {
                            sampler.start();
                        }
                    });
        } finally {
            control.window(null);
            console.endProgress();
        }
        ProcessTreeSampler.Usage u = sampler == null ? null : sampler.stop();
        ServerFigures server = u == null ? null
                : new ServerFigures(u.cpuSeconds(), u.cpuPercent(), u.rssMaxBytes(), u.rssMeanBytes(), u.processes());
        RunStats stats = result.stats();
        ClientFigures client = new ClientFigures(result.clientCpuNs() / 1e9, result.clientCpuPct(),
                result.loopBusyMaxPct(), Math.min(s.threads(), concurrency),
                result.loopBusyMaxPct() >= SATURATED_LOOP_PCT, result.allocatedBytesPerRequest());
        Verdicts.RunVerdict verdict = Verdicts.run(result.clientFailure(), result.interrupted(), stats,
                protocol.nothingMeasured(stats), result.connectFailureToSay(), !serverAlive());
        if (result.lateNs() > LATE_NOTE_NS) {
            console.info(String.format(Locale.ROOT, "%s: began %.3f s after its scheduled start (%s); the window was"
                    + " kept, its first part may have had no traffic", label, result.lateNs() / 1e9, at));
        }
        console.info(summary(label, load, stats, client) + (stats.durationNs() > s.duration().toNanos()
                ? String.format(Locale.ROOT, " (behind: the window's %.3f s of requests took %.3f s to send)",
                s.duration().toNanos() / 1e9, stats.durationNs() / 1e9) : ""));
        Instant began = at != null ? at : result.startedAt().truncatedTo(ChronoUnit.MILLIS);
        String hlog = keepLog ? hlog(concurrency, rate, rep, stats, began.plusNanos(s.warmup().toNanos())) : null;
        return new Run(rep, began, verdict.status(), verdict.reason(), stats, server, client,
                result.security(), hlog, at == null ? null : result.lateNs() / 1e6);
    }

    /**
     * Writes the window's interval log to {@code runs/BENCHMARK/FRAMEWORK/cN[-atRATE]-rK.hlog};
     * returns that path (relative to the run's folder), or null when it could not be written.
     */
    private String hlog(int concurrency, Rate rate, int rep, RunStats stats, Instant measureStart) {
        String name = "c" + concurrency + (rate == null ? "" : "-at" + rate.label()
                .replace("/s", "ps").replace("→", "-to-")) + "-r" + rep;
        // A second level with the same name (a capacity search's step-down at another message
        // rate, which the name does not show) gets a name of its own.
        String relative = IntervalLog.unused(outDir, "runs/" + bp.benchmark().name() + "/" + fw.name() + "/" + name);
        try {
            IntervalLog.write(outDir.resolve(relative), stats.series(), measureStart);
            return relative;
        } catch (java.io.IOException e) {
            console.info(fw.name() + ": cannot write " + relative + ": " + e.getMessage());
            return null;
        }
    }

    private ProgressListener progress(String label) {
        if (!console.showsProgress()) {
            return ProgressListener.NONE; // a quiet run formats no line a second on the load's cores
        }
        String perSecond = protocol.successUnit() + "/s";
        return (elapsedNs, totalNs, phase, rate, errors, p99Us) -> console.progress(switch (phase) {
            case DRAINING -> String.format(Locale.ROOT, "%s  %5.1fs  draining: awaiting the window's %s still owed",
                    label, elapsedNs / 1e9, protocol.successUnit());
            case WARMING_UP -> String.format(Locale.ROOT, "%s  %5.1f/%.1fs  warming up", label, elapsedNs / 1e9,
                    totalNs / 1e9);
            case MEASURING -> String.format(Locale.ROOT, "%s  %5.1f/%.1fs  %,.0f %s  %,d errors  p99 %s", label,
                    elapsedNs / 1e9, totalNs / 1e9, rate, perSecond, errors, rate > 0 ? millis(p99Us) : "n/a");
        });
    }

    private String summary(String label, W load, RunStats stats, ClientFigures client) {
        boolean none = stats.requests() == 0; // no latency to show: n/a, as engine load says
        return String.format(Locale.ROOT, "%s: %,.1f %s/s, %,d %s%s, %,d errors, mean %s, p99 %s%s", label,
                stats.rate(), protocol.successUnit(), stats.requests(), protocol.successUnit(),
                protocol.summary(load, stats), stats.errorTotal(),
                none ? "n/a" : millis(stats.latency().meanMs() * 1000),
                none ? "n/a" : millis(stats.latency().p99Ms() * 1000),
                client.saturated() ? " (client saturated)" : "");
    }

    static String millis(double us) {
        return us < 1000 ? String.format(Locale.ROOT, "%.3fms", us / 1000.0)
                : String.format(Locale.ROOT, "%.1fms", us / 1000.0);
    }
}
