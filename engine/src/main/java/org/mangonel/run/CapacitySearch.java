package org.mangonel.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.protocol.Protocol;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.LevelStatus;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunStatus;
import org.mangonel.results.FrameworkResult.CapacityResult;
import org.mangonel.results.FrameworkResult.Probe;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.RunStats;

/**
 * Finds the highest load a framework sustains with its p99 within the SLO and at most the
 * allowed share of failures (errors, and what the protocol counts as a shortfall: chat's lost
 * deliveries, the open model's unsent requests), then measures that load with the benchmark's
 * repetitions. At most {@code probes} short windows per framework:
 *
 * <pre>
 *   probe(from) ──missed──▶ no capacity (even the lowest load misses the SLO)
 *      │ met
 *      ▼
 *   BRACKET: raise by a factor f = (to/from)^(2/probes) until a probe misses (or `to` is met)
 *      ▼
 *   BISECT between the highest met and the lowest missed (geometric mean; whole numbers for
 *   concurrency), until the probes are spent or the two are adjacent
 *      ▼
 *   measure the highest met load with the benchmark's repetitions (the table's level)
 *      │ it does not hold: no window of it met the SLO (a server just above its limit, whose
 *      │ queue grows over seconds, passes a short probe), or every window failed (the machine
 *      │ or client slower than in its probe: nothing measured)
 *      ▼
 *   measure the next lower met load instead (or, when that is under half the load, their geometric
 *   mean); at most Capacity.MAX_STEP_DOWNS times (every level is kept, those stepped down from
 *   SUPERSEDED, or FAILED; the reason says so)
 * </pre>
 * A probe window is half the benchmark's duration (at least a second) after at most a second of
 * warm-up. The run's thread only.
 *
 * @param <W> the benchmark's workload
 */
final class CapacitySearch<W extends Workload> {
    private final BenchmarkPlan bp;
    private final Capacity spec;
    private final Protocol<W> protocol;
    private final W workload;
    private final Measurer<W> measurer;
    private final List<Probe> probes = new ArrayList<>();

    CapacitySearch(BenchmarkPlan bp, Protocol<W> protocol, W workload, Measurer<W> measurer) {
        this.bp = bp;
        this.spec = bp.benchmark().capacity();
        this.protocol = protocol;
        this.workload = workload;
        this.measurer = measurer;
    }

    /**
     * The search, then the found load measured; the levels (the found load's and those stepped down to, or none)
     * and what was found.
     */
    Outcome run() throws InterruptedException {
        double from = spec.from();
        double to = spec.to();
        boolean whole = spec.vary() == Capacity.Vary.CONCURRENCY;
        double factor = Math.pow(to / from, 2.0 / spec.probes());
        Double met = null;
        Double missed = null;
        double load = from;
        while (probes.size() < spec.probes() && !measurer.stopped()) {
            boolean ok = probe(load);
            if (ok) {
                met = load;
            } else {
                missed = load;
            }
            if (!ok && met == null) {
                return outcome(null, "even the lowest load (" + shown(from) + ") missed the SLO");
            }
            if (missed == null) {
                if (load >= to) {
                    break; // the highest load asked for was sustained
                }
                load = round(Math.min(to, load * factor), whole);
                continue;
            }
            double next = round(missed / met > 2 ? Math.sqrt(met * missed) : (met + missed) / 2, whole);
            if (next <= met || next >= missed) {
                break; // adjacent: no load between them left to try
            }
            load = next;
        }
        if (met == null) {
            return outcome(null, measurer.stopped() ? "interrupted before a load was found" : "no load met the SLO");
        }
        String why = missed == null ? (met >= to ? "sustained the highest load tried, " + shown(to)
                : "the probes ran out while every load met the SLO")
                : "the next load tried, " + shown(missed) + ", missed the SLO";
        return outcome(met, why);
    }

