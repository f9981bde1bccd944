package org.mangonel.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mangonel.results.BenchmarkResult;
import org.mangonel.results.FrameworkResult;
import org.mangonel.results.Level;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.Summary;

/**
 * Two runs side by side: for each benchmark, framework and level both measured, the published
 * figures of A and B, the change in percent and a verdict. A change is <em>within noise</em> when
 * it is no larger than that figure's spread over either run's repetitions (max − min, relative to it),
 * or than 5% when a run has a single repetition; otherwise it is better or worse (more
 * throughput, less latency, fewer errors is better). Each figure's noise is its own range (p50's
 * for p50). Levels measured in one run only are listed apart; with a regression limit, one that
 * A measured and B did not is a regression. Stateless.
 */
public final class Comparison {
    /** The smallest change that counts when a side has only one repetition: 5%. */
    static final double SINGLE_RUN_NOISE = 0.05;

    private Comparison() {
    }

    /** One figure of one level on both sides. */
    public record Row(String metric, String unit, double a, double b, double changePct, double noisePct,
                      String verdict, boolean higherIsBetter) {
    }

    /**
     * The comparison as the compare templates see it.
     *
     * @param regressionPct with {@code --fail-on-regression PCT}: the limit, else null
     */
    public static Map<String, Object> of(ResultsFile a, String aName, ResultsFile b, String bName,
                                         Double regressionPct) {
        List<Object> levels = new ArrayList<>();
        int worse = 0;
        int better = 0;
        int within = 0;
        List<String> regressions = new ArrayList<>();
        for (BenchmarkResult ba : a.benchmarks()) {
            for (FrameworkResult fa : ba.frameworks()) {
                for (Level la : fa.levels()) {
                    Level lb = measuredIn(b, ba, fa, la);
                    if (lb == null || la.summary() == null || la.superseded()) {
                        continue;
                    }
                    List<Row> rows = rows(la.summary(), lb.summary());
                    for (Row r : rows) {
                        switch (r.verdict()) {
                            case "worse" -> {
                                worse++;
                                if (regressionPct != null && Math.abs(r.changePct()) > regressionPct) {
                                    regressions.add(String.format(Locale.ROOT, "%s · %s · %s: %s %+.1f%%", ba.name(),
                                            fa.title(), Thresholds.levelName(ba, la), r.metric(), r.changePct()));
                                }
                            }
                            case "better" -> better++;
                            default -> within++;
                        }
                    }
                    Map<String, Object> level = new LinkedHashMap<>();
                    level.put("benchmark", ba.name());
                    level.put("benchmark_title", ba.title());
                    level.put("framework", fa.title());
                    level.put("level", Thresholds.levelName(ba, la));
                    level.put("success_unit", ba.successUnit());
                    level.put("rows", rows.stream().map(Comparison::row).toList());
                    level.put("a_histogram", la.summary().histogram());
                    level.put("b_histogram", lb.summary().histogram());
                    levels.add(level);
                }
            }
        }
        List<String> onlyA = measuredOnlyIn(a, b);
        List<String> onlyB = measuredOnlyIn(b, a);
        if (regressionPct != null) {
            // a level B no longer measures (its framework failed, or was left out) fails the gate
            onlyA.forEach(x -> regressions.add(x + ": measured in A, not in B"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("a", side(a, aName));
        out.put("b", side(b, bName));
        out.put("levels", levels);
        out.put("worse", worse);
        out.put("better", better);
        out.put("within_noise", within);
        out.put("regression_pct", regressionPct);
        out.put("regressions", regressions);
        out.put("only_a", onlyA);
        out.put("only_b", onlyB);
        return out;
    }

    /** The levels {@code x} measured that {@code y} did not, as "benchmark · framework · level". */
    private static List<String> measuredOnlyIn(ResultsFile x, ResultsFile y) {
        List<String> out = new ArrayList<>();
        for (BenchmarkResult bx : x.benchmarks()) {
            for (FrameworkResult fx : bx.frameworks()) {
                for (Level lx : fx.levels()) {
                    if (lx.summary() != null && !lx.superseded() && measuredIn(y, bx, fx, lx) == null) {
                        out.add(bx.name() + " · " + fx.title() + " · " + Thresholds.levelName(bx, lx));
                    }
                }
            }
        }
        return out;
    }

    /** {@code other}'s level for this benchmark, framework and level, when it measured one; else null. */
    private static Level measuredIn(ResultsFile other, BenchmarkResult b, FrameworkResult f, Level l) {
        return other.benchmarks().stream().filter(x -> x.name().equals(b.name()))
                .flatMap(x -> x.frameworks().stream()).filter(x -> x.name().equals(f.name()))
                .flatMap(x -> x.levels().stream()).filter(x -> sameLevel(x, l) && x.summary() != null && !x.superseded())
                .findFirst().orElse(null);
    }

    private static boolean sameLevel(Level x, Level y) {
        String rx = x.rate() == null ? "" : x.rate().label();
        String ry = y.rate() == null ? "" : y.rate().label();
        return x.concurrency() == y.concurrency() && rx.equals(ry);
    }

    private static Map<String, Object> side(ResultsFile r, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("scenario", r.scenario().title());
        out.put("file", r.scenario().file());
        out.put("sha256", r.scenario().sha256());
        out.put("started_at", r.startedAt());
        out.put("command", r.command());
        out.put("schema", r.schema());
        return out;
    }

    private static Map<String, Object> row(Row r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", r.metric());
        out.put("unit", r.unit());
        out.put("a", r.a());
        out.put("b", r.b());
        out.put("change_pct", Math.round(r.changePct() * 10) / 10.0);
        out.put("noise_pct", Math.round(r.noisePct() * 10) / 10.0);
        out.put("verdict", r.verdict());
        return out;
    }

    /** The figures compared with a noise band of their own. */
    private enum Banded { THROUGHPUT, P50, P99 }

    /** Throughput, p50, p99 and the error share of two summaries. */
    static List<Row> rows(Summary a, Summary b) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("throughput", "/s", a.rps(), b.rps(), true, noise(a, b, Banded.THROUGHPUT)));
        rows.add(row("p50", "ms", a.latencyMs().p50(), b.latencyMs().p50(), false, noise(a, b, Banded.P50)));
        rows.add(row("p99", "ms", a.latencyMs().p99(), b.latencyMs().p99(), false, noise(a, b, Banded.P99)));
        rows.add(row("errors", "%", a.errorPct(), b.errorPct(), false, -1));
        return rows;
    }

    /** The relative noise band: the larger relative spread of the two sides, or 5% for a single run. */
    private static double noise(Summary a, Summary b, Banded figure) {
        return Math.max(spread(a, figure), spread(b, figure));
    }

    /**
     * One side's range of the figure over its repetitions, relative to the figure published; 5%
     * for a single run, or when the file does not hold the range (p50's, before it was kept).
     */
    private static double spread(Summary s, Banded figure) {
        Summary.Spread sp = s.spread();
        if (s.of() < 2 || sp == null) {
            return SINGLE_RUN_NOISE;
        }
        return switch (figure) {
            case THROUGHPUT -> relative(sp.rpsMin(), sp.rpsMax(), s.rps());
            case P50 -> relative(sp.p50Min(), sp.p50Max(), s.latencyMs().p50());
            case P99 -> relative(sp.p99Min(), sp.p99Max(), s.latencyMs().p99());
        };
    }

    private static double relative(Double min, Double max, double figure) {
        return min == null || max == null || figure == 0 ? SINGLE_RUN_NOISE : (max - min) / figure;
    }

    /**
     * @param noise the relative noise band; negative for the error share, judged in points: a
     *              change under 0.1 point (or to and from zero) is within noise
     */
    private static Row row(String metric, String unit, double a, double b, boolean higherIsBetter, double noise) {
        double change = a == 0 ? (b == 0 ? 0 : 100) : 100 * (b - a) / a;
        String verdict;
        if (noise < 0) {
            verdict = Math.abs(b - a) < 0.1 ? "within noise" : b < a ? "better" : "worse";
            noise = 0.1;
        } else if (Math.abs(change) <= 100 * noise) {
            verdict = "within noise";
            noise = 100 * noise;
        } else {
            verdict = (change > 0) == higherIsBetter ? "better" : "worse";
            noise = 100 * noise;
        }
        return new Row(metric, unit, a, b, change, noise, verdict, higherIsBetter);
    }
}
