package org.mangonel.report.charts;

import java.util.List;
import org.mangonel.report.charts.Svg.Anchor;
import org.mangonel.report.charts.Svg.Text;

/**
 * A legend laid out in equal columns, row by row, outside (below) the plot: each entry a short
 * line sample in its color and dash with its marker, then its label.
 */
final class Legend {
    private static final double FONT = 12;
    private static final double SAMPLE = 28;
    private static final double ROW = 20;
    private static final double COLUMN_GAP = 22;

    private Legend() {
    }

    /**
     * One entry.
     *
     * @param line    draw a line sample (else only the marker, or a patch when marker is null)
     * @param hollow  a hollow marker; {@code cross} adds an × in it
     * @param tooltip a {@code <title>} for the label, or null
     */
    record Item(String label, String color, String dash, Marker marker, boolean line, boolean hollow, boolean cross,
                String tooltip) {
        static Item series(String label, Palette.Style st, boolean dashed) {
            return new Item(label, st.color(), dashed ? st.dash() : "", st.marker(), true, false, false, null);
        }
    }

    private static double columnWidth(List<Item> items, double width) {
        double w = 0;
        for (Item it : items) {
            w = Math.max(w, SAMPLE + 6 + Svg.textWidth(it.label(), FONT) + COLUMN_GAP);
        }
        return Math.min(w, width);
    }

    private static int columns(List<Item> items, double width) {
        return Math.max(1, Math.min(items.size(), (int) Math.floor((width + COLUMN_GAP) / columnWidth(items, width))));
    }

    /** The height the legend takes in {@code width} px. */
    static double height(List<Item> items, double width) {
        if (items.isEmpty()) {
            return 0;
        }
        int cols = columns(items, width);
        return Math.ceil(items.size() / (double) cols) * ROW;
    }

    /** Draws the entries one after the other, each as wide as it needs, wrapping; returns the height. */
    static double drawFlow(Svg svg, List<Item> items, double left, double top, double width) {
        double x = left;
        double y = top;
        for (Item it : items) {
            double w = SAMPLE + 6 + Svg.textWidth(it.label(), FONT);
            if (x > left && x + w > left + width) {
                x = left;
                y += ROW;
            }
            drawItem(svg, it, x, y + 10, it.label(), it.tooltip());
            x += w + COLUMN_GAP;
        }
        return items.isEmpty() ? 0 : y - top + ROW;
    }

    /** Draws it with its first row's text baseline at {@code top + 14}; returns its height. */
    static double draw(Svg svg, List<Item> items, double left, double top, double width) {
        if (items.isEmpty()) {
            return 0;
        }
        int cols = columns(items, width);
        double colW = cols == 1 ? width : columnWidth(items, width);
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            double x = left + (i % cols) * colW;
            double y = top + (i / cols) * ROW + 10;
            String label = Svg.fit(it.label(), FONT, colW - SAMPLE - 6 - (cols == 1 ? 0 : COLUMN_GAP));
            String tooltip = it.tooltip() != null ? it.tooltip() : label.equals(it.label()) ? null : it.label();
            drawItem(svg, it, x, y, label, tooltip);
        }
        return height(items, width);
    }

    /** One entry, its sample's middle at (x + SAMPLE/2, y). */
    private static void drawItem(Svg svg, Item it, double x, double y, String label, String tooltip) {
        if (it.line()) {
            svg.line(x, y, x + SAMPLE, y, it.color(), 2.2, it.dash());
        } else if (it.marker() == null) {
            svg.rect(x + 6, y - 6, SAMPLE - 12, 12, it.color(), "rx=\"1.5\"");
        }
        if (it.marker() != null) {
            svg.marker(it.marker(), x + SAMPLE / 2, y, it.hollow() ? 4.5 : 3.5, it.color(), it.hollow(), null);
            if (it.cross()) {
                svg.cross(x + SAMPLE / 2, y, 4.5, it.color(), 1.4);
            }
        }
        svg.text(x + SAMPLE + 6, y + 4, Anchor.START, Text.LABEL, label, null, tooltip);
    }
}
