package org.mangonel.report.charts;

import static org.mangonel.report.charts.Svg.n;

/** Marker shapes, so series stay apart when printed in grey or seen without color. */
enum Marker {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, HEXAGON;

    /** The opening of the element (without its paint attributes or its end), centered on (x, y). */
    String element(double x, double y, double r) {
        return switch (this) {
            case CIRCLE -> "<circle cx=\"" + n(x) + "\" cy=\"" + n(y) + "\" r=\"" + n(r) + "\"";
            case SQUARE -> polygon(x, y, r * 0.9, 4, Math.PI / 4);
            case TRIANGLE -> polygon(x, y, r * 1.2, 3, -Math.PI / 2);
            case DIAMOND -> polygon(x, y, r * 1.15, 4, 0);
            case TRIANGLE_DOWN -> polygon(x, y, r * 1.2, 3, Math.PI / 2);
            case HEXAGON -> polygon(x, y, r * 1.05, 6, 0);
        };
    }

    String tag() {
        return this == CIRCLE ? "circle" : "path";
    }

    private static String polygon(double x, double y, double r, int corners, double start) {
        StringBuilder d = new StringBuilder("<path d=\"");
        for (int i = 0; i < corners; i++) {
            double a = start + i * 2 * Math.PI / corners;
            double px = x + r * Math.cos(a) * (corners == 4 && start != 0 ? Math.sqrt(2) : 1);
            double py = y + r * Math.sin(a) * (corners == 4 && start != 0 ? Math.sqrt(2) : 1);
            d.append(i == 0 ? 'M' : 'L').append(n(px)).append(' ').append(n(py));
        }
        return d.append("Z\"").toString();
    }
}
