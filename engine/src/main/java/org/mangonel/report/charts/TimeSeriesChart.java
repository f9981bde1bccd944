package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mangonel.report.charts.Svg.Anchor;
import org.mangonel.report.charts.Svg.Text;
import org.mangonel.results.Second;

/**
 * One run second by second, in panels sharing the time axis: throughput (successes completed
 * each second), errors per second in red (a panel of its own, only when there were errors, so a
 * handful is not flattened against a throughput of thousands), and p99 (solid) and p50 (dashed)
 * latency of each second's successes. Each value is drawn at the middle of its second; a missing
 * second breaks the line, and a second without successes has no latency. The warm-up seconds
 * are shaded and labelled "warm-up". The latency axis follows {@link Scale#latency}, comparing
 * the highest p99 with the median of the seconds' p50.
 */
public final class TimeSeriesChart {
    static final String RATE = "#0072B2";
    static final String ERRORS = "#D55E00";
    static final String P99 = "#0072B2";
    static final String P50 = "#009E73";
    static final String WARMUP = "#eceef2";
    private static final double PANEL_HEIGHT = 140;
    private static final double ERROR_HEIGHT = 48;
    private static final double PANEL_GAP = 30;

    private TimeSeriesChart() {
    }

    /**
     * @param seconds  the run's series, in any order
     * @param title    the chart's title
     * @param unit     what a success is, plural ("requests", "deliveries"); null for "successes"
     */
    public static String render(List<Second> seconds, String title, String unit) {
        String heading = title == null || title.isBlank() ? "Throughput and latency over time" : title;
        String what = unit == null || unit.isBlank() ? "successes" : unit;
        if (seconds == null || seconds.isEmpty()) {
            return Svg.noData(heading, "no per-second series");
        }
        List<Second> s = new ArrayList<>(seconds);
        s.sort(Comparator.comparingInt(Second::t));
        int tMin = s.get(0).t();
        int tMax = s.get(s.size() - 1).t();
        double maxRate = 0;
        double maxErrors = 0;
        double maxLatency = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        List<Double> medians = new ArrayList<>();
        Integer warmFrom = null;
        Integer warmTo = null;
        long totalErrors = 0;
        for (Second sec : s) {
            maxRate = Math.max(maxRate, sec.rate());
            maxErrors = Math.max(maxErrors, sec.errors());
            totalErrors += Math.max(0, sec.errors());
            if (sec.rate() > 0) {
                maxLatency = Math.max(maxLatency, Math.max(sec.p99(), sec.p50()));
                if (sec.p50() > 0) {
                    minPositive = Math.min(minPositive, sec.p50());
                    medians.add(sec.p50());
                }
                if (sec.p99() > 0) {
                    minPositive = Math.min(minPositive, sec.p99());
                }
            }
            if (sec.warmup()) {
                warmFrom = warmFrom == null ? sec.t() : Math.min(warmFrom, sec.t());
                warmTo = warmTo == null ? sec.t() + 1 : Math.max(warmTo, sec.t() + 1);
            }
        }
        medians.sort(Double::compare);
        double median = medians.isEmpty() ? Double.NaN : medians.get(medians.size() / 2);

        Scale x = Scale.tight(tMin, tMax + 1, 10, true);
        Scale rate = Scale.linear(0, maxRate, 4, true);
        Scale errors = Scale.linear(0, maxErrors, 2, true);
        Scale latency = Scale.latency(maxLatency, median, minPositive, 4);
        boolean showErrors = totalErrors > 0;

        double labelW = Math.max(Plot.labelWidth(rate), Plot.labelWidth(latency));
        if (showErrors) {
            labelW = Math.max(labelW, Plot.labelWidth(errors));
        }
        double left = Svg.PAD + Math.max(28, labelW) + 10;
        double width = Svg.WIDTH - left - 18;
        Svg svg = new Svg();
        svg.text(Svg.PAD, 20, Anchor.START, Text.HEADING, Svg.fit(heading, 14, Svg.WIDTH - 2 * Svg.PAD), null, heading);

        double top = 52;
        Plot a = new Plot(left, top, width, PANEL_HEIGHT);
        Plot e = showErrors ? new Plot(left, a.bottom() + PANEL_GAP, width, ERROR_HEIGHT) : null;
        Plot b = new Plot(left, (e != null ? e.bottom() : a.bottom()) + PANEL_GAP, width, PANEL_HEIGHT);
        List<Plot> panels = e != null ? List.of(a, e, b) : List.of(a, b);

        for (Plot p : panels) {
            if (warmFrom != null) {
                svg.rect(p.x(x, warmFrom), p.top, p.x(x, warmTo) - p.x(x, warmFrom), p.height, WARMUP, null);
            }
            p.gridX(svg, x, p == b);
        }

        // throughput
        svg.text(Svg.PAD, a.top - 10, Anchor.START, Text.AXIS, what + " per second");
        a.gridY(svg, rate);
        for (List<double[]> seg : segments(s, x, a, rate, Value.RATE)) {
            List<double[]> outline = new ArrayList<>(seg);
            outline.add(new double[] {seg.get(seg.size() - 1)[0], a.bottom()});
            outline.add(new double[] {seg.get(0)[0], a.bottom()});
            svg.area(outline, RATE, 0.12);
        }
        drawLine(svg, segments(s, x, a, rate, Value.RATE), RATE, 1.8, "");
        if (warmFrom != null) {
            double x0 = a.x(x, warmFrom);
            double x1 = a.x(x, warmTo);
            double tw = Svg.textWidth("warm-up", 11);
            svg.text(x1 - x0 >= tw + 8 ? (x0 + x1) / 2 : x0 + 3, a.top + 14,
                    x1 - x0 >= tw + 8 ? Anchor.MIDDLE : Anchor.START, Text.AXIS, "warm-up", null,
                    "warm-up: " + (warmTo - warmFrom) + " s, not part of the figures");
        }
        a.axes(svg);

        // errors
        if (e != null) {
            svg.text(Svg.PAD, e.top - 10, Anchor.START, Text.AXIS,
                    "errors per second (" + Fmt.grouped(totalErrors, 0) + " in all)", ERRORS, null);
            e.gridY(svg, errors);
            for (Second sec : s) {
                if (sec.errors() <= 0) {
                    continue;
                }
                double x0 = e.x(x, sec.t());
                double x1 = e.x(x, sec.t() + 1);
                double gap = x1 - x0 > 3 ? 0.6 : 0;
                double y = e.y(errors, sec.errors());
                svg.rect(x0 + gap / 2, y, Math.max(1, x1 - x0 - gap), e.bottom() - y, ERRORS, null,
                        "t = " + sec.t() + " s: " + Fmt.grouped(sec.errors(), 0) + " errors");
            }
            e.axes(svg);
        }

        // latency
        svg.text(Svg.PAD, b.top - 10, Anchor.START, Text.AXIS,
                latency.isLog() ? "latency (ms, log scale)" : "latency (ms)");
        key(svg, b.right(), b.top - 14);
        b.gridY(svg, latency);
        drawLine(svg, segments(s, x, b, latency, Value.P50), P50, 1.6, "6 3");
        drawLine(svg, segments(s, x, b, latency, Value.P99), P99, 1.8, "");
        b.axes(svg);

        svg.text(b.left + b.width / 2, b.bottom() + 34, Anchor.MIDDLE, Text.AXIS,
                "time (s), 0 = start of the measured window");
        String aria = heading + ". " + what + " per second and p50/p99 latency per second over " + s.size()
                + " seconds" + (warmFrom != null ? ", of which " + (warmTo - warmFrom) + " warm-up" : "")
                + "; peak " + Fmt.sig3(maxRate) + " " + what + "/s; highest p99 " + Fmt.ms(maxLatency)
                + (showErrors ? "; " + Fmt.grouped(totalErrors, 0) + " errors" : "; no errors");
        return svg.document(b.bottom() + 44, heading, aria);
    }

