package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.mangonel.report.charts.Svg.Anchor;
import org.mangonel.report.charts.Svg.Text;

/**
 * Latency by percentile, one line per series, as HdrHistogram's plotter draws it: the x axis is
 * the percentile on a log scale of 1/(1 − p), so 0%, 90%, 99%, 99.9%, 99.99% are equally spaced
 * and the tail gets as much room as the body; the points are HdrHistogram's own percentile
 * iteration (5 ticks per half distance). The axis always reaches 99.99% (so charts of a page line
 * up) and goes further, one nine at a time, when the data do. Markers sit on each line at 50%,
 * 90%, 99% … (each with its value as a tooltip). The latency axis follows {@link Scale#latency}.
 */
public final class PercentileChart {
    /** HdrHistogram's plotter's resolution: percentile points per halving of the remaining distance. */
    static final int TICKS_PER_HALF_DISTANCE = 5;
    /** The percentile axis reaches at least this many nines (99.99%), at most {@link #MAX_NINES}. */
    static final int MIN_NINES = 4;
    static final int MAX_NINES = 7;
    private static final double PLOT_HEIGHT = 300;

    private PercentileChart() {
    }

    /**
     * One line.
     *
     * @param label     shown in the legend
     * @param key       what picks its color in the page's palette (usually the framework's title)
     * @param histogram values in microseconds, or null when there is none
     */
    public record Series(String label, String key, Histogram histogram) {
        public Series(String label, Histogram histogram) {
            this(label, label, histogram);
        }
    }

    private record Line(Series series, Palette.Style style, List<double[]> points, double lastPercentile) {
    }

    public static String render(List<Series> series, String title, Palette palette) {
        String heading = title == null || title.isBlank() ? "Latency by percentile" : title;
        List<Line> lines = new ArrayList<>();
        List<Legend.Item> legend = new ArrayList<>();
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        double lowestMedian = Double.POSITIVE_INFINITY;
        double maxNinesReached = 0;
        StringBuilder aria = new StringBuilder(heading).append(". Latency by percentile");
        for (Series s : series == null ? List.<Series>of() : series) {
            Palette.Style st = palette.styleOf(s.key());
            Histogram h = s.histogram();
            if (h == null || h.getTotalCount() == 0) {
                legend.add(Legend.Item.series(s.label() + " (no data)", st, true));
                aria.append("; ").append(s.label()).append(": no data");
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            double last = 0;
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) {
                    continue;
                }
                double ms = v.getValueIteratedTo() / 1000.0;
                pts.add(new double[] {p, ms});
                last = Math.max(last, p);
                max = Math.max(max, ms);
                if (ms > 0) {
                    minPositive = Math.min(minPositive, ms);
                }
            }
            if (pts.isEmpty()) {
                // one distinct value only: the iteration goes straight to 100%
                double ms = h.getMaxValue() / 1000.0;
                pts.add(new double[] {0, ms});
                max = Math.max(max, ms);
                if (ms > 0) {
                    minPositive = Math.min(minPositive, ms);
                }
            }
            double median = h.getValueAtPercentile(50) / 1000.0;
            if (median > 0) {
                lowestMedian = Math.min(lowestMedian, median);
            }
            maxNinesReached = Math.max(maxNinesReached, Scale.ninesOf(last));
            lines.add(new Line(s, st, pts, last));
            legend.add(new Legend.Item(s.label(), st.color(), st.dash(), st.marker(), true, false, false,
                    s.label() + ": " + summary(h)));
            aria.append("; ").append(s.label()).append(": ").append(summary(h));
        }
        if (lines.isEmpty()) {
            return Svg.noData(heading, series == null || series.isEmpty() ? null : "no samples recorded");
        }
        int nines = Math.max(MIN_NINES, Math.min(MAX_NINES, (int) Math.ceil(maxNinesReached - 1e-6)));
        Scale x = Scale.nines(nines);
        Scale y = Scale.latency(max, lowestMedian, minPositive, 6);

        Svg svg = new Svg();
        double left = Svg.PAD + Math.max(28, Plot.labelWidth(y)) + 10;
        double rightMargin = Svg.textWidth(Scale.ninesLabel(nines), Plot.TICK_FONT) / 2 + 6;
        Plot plot = new Plot(left, 52, Svg.WIDTH - left - rightMargin, PLOT_HEIGHT);
        svg.text(Svg.PAD, 20, Anchor.START, Text.HEADING, Svg.fit(heading, 14, Svg.WIDTH - 2 * Svg.PAD), null,
                heading);
        svg.text(Svg.PAD, 40, Anchor.START, Text.AXIS, y.isLog() ? "latency (ms, log scale)" : "latency (ms)");
        plot.gridY(svg, y);
        plot.gridX(svg, x, true);
        plot.axes(svg);
        for (Line line : lines) {
            List<double[]> px = new ArrayList<>(line.points().size());
            for (double[] p : line.points()) {
                px.add(new double[] {plot.x(x, p[0]), plot.y(y, p[1])});
            }
            svg.path(List.of(px), line.style().color(), 2, line.style().dash(), null);
        }
        for (Line line : lines) {
            Histogram h = line.series().histogram();
            List<Double> marks = new ArrayList<>(List.of(50.0));
            for (int k = 1; k <= nines; k++) {
                marks.add(Scale.percentOfNines(k));
            }
            boolean single = line.points().size() == 1;
            for (double p : single ? List.of(0.0) : marks) {
                if (p > line.lastPercentile() + 1e-9 && !single) {
                    break;
                }
                double ms = single ? line.points().get(0)[1] : h.getValueAtPercentile(p) / 1000.0;
                String name = p == 0 ? "all" : "p" + trim(p);
                svg.marker(line.style().marker(), plot.x(x, p), plot.y(y, ms), 3.4, line.style().color(), false,
                        line.series().label() + ": " + name + " = " + Fmt.ms(ms));
            }
        }
        double xTitle = plot.bottom() + 34;
        svg.text(plot.left + plot.width / 2, xTitle, Anchor.MIDDLE, Text.AXIS,
                "percentile (log scale of 1/(1−p): each step right is one more nine)");
        double legendTop = xTitle + 12;
        double lh = Legend.draw(svg, legend, plot.left, legendTop, Svg.WIDTH - plot.left - Svg.PAD);
        return svg.document(legendTop + lh + 6, heading, aria.toString());
    }

    private static String summary(Histogram h) {
        return "p50 " + Fmt.ms(h.getValueAtPercentile(50) / 1000.0) + ", p99 " + Fmt.ms(h.getValueAtPercentile(99) / 1000.0)
                + ", p99.9 " + Fmt.ms(h.getValueAtPercentile(99.9) / 1000.0) + ", max " + Fmt.ms(h.getMaxValue() / 1000.0)
                + " (" + Fmt.grouped(h.getTotalCount(), 0) + " samples)";
    }

    /** 99.9 → "99.9", 50.0 → "50". */
    private static String trim(double p) {
        String s = String.format(java.util.Locale.ROOT, "%.6f", p).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
