package org.mangonel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mangonel.results.BenchmarkResult;
import org.mangonel.results.FrameworkResult;
import org.mangonel.results.Level;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.Summary;
import org.mangonel.scenario.Threshold;

/**
 * Checks thresholds on the figures a level's table shows (its summary), and gathers the verdict
 * of a whole run. Stateless.
 */
public final class Thresholds {
    private Thresholds() {
    }

    /** Each threshold against this summary; none when nothing was measured (a failure is reported elsewhere). */
    public static List<Level.ThresholdCheck> check(List<Threshold> thresholds, Summary summary) {
        List<Level.ThresholdCheck> out = new ArrayList<>();
        if (summary == null) {
            return out;
        }
        for (Threshold t : thresholds) {
            double actual = actual(t.metric(), summary);
            out.add(new Level.ThresholdCheck(t.toString(), Results.round(actual, 3), t.holds(actual)));
        }
        return out;
    }

    /** The figure a threshold on {@code metric} compares, in its unit. */
    static double actual(String metric, Summary s) {
        return switch (metric) {
            case "mean" -> s.latencyMs().mean();
            case "p50" -> s.latencyMs().p50();
            case "p90" -> s.latencyMs().p90();
            case "p99" -> s.latencyMs().p99();
            case "p999" -> s.latencyMs().p999();
            case "max" -> s.latencyMs().max();
            case "rps" -> s.rps();
            case "errors" -> s.errorPct();
            default -> lost(s);
        };
    }

    private static double lost(Summary s) {
        Object messages = s.extra().get("messages");
        if (messages instanceof Map<?, ?> m && m.get("lost") instanceof Number n) {
            return n.doubleValue();
        }
        return 0;
    }

    /** The run's verdict: every check of every level; null when no benchmark declared a threshold. */
    public static ResultsFile.Verdict verdict(List<BenchmarkResult> benchmarks) {
        int checked = 0;
        List<String> failed = new ArrayList<>();
        boolean any = false;
        for (BenchmarkResult b : benchmarks) {
            any |= !b.thresholds().isEmpty();
            for (FrameworkResult f : b.frameworks()) {
                for (Level l : f.levels()) {
                    for (Level.ThresholdCheck c : l.thresholds()) {
                        checked++;
                        if (!c.passed()) {
                            failed.add(String.format(Locale.ROOT, "%s · %s · %s: %s, was %s", b.name(), f.title(),
                                    levelName(b, l), c.threshold(), shown(c)));
                        }
                    }
                }
            }
        }
        return any ? new ResultsFile.Verdict(failed.isEmpty(), checked, failed) : null;
    }

    private static String shown(Level.ThresholdCheck c) {
        return measured(c.threshold(), c.actual());
    }

    /**
     * What a threshold's figure measured, in the threshold's unit and as the results table shows
     * it: "12.5 ms", "1.25 s", "10,234/s", "0.2%", "3" (chat's lost deliveries). For the console and the pages ({@code measured(t, x)}).
     */
    static String measured(String threshold, double actual) {
        String unit;
        try {
            unit = Threshold.parse(threshold).unit();
        } catch (IllegalArgumentException e) {
            unit = ""; // a results file from another version: the bare figure
        }
        // as the results table shows the figure; a share or a count with at most three decimals
        return switch (unit) {
            case "ms" -> Formats.latency(actual);
            case "/s" -> Formats.rate(actual) + "/s";
            default -> Formats.grouped(actual, 3).replaceFirst("\\.?0+$", "") + unit;
        };
    }

    static String levelName(BenchmarkResult b, Level l) {
        return l.concurrency() + " " + b.levelUnit() + (l.concurrency() == 1 ? "" : "s")
                + (l.rate() == null ? "" : " at " + l.rate().label());
    }
}
