package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mangonel.report.charts.Svg.Anchor;
import org.mangonel.report.charts.Svg.Text;

/**
 * Latency against achieved throughput, one color and marker shape per framework: p99 solid with
 * filled markers, p50 dashed with small ones, the levels joined in the order given (so a server
 * that carries less when pushed harder bends back). Probes of a capacity search are hollow
 * markers at their p99, an × inside when the probe missed the SLO; when a framework has only
 * probes, they are joined in order of throughput. A horizontal line marks the SLO. Throughput
 * is linear from zero; latency follows {@link Scale#latency}.
 */
public final class CurveChart {
    private static final double PLOT_HEIGHT = 300;
    private static final String SLO_DASH = "5 4";

    private CurveChart() {
    }

    /**
     * One measured point.
     *
     * @param rps   achieved successes per second
     * @param p50   ms
     * @param p99   ms
     * @param met   whether the SLO held, or null when not judged
     * @param probe a capacity search's probe (drawn hollow, not joined to the levels)
     */
    public record Point(double rps, double p50, double p99, Boolean met, boolean probe) {
    }

    /** A framework's points; {@code key} picks its color in the page's palette. */
    public record Framework(String label, String key, List<Point> points) {
        public Framework(String label, List<Point> points) {
            this(label, label, points);
        }
    }

