package org.mangonel.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A pass/fail condition on a level's published figure, e.g. {@code p99 < 50ms}, {@code rps > 10000},
 * {@code errors < 0.1%}, {@code lost = 0}. Checked per framework and level on the figure the
 * table shows; a breach makes the run exit with code 4.
 *
 * @param metric what is compared: a latency ({@code mean}, {@code p50}, {@code p90}, {@code p99},
 *               {@code p999}, {@code max}, in milliseconds), {@code rps} (successes per second),
 *               {@code errors} (percent of all requests due that failed or, open model, were never sent) or {@code lost} (chat: deliveries lost)
 * @param op     one of {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}
 * @param value  in the metric's unit: milliseconds, per second, percent, or a count
 */
public record Threshold(String metric, String op, double value) {
    /** The metrics a threshold may name. */
    public static final List<String> METRICS = List.of("mean", "p50", "p90", "p99", "p999", "max", "rps", "errors",
            "lost");
    /** The metrics of a request-response load ({@code engine load}): all but chat's {@code lost}. */
    public static final List<String> REQUEST_METRICS = METRICS.subList(0, METRICS.size() - 1);
    public static final List<String> OPS = List.of("<=", ">=", "<", ">", "=");

    public Threshold {
        Objects.requireNonNull(metric, "metric");
        if (!METRICS.contains(metric) || !OPS.contains(op)) {
            throw new IllegalArgumentException("unknown metric or comparison");
        }
    }

    /**
     * Reads a threshold as {@link #toString()} writes it ({@code p99 < 50ms}, {@code rps > 10000},
     * {@code errors < 0.1%}, {@code lost = 0}), e.g. back from a results file.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Threshold parse(String text) {
        return parse(text, METRICS);
    }

    /**
     * Reads a threshold that may name only the {@code allowed} metrics (a subset of
     * {@link #METRICS}); the error lists those.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static Threshold parse(String text, List<String> allowed) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "\\s*([a-z0-9]+)\\s*(<=|>=|<|>|=)\\s*(\\d+(?:\\.\\d+)?(?:E-?\\d+)?)\\s*(us|µs|ms|s|%|/s)?\\s*")
                .matcher(text);
        if (!m.matches() || !allowed.contains(m.group(1))) {
            throw new IllegalArgumentException("a threshold is METRIC OP VALUE, e.g. 'p99<50ms', 'rps>10000' or"
                    + " 'errors<0.1%' (metrics: " + String.join(", ", allowed) + "); found '" + text + "'");
        }
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4) == null ? "" : m.group(4);
        boolean latency = !List.of("rps", "errors", "lost").contains(m.group(1));
        if (latency) {
            if (unit.isEmpty() || unit.equals("%") || unit.equals("/s")) {
                throw new IllegalArgumentException("'" + text + "': a latency needs its unit (us, ms or s)");
            }
            value *= unit.equals("s") ? 1000 : unit.equals("ms") ? 1 : 0.001;
        } else if (m.group(1).equals("errors") && !unit.equals("%")) {
            throw new IllegalArgumentException("'" + text + "': errors are a share, in percent (e.g. errors<0.1%)");
        }
        return new Threshold(m.group(1), m.group(2), value);
    }

    /** Whether {@code actual} (in the metric's unit) meets this threshold. */
    public boolean holds(double actual) {
        return switch (op) {
            case "<" -> actual < value;
            case "<=" -> actual <= value;
            case ">" -> actual > value;
            case ">=" -> actual >= value;
            default -> actual == value;
        };
    }

    /** Whether the metric is a latency in milliseconds. */
    public boolean latency() {
        return !metric.equals("rps") && !metric.equals("errors") && !metric.equals("lost");
    }

    /** The unit the value is shown in: "ms", "/s", "%" or "". */
    public String unit() {
        return latency() ? "ms" : metric.equals("rps") ? "/s" : metric.equals("errors") ? "%" : "";
    }

    /** As a scenario would write it: {@code p99 < 50ms}. */
    @Override
    public String toString() {
        String v = value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%s", value);
        return metric + " " + op + " " + v + (metric.equals("rps") ? "" : unit());
    }
}
