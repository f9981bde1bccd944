package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.List;
import org.mangonel.report.charts.Svg.Anchor;
import org.mangonel.report.charts.Svg.Text;

/** A plot area on a chart, and its grid, ticks and axis lines. */
final class Plot {
    /** Tick label size (px) and the least gap between two labels on an axis. */
    static final double TICK_FONT = 11;
    private static final double LABEL_GAP = 8;

    final double left;
    final double top;
    final double width;
    final double height;

    Plot(double left, double top, double width, double height) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
    }

    double right() {
        return left + width;
    }

    double bottom() {
        return top + height;
    }

    double x(Scale s, double v) {
        return s.px(v, left, right());
    }

    double y(Scale s, double v) {
        return s.px(v, bottom(), top);
    }

    /** The widest tick label of a scale, in px: what the left margin must hold. */
    static double labelWidth(Scale s) {
        double w = 0;
        for (Scale.Tick t : s.ticks) {
            w = Math.max(w, Svg.textWidth(t.label(), TICK_FONT));
        }
        return w;
    }

    /** Horizontal grid lines at the y ticks, labelled on the left. */
    void gridY(Svg svg, Scale s) {
        // a log axis in a short panel: label the decades only (if it has two), the 2s and 5s stay as grid lines
        double spacing = Double.POSITIVE_INFINITY;
        int decades = 0;
        for (int i = 0; i < s.ticks.size(); i++) {
            if (i > 0) {
                spacing = Math.min(spacing, Math.abs(y(s, s.ticks.get(i).value()) - y(s, s.ticks.get(i - 1).value())));
            }
            decades += s.isLog() && isDecade(s.ticks.get(i).value()) ? 1 : 0;
        }
        boolean decadesOnly = s.isLog() && spacing < 18 && decades >= 2;
        double lastLabelY = Double.POSITIVE_INFINITY;
        for (Scale.Tick t : s.ticks) {
            double y = y(s, t.value());
            boolean minor = t.minor() || decadesOnly && !isDecade(t.value());
            svg.line(left, y, right(), y, minor ? "#f0f1f3" : Svg.GRID, 1, null);
            if (!minor && !t.label().isEmpty() && lastLabelY - y >= TICK_FONT + 2) {
                svg.text(left - 6, y + 3.8, Anchor.END, Text.AXIS, t.label());
                lastLabelY = y;
            }
        }
    }

    private static boolean isDecade(double v) {
        double l = Math.log10(v);
        return v > 0 && Math.abs(l - Math.rint(l)) < 1e-9;
    }

    /** Vertical grid lines at the x ticks; labelled below when {@code labels}, thinned so none overlap. */
    void gridX(Svg svg, Scale s, boolean labels) {
        List<Scale.Tick> shown = thinned(s, labels);
        for (Scale.Tick t : s.ticks) {
            double x = x(s, t.value());
            svg.line(x, top, x, bottom(), t.minor() ? "#f0f1f3" : Svg.GRID, 1, null);
        }
        if (labels) {
            for (Scale.Tick t : shown) {
                svg.text(x(s, t.value()), bottom() + 15, Anchor.MIDDLE, Text.AXIS, t.label());
            }
        }
    }

    /** The labelled x ticks that fit side by side: every k-th, the smallest k that leaves no overlap. */
    List<Scale.Tick> thinned(Scale s, boolean labels) {
        List<Scale.Tick> labelled = new ArrayList<>();
        for (Scale.Tick t : s.ticks) {
            if (!t.label().isEmpty()) {
                labelled.add(t);
            }
        }
        if (!labels) {
            return labelled;
        }
        for (int every = 1; every <= Math.max(1, labelled.size()); every++) {
            List<Scale.Tick> pick = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i += every) {
                pick.add(labelled.get(i));
            }
            if (fits(s, pick)) {
                return pick;
            }
        }
        return labelled.isEmpty() ? labelled : List.of(labelled.get(0));
    }

    private boolean fits(Scale s, List<Scale.Tick> pick) {
        double lastRight = Double.NEGATIVE_INFINITY;
        for (Scale.Tick t : pick) {
            double w = Svg.textWidth(t.label(), TICK_FONT);
            double x = x(s, t.value());
            if (x - w / 2 < lastRight + LABEL_GAP) {
                return false;
            }
            lastRight = x + w / 2;
        }
        return true;
    }

    /** The left and bottom axis lines. */
    void axes(Svg svg) {
        svg.line(left, bottom(), right(), bottom(), Svg.AXIS, 1, null);
        svg.line(left, top, left, bottom(), Svg.AXIS, 1, null);
    }
}
