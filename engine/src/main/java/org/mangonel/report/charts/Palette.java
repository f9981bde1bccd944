package org.mangonel.report.charts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One color, marker shape and dash pattern per framework, the same on every chart of a page: the
 * first label asked for gets the first style, the next new label the next, and so on (in the
 * order the page draws them, so a re-render gives the same colors). Colors are Okabe and Ito's
 * palette for color-vision deficiencies (its yellow last, darkened to be seen on white; its black a dark grey), each
 * with its own marker shape and, for lines, dash pattern, so a greyscale print still tells
 * series apart. Past eight frameworks the colors repeat with another shape and dash.
 * Not thread-safe: one per page.
 */
public final class Palette {
    static final String[] COLORS = {
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#4D4D4D", // black, softened to dark grey so a bar or line is not mistaken for an axis
        "#C7B500", // yellow (#F0E442), darkened to stand on white
    };
    static final String[] DASHES = {"", "8 3", "2 2.5", "9 3 2 3"};
    static final Marker[] MARKERS = Marker.values();

    private final Map<String, Integer> index = new LinkedHashMap<>();

    /** How one series is drawn. */
    record Style(String color, String dash, Marker marker) {
    }

    /** The index of a label: its position among the labels seen so far, assigned on first sight. */
    public int indexOf(String label) {
        return index.computeIfAbsent(label == null ? "" : label, k -> index.size());
    }

    /** The label's color, {@code #RRGGBB}. */
    public String colorOf(String label) {
        return style(indexOf(label)).color();
    }

    Style styleOf(String label) {
        return style(indexOf(label));
    }

    static Style style(int i) {
        int k = Math.max(0, i);
        // dash and shape vary with the series, and differ again when colors repeat (k >= 8)
        return new Style(COLORS[k % COLORS.length], DASHES[(k + k / COLORS.length) % DASHES.length],
                MARKERS[(k + k / COLORS.length) % MARKERS.length]);
    }
}