    private Outcome outcome(Double found, String reason) throws InterruptedException {
        List<Level> levels = new ArrayList<>();
        Double achieved = null;
        if (found != null && !measurer.stopped()) {
            Level level = measure(found, "");
            for (int step = 0; step < Capacity.MAX_STEP_DOWNS && !measurer.stopped(); step++) {
                String miss = missed(level);
                Double sustained = miss == null ? null : highestMetBelow(found);
                if (sustained == null) {
                    break;
                }
                double lower = stepDownTo(found, sustained);
                // Measured for the benchmark's whole window, the found load did not hold (a short
                // probe cannot tell a server just below its limit from one just above, whose queue
                // grows by the second; or a client or machine slower than during the probe left
                // nothing measured): step down towards the next load a probe sustained. The level
                // stepped down from stays in the results, its reason naming its load (a level
                // varied by message rate does not show it).
                String target = lower == sustained ? "the next lower load that met the SLO, " + shown(lower)
                        : shown(lower) + " (between it and " + shown(sustained) + ", the next lower load that met the SLO)";
                reason += step == 0 ? "; measured there for longer, " + miss + ", so " + target + ", was measured instead"
                        : "; there too " + miss + ", so " + shown(lower) + " was measured";
                String where = "at " + shown(found) + (step == 0 ? ", the load found: " : ", stepped down to: ");
                Level next = measure(lower, ", stepped down");
                if (level.status() == LevelStatus.OK && next.status() != LevelStatus.OK) {
                    // The lower load measured nothing (failed, or interrupted): the level left is
                    // the only figure, so it stays the framework's, its miss said below.
                    levels.add(relabeled(next, next.status(), "at " + shown(lower) + ", stepped down to: "
                            + next.reason()));
                    reason += "; that measured nothing (" + next.reason() + "), so the figure is " + shown(found) + "'s";
                    break;
                }
                levels.add(level.status() == LevelStatus.OK
                        ? relabeled(level, LevelStatus.SUPERSEDED, where + miss + "; the search stepped down")
                        : relabeled(level, level.status(), where + level.reason()));
                level = next;
                found = lower;
            }
            levels.add(level);
            achieved = level.runs().stream().filter(r -> r.status() == RunStatus.OK)
                    .mapToDouble(r -> r.stats().rate()).max().orElse(0);
            double worstP99 = level.runs().stream().filter(r -> r.status() == RunStatus.OK)
                    .mapToDouble(r -> r.stats().latency().p99Ms()).max().orElse(0);
            if (worstP99 > spec.sloP99Ms()) {
                // The longer window at the load settled on did not hold the SLO: say so rather than hide it.
                reason += String.format(Locale.ROOT, "; measured there for longer, p99 was %.1f ms, above the SLO:"
                        + " the server is at its limit and this figure is uncertain", worstP99);
            }
        }
        return new Outcome(levels, new CapacityResult(found, unit(), achieved, probes, reason));
    }

    /**
     * Why a measured level does not hold the SLO, or null when it does: it failed (nothing
     * measured), or none of its windows met the SLO (a level with one window that held, of
     * several, holds: the figure then says "uncertain" if another missed).
     */
    private String missed(Level level) {
        if (level.status() == LevelStatus.FAILED) {
            return "it failed (" + level.reason() + ")";
        }
        if (level.status() != LevelStatus.OK || level.runs().stream().anyMatch(this::held)) {
            return null;
        }
        RunStats best = level.runs().stream().filter(r -> r.status() == RunStatus.OK).map(Run::stats)
                .min(java.util.Comparator.comparingDouble(st -> st.latency().p99Ms())).orElseThrow();
        return best.latency().p99Ms() > spec.sloP99Ms()
                ? String.format(Locale.ROOT, "p99 was %.1f ms, above the SLO", best.latency().p99Ms())
                : String.format(Locale.ROOT, "%.2f%% failed, above the %s%% allowed", failedPct(best),
                        shownPct(spec.errorsPct()));
    }