    /** The latency panel's key, right-aligned with its baseline at y. */
    private static void key(Svg svg, double right, double y) {
        double w50 = Svg.textWidth("p50", 12);
        double x = right - w50;
        svg.text(x, y + 4, Anchor.START, Text.LABEL, "p50");
        svg.line(x - 32, y, x - 6, y, P50, 1.8, "6 3");
        double w99 = Svg.textWidth("p99", 12);
        x = x - 32 - 18 - w99;
        svg.text(x, y + 4, Anchor.START, Text.LABEL, "p99");
        svg.line(x - 32, y, x - 6, y, P99, 2, "");
    }

    private static void drawLine(Svg svg, List<List<double[]>> segs, String color, double width, String dash) {
        svg.path(segs, color, width, dash, null);
        for (List<double[]> seg : segs) {
            if (seg.size() == 1) {
                svg.raw("<circle cx=\"" + Svg.n(seg.get(0)[0]) + "\" cy=\"" + Svg.n(seg.get(0)[1]) + "\" r=\"2.5\" fill=\""
                        + color + "\"/>\n");
            }
        }
    }

    private enum Value { RATE, P50, P99 }

    /** The points of one value, broken where a second is missing (or, for latency, has no successes). */
    private static List<List<double[]>> segments(List<Second> s, Scale x, Plot p, Scale y, Value v) {
        List<List<double[]>> out = new ArrayList<>();
        List<double[]> cur = null;
        Integer prevT = null;
        for (Second sec : s) {
            boolean has = v == Value.RATE || sec.rate() > 0;
            double value = switch (v) {
                case RATE -> sec.rate();
                case P50 -> sec.p50();
                case P99 -> sec.p99();
            };
            if (!has || !Double.isFinite(value) || (prevT != null && sec.t() != prevT + 1)) {
                cur = null;
            }
            if (has && Double.isFinite(value)) {
                if (cur == null) {
                    cur = new ArrayList<>();
                    out.add(cur);
                }
                cur.add(new double[] {p.x(x, sec.t() + 0.5), p.y(y, value)});
            }
            prevT = sec.t();
        }
        return out;
    }
}