    /**
     * @param sloMs the SLO on p99 in ms, or null/NaN for none
     * @param unit  what a success is, plural ("requests"); null for "successes"
     * @param title the chart's title, or null for "Latency against throughput"
     */
    public static String render(List<Framework> frameworks, Double sloMs, String unit, String title, Palette palette) {
        String heading = title == null || title.isBlank() ? "Latency against throughput" : title;
        String what = unit == null || unit.isBlank() ? "successes" : unit;
        boolean slo = sloMs != null && Double.isFinite(sloMs) && sloMs > 0;
        double maxRps = 0;
        double maxLatency = slo ? sloMs : 0;
        double minPositive = slo ? sloMs : Double.POSITIVE_INFINITY;
        double lowestMedian = Double.POSITIVE_INFINITY;
        boolean anyMissed = false;
        boolean anyMet = false;
        boolean anyUnjudged = false;
        boolean anyPoint = false;
        List<Framework> fws = frameworks == null ? List.of() : frameworks;
        for (Framework f : fws) {
            for (Point p : f.points() == null ? List.<Point>of() : f.points()) {
                if (!usable(p)) {
                    continue;
                }
                anyPoint = true;
                maxRps = Math.max(maxRps, p.rps());
                for (double v : new double[] {p.p50(), p.p99()}) {
                    if (Double.isFinite(v)) {
                        maxLatency = Math.max(maxLatency, v);
                        if (v > 0) {
                            minPositive = Math.min(minPositive, v);
                        }
                    }
                }
                if (Double.isFinite(p.p50()) && p.p50() > 0) {
                    lowestMedian = Math.min(lowestMedian, p.p50());
                }
                anyMissed |= p.probe() && Boolean.FALSE.equals(p.met());
                anyMet |= p.probe() && Boolean.TRUE.equals(p.met());
                anyUnjudged |= p.probe() && p.met() == null;
            }
        }
        if (!anyPoint) {
            return Svg.noData(heading, fws.isEmpty() ? null : "no measured level");
        }
        Scale x = Scale.linear(0, maxRps, 8, false);
        Scale y = Scale.latency(maxLatency, lowestMedian, minPositive, 6);

        Svg svg = new Svg();
        double left = Svg.PAD + Math.max(28, Plot.labelWidth(y)) + 10;
        double rightMargin = Math.max(18, Svg.textWidth(x.ticks.get(x.ticks.size() - 1).label(), 11) / 2 + 6);
        Plot plot = new Plot(left, 52, Svg.WIDTH - left - rightMargin, PLOT_HEIGHT);
        svg.text(Svg.PAD, 20, Anchor.START, Text.HEADING, Svg.fit(heading, 14, Svg.WIDTH - 2 * Svg.PAD), null, heading);
        svg.text(Svg.PAD, 40, Anchor.START, Text.AXIS, y.isLog() ? "latency (ms, log scale)" : "latency (ms)");
        plot.gridY(svg, y);
        plot.gridX(svg, x, true);
        plot.axes(svg);
        double sloY = slo ? plot.y(y, sloMs) : 0;
        if (slo) {
            svg.line(plot.left, sloY, plot.right(), sloY, Svg.INK, 1.2, SLO_DASH);
        }

        List<Legend.Item> legend = new ArrayList<>();
        StringBuilder aria = new StringBuilder(heading).append(". p50 and p99 latency against achieved ")
                .append(what).append(" per second");
        if (slo) {
            aria.append(", SLO p99 ").append(Fmt.plainMs(sloMs));
        }
        // lines first, all frameworks, then markers on top
        List<Runnable> markers = new ArrayList<>();
        List<List<double[]>> drawn = new ArrayList<>();
        for (Framework f : fws) {
            Palette.Style st = palette.styleOf(f.key());
            List<Point> levels = new ArrayList<>();
            List<Point> probes = new ArrayList<>();
            for (Point p : f.points() == null ? List.<Point>of() : f.points()) {
                if (usable(p)) {
                    (p.probe() ? probes : levels).add(p);
                }
            }
            legend.add(new Legend.Item(f.label() + (levels.isEmpty() && probes.isEmpty() ? " (no data)" : ""),
                    st.color(), "", st.marker(), true, false, false, null));
            aria.append("; ").append(f.label()).append(':');
            List<Point> joined = levels;
            if (levels.isEmpty() && !probes.isEmpty()) {
                joined = new ArrayList<>(probes);
                joined.sort(Comparator.comparingDouble(Point::rps));
            }
            List<double[]> p50Line = pixels(joined, plot, x, y, true);
            List<double[]> p99Line = pixels(joined, plot, x, y, false);
            svg.path(List.of(p50Line), st.color(), 1.6, "6 3.5", null);
            svg.path(List.of(p99Line), st.color(), 2.2, "", null);
            drawn.add(p50Line);
            drawn.add(p99Line);
            for (Point p : probes) {
                drawn.add(pixels(List.of(p), plot, x, y, false));
            }
            for (Point p : levels) {
                aria.append(' ').append(Fmt.sig3(p.rps())).append("/s p50 ").append(Fmt.ms(p.p50())).append(" p99 ")
                        .append(Fmt.ms(p.p99())).append(',');
                String tip = f.label() + ": " + Fmt.sig3(p.rps()) + " " + what + "/s, p50 " + Fmt.ms(p.p50())
                        + ", p99 " + Fmt.ms(p.p99());
                markers.add(() -> {
                    if (Double.isFinite(p.p50())) {
                        svg.marker(st.marker(), plot.x(x, p.rps()), plot.y(y, p.p50()), 2.6, st.color(), false, tip);
                    }
                    if (Double.isFinite(p.p99())) {
                        svg.marker(st.marker(), plot.x(x, p.rps()), plot.y(y, p.p99()), 3.8, st.color(), false, tip);
                    }
                });
            }
            for (Point p : probes) {
                boolean missed = Boolean.FALSE.equals(p.met());
                String verdict = p.met() == null ? "" : missed ? ", SLO missed" : ", SLO met";
                aria.append(" probe ").append(Fmt.sig3(p.rps())).append("/s p99 ").append(Fmt.ms(p.p99()))
                        .append(verdict.isEmpty() ? "" : verdict.substring(1)).append(',');
                String tip = f.label() + " probe: " + Fmt.sig3(p.rps()) + " " + what + "/s, p50 " + Fmt.ms(p.p50())
                        + ", p99 " + Fmt.ms(p.p99()) + verdict;
                markers.add(() -> {
                    if (Double.isFinite(p.p99())) {
                        double px = plot.x(x, p.rps());
                        double py = plot.y(y, p.p99());
                        svg.marker(st.marker(), px, py, 4.8, st.color(), true, tip);
                        if (missed) {
                            svg.cross(px, py, 4.8, st.color(), 1.5);
                        }
                    }
                });
            }
            if (aria.charAt(aria.length() - 1) == ',') {
                aria.setLength(aria.length() - 1);
            }
        }
        markers.forEach(Runnable::run);
        if (slo) {
            // on the line where no data crosses it (the key below says it in any case)
            String text = "SLO " + Fmt.plainMs(sloMs);
            double w = Svg.textWidth(text, 12) + 4;
            double[] spot = freeSpot(drawn, plot, sloY, w);
            if (spot != null) {
                svg.text(spot[0], spot[1], Anchor.START, Text.LABEL, text, null, "the SLO: p99 ≤ " + Fmt.plainMs(sloMs));
            }
        }

        double xTitle = plot.bottom() + 34;
        svg.text(plot.left + plot.width / 2, xTitle, Anchor.MIDDLE, Text.AXIS,
                "achieved throughput (" + what + "/s)");
        double legendTop = xTitle + 12;
        double legendWidth = Svg.WIDTH - plot.left - Svg.PAD;
        double lh = Legend.draw(svg, legend, plot.left, legendTop, legendWidth);
        // how to read it: line styles and probe markers
        List<Legend.Item> key = new ArrayList<>();
        key.add(new Legend.Item("p99", Svg.MUTED, "", null, true, false, false, null));
        key.add(new Legend.Item("p50", Svg.MUTED, "6 3.5", null, true, false, false, null));
        if (slo) {
            key.add(new Legend.Item("SLO: p99 ≤ " + Fmt.plainMs(sloMs), Svg.INK, SLO_DASH, null, true, false, false,
                    null));
        }
        if (anyUnjudged) {
            key.add(new Legend.Item("probe", Svg.MUTED, "", Marker.CIRCLE, false, true, false, null));
        }
        if (anyMet) {
            key.add(new Legend.Item("probe, SLO met", Svg.MUTED, "", Marker.CIRCLE, false, true, false, null));
        }
        if (anyMissed) {
            key.add(new Legend.Item("probe, SLO missed", Svg.MUTED, "", Marker.CIRCLE, false, true, true, null));
        }
        double keyTop = legendTop + lh + 6;
        svg.line(plot.left, keyTop, plot.left + legendWidth, keyTop, Svg.GRID, 1, null);
        double kh = Legend.drawFlow(svg, key, plot.left, keyTop + 4, legendWidth);
        return svg.document(keyTop + 4 + kh + 6, heading, aria.toString());
    }