    /** Whether a window met the SLO: ok, something measured, p99 and failures within bounds. */
    private boolean held(Run run) {
        RunStats st = run.stats();
        return run.status() == RunStatus.OK && st.requests() > 0 && st.latency().p99Ms() <= spec.sloP99Ms()
                && failedPct(st) <= spec.errorsPct();
    }

    /** Errors and shortfalls (chat's lost deliveries, the open model's unsent) as a share of outcomes, %. */
    private double failedPct(RunStats st) {
        long failed = st.errorTotal() + st.unsent() + protocol.shortfall(st);
        long outcomes = st.requests() + failed;
        return outcomes == 0 ? 100 : 100.0 * failed / outcomes;
    }

    private static String shownPct(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }

    private static Level relabeled(Level level, LevelStatus status, String reason) {
        return new Level(level.concurrency(), level.rate(), status, reason, level.runs());
    }

    /** The found load measured with the benchmark's repetitions. */
    private Level measure(double load, String note) throws InterruptedException {
        return measurer.level(workload(load), concurrency(load), rate(load), " (capacity " + shown(load) + note + ")");
    }

    /**
     * Where to step down to from {@code load}, whose measurement did not hold, given the highest
     * load below it that a probe sustained: that load, or, when it is less than half of
     * {@code load} (a bracketing step apart, which no probe bisected), their geometric mean, so
     * that one coarse step of the search does not cost the figure half its value.
     */
    private double stepDownTo(double load, double sustained) {
        if (load / sustained <= 2) {
            return sustained;
        }
        double between = round(Math.sqrt(load * sustained), spec.vary() == Capacity.Vary.CONCURRENCY);
        return between > sustained && between < load ? between : sustained;
    }

    /** The highest load below {@code load} that a probe sustained, or null. */
    private Double highestMetBelow(double load) {
        return probes.stream().filter(p -> p.met() && p.load() < load).map(Probe::load).max(Double::compare)
                .orElse(null);
    }

    /** One short window at {@code load}; whether the SLO held. */
    private boolean probe(double load) throws InterruptedException {
        RunSettings s = bp.probeSettings();
        String label = String.format(Locale.ROOT, "%s · %s · capacity probe %d/%d @ %s", bp.benchmark().name(),
                measurer.frameworkName(), probes.size() + 1, spec.probes(), shown(load));
        Run run = measurer.window(workload(load), s, concurrency(load), rate(load), label, 1, false);
        RunStats st = run.stats();
        boolean met = held(run);
        probes.add(new Probe(load, round2(st.rate()), round2(st.latency().p50Ms()), round2(st.latency().p99Ms()),
                round2(failedPct(st)), met));
        return met;
    }

    private W workload(double load) {
        return protocol.atLoad(workload, spec.vary(), load);
    }

    private int concurrency(double load) {
        return spec.vary() == Capacity.Vary.CONCURRENCY ? (int) load : bp.settings().concurrency().get(0);
    }

    private Rate rate(double load) {
        return spec.vary() == Capacity.Vary.RATE ? Rate.constant(load) : null;
    }

    /** What the load counts. */
    String unit() {
        return switch (spec.vary()) {
            case RATE -> protocol.successUnit() + "/s offered";
            case CONCURRENCY -> protocol.levelUnit() + "s";
            case MESSAGE_RATE -> "messages/s per client";
        };
    }

    private String shown(double load) {
        return (load == Math.rint(load) ? String.valueOf((long) load) : String.format(Locale.ROOT, "%.3g", load))
                + (spec.vary() == Capacity.Vary.CONCURRENCY ? " " + protocol.levelUnit() + "s" : "/s");
    }

    private static double round(double load, boolean whole) {
        return whole ? Math.round(load) : load >= 100 ? Math.round(load) : Math.round(load * 100) / 100.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * The levels measured (the found load's, then those it stepped down to, the last one the
     * framework's; or none) and what the search found.
     */
    record Outcome(List<Level> levels, CapacityResult capacity) {
    }
}
