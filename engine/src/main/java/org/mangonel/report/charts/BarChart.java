package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.mangonel.report.charts.Svg.Anchor;
import org.mangonel.report.charts.Svg.Text;

/**
 * Horizontal bars in the order given, each in its framework's color, with a min–max whisker
 * across the repetitions when both ends are known, and its value written after it (three
 * significant digits, grouped: "107,797 req/s", "2.24 ms"). The axis starts at zero and is
 * labelled with the unit.
 */
public final class BarChart {
    private static final double ROW = 28;
    private static final double BAR = 18;
    private static final double LABEL_FONT = 12;
    private static final double MAX_LABEL_WIDTH = 210;

    private BarChart() {
    }

    /**
     * One bar.
     *
     * @param key what picks its color in the page's palette (usually the label)
     * @param min the lowest over the repetitions, or null
     * @param max the highest over the repetitions, or null
     */
    public record Row(String label, String key, double value, Double min, Double max) {
        public Row(String label, double value, Double min, Double max) {
            this(label, label, value, min, max);
        }

        boolean whisker() {
            return min != null && max != null && Double.isFinite(min) && Double.isFinite(max);
        }
    }

    /** A value as its bar is labelled: "107,797 req/s", "2.24 ms". */
    static String valueLabel(double v, String unit) {
        String u = unit == null || unit.isBlank() ? "" : " " + unit.strip();
        return Double.isFinite(v) ? Fmt.sig3(v) + u : "–";
    }

    public static String render(List<Row> rows, String unit, String title, Palette palette) {
        String heading = title == null || title.isBlank() ? (unit == null || unit.isBlank() ? "Comparison" : unit) : title;
        List<Row> rs = rows == null ? List.of() : rows;
        double lo = 0;
        double hi = 0;
        boolean any = false;
        double labelW = 0;
        double valueW = 0;
        for (Row r : rs) {
            labelW = Math.max(labelW, Svg.textWidth(r.label(), LABEL_FONT));
            valueW = Math.max(valueW, Svg.textWidth(valueLabel(r.value(), unit), LABEL_FONT));
            if (Double.isFinite(r.value())) {
                any = true;
                lo = Math.min(lo, r.value());
                hi = Math.max(hi, r.value());
            }
            if (r.whisker()) {
                lo = Math.min(lo, Math.min(r.min(), r.max()));
                hi = Math.max(hi, Math.max(r.min(), r.max()));
            }
        }
        if (!any) {
            return Svg.noData(heading, rs.isEmpty() ? null : "no values");
        }
        labelW = Math.min(labelW, MAX_LABEL_WIDTH);
        Scale x = Scale.linear(lo, hi, 6, false);
        double left = Svg.PAD + labelW + 12;
        double right = Svg.WIDTH - Svg.PAD - valueW - 10;
        Plot plot = new Plot(left, 36, right - left, rs.size() * ROW + 6);

        Svg svg = new Svg();
        svg.text(Svg.PAD, 20, Anchor.START, Text.HEADING, Svg.fit(heading, 14, Svg.WIDTH - 2 * Svg.PAD), null, heading);
        plot.gridX(svg, x, true);
        StringBuilder aria = new StringBuilder(heading).append(':');
        double zero = plot.x(x, 0);
        for (int i = 0; i < rs.size(); i++) {
            Row r = rs.get(i);
            double yc = plot.top + 3 + i * ROW + ROW / 2;
            String label = Svg.fit(r.label(), LABEL_FONT, labelW);
            String value = valueLabel(r.value(), unit);
            String range = r.whisker()
                    ? " (" + Fmt.sig3(Math.min(r.min(), r.max())) + " to " + Fmt.sig3(Math.max(r.min(), r.max()))
                    + " over the repetitions)"
                    : "";
            String tip = r.label() + ": " + value + range;
            aria.append(' ').append(r.label()).append(' ').append(value).append(range).append(';');
            svg.text(left - 8, yc + 4, Anchor.END, Text.LABEL, label, null, label.equals(r.label()) ? null : r.label());
            double end = zero;
            if (Double.isFinite(r.value())) {
                double xv = plot.x(x, r.value());
                svg.rect(Math.min(zero, xv), yc - BAR / 2, Math.abs(xv - zero), BAR, palette.colorOf(r.key()),
                        "rx=\"2\"", tip);
                end = Math.max(end, xv);
            }
            if (r.whisker()) {
                double x0 = plot.x(x, Math.min(r.min(), r.max()));
                double x1 = plot.x(x, Math.max(r.min(), r.max()));
                // a white halo under the whisker keeps it visible on any bar color
                for (int pass = 0; pass < 2; pass++) {
                    String color = pass == 0 ? "#fff" : Svg.INK;
                    double w = pass == 0 ? 3.6 : 1.4;
                    svg.line(x0, yc, x1, yc, color, w, null);
                    svg.line(x0, yc - 6, x0, yc + 6, color, w, null);
                    svg.line(x1, yc - 6, x1, yc + 6, color, w, null);
                }
                end = Math.max(end, x1);
            }
            svg.text(end + 6, yc + 4, Anchor.START, Text.LABEL, value, null, tip);
        }
        aria.setLength(aria.length() - 1);
        svg.line(zero, plot.top, zero, plot.bottom(), Svg.AXIS, 1, null);
        svg.line(plot.left, plot.bottom(), plot.right(), plot.bottom(), Svg.AXIS, 1, null);
        double height = plot.bottom() + 24;
        if (unit != null && !unit.isBlank()) {
            svg.text(plot.left + plot.width / 2, plot.bottom() + 32, Anchor.MIDDLE, Text.AXIS, unit.strip());
            height = plot.bottom() + 42;
        }
        if (rs.stream().anyMatch(Row::whisker)) {
            svg.text(plot.right(), height + 8, Anchor.END, Text.AXIS, "whiskers: lowest to highest over the repetitions");
            height += 16;
            aria.append(". Whiskers: lowest to highest over the repetitions");
        }
        return svg.document(height, heading, aria.toString());
    }
}