    /**
     * A baseline for a label {@code w} px wide just above (or else just below) the line at
     * {@code lineY} where no drawn line or marker crosses it: the first free of several spots
     * from left to right; null when there is none.
     */
    static double[] freeSpot(List<List<double[]>> drawn, Plot plot, double lineY, double w) {
        for (int side = 0; side < 2; side++) {
            double top = side == 0 ? lineY - 17 : lineY + 3;
            if (top < plot.top || top + 14 > plot.bottom()) {
                continue;
            }
            for (int i = 0; i <= 8; i++) {
                double x0 = plot.left + 6 + i * (plot.width - 12 - w) / 8;
                if (!hits(drawn, x0 - 3, top, x0 + w + 3, top + 14)) {
                    return new double[] {x0, top + 11};
                }
            }
        }
        return null;
    }

    /** Whether any polyline (or single point, with a marker's radius) touches the rectangle. */
    static boolean hits(List<List<double[]>> lines, double x0, double y0, double x1, double y1) {
        double m = 6;
        for (List<double[]> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                double[] a = line.get(i);
                if (a[0] >= x0 - m && a[0] <= x1 + m && a[1] >= y0 - m && a[1] <= y1 + m) {
                    return true;
                }
                if (i > 0 && crosses(line.get(i - 1), a, x0, y0, x1, y1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Liang–Barsky: whether the segment a–b meets the rectangle. */
    private static boolean crosses(double[] a, double[] b, double x0, double y0, double x1, double y1) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a[0] - x0, x1 - a[0], a[1] - y0, y1 - a[1]};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean usable(Point p) {
        return p != null && Double.isFinite(p.rps()) && (Double.isFinite(p.p50()) || Double.isFinite(p.p99()));
    }

    private static List<double[]> pixels(List<Point> pts, Plot plot, Scale x, Scale y, boolean p50) {
        List<double[]> out = new ArrayList<>();
        for (Point p : pts) {
            double v = p50 ? p.p50() : p.p99();
            if (Double.isFinite(v)) {
                out.add(new double[] {plot.x(x, p.rps()), plot.y(y, v)});
            }
        }
        return out;
    }
}
