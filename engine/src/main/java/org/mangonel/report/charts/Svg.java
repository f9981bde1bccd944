package org.mangonel.report.charts;

import java.util.List;

/**
 * An SVG document being written: primitives with coordinates rounded to 0.1 px (so the output is
 * byte-stable) and every text XML-escaped. Not a general SVG library: just what the charts draw.
 */
final class Svg {
    /** The width every chart is laid out for (px); the viewBox scales it with the page. */
    static final double WIDTH = 760;
    /** Body text color, secondary text color, grid and axis line colors. */
    static final String INK = "#1d2127";
    static final String MUTED = "#5b6270";
    static final String GRID = "#e3e6ea";
    static final String AXIS = "#8a909a";
    /** The space left of a chart's title and right of its plot. */
    static final double PAD = 4;

    /**
     * Scoped to the chart's class so it wins over a page's {@code svg text} rule (more specific)
     * without touching anything else on the page. Sizes in px, the font family inherited.
     */
    private static final String STYLE = ".mgc text{font-family:inherit;font-size:11px;fill:" + MUTED
            + ";font-variant-numeric:tabular-nums}"
            + ".mgc .mgc-h{font-size:14px;font-weight:600;fill:" + INK + "}"
            + ".mgc .mgc-l{font-size:12px;fill:" + INK + "}"
            + ".mgc .mgc-a{font-size:11px;fill:" + MUTED + "}"
            + ".mgc .mgc-n{font-size:14px;fill:" + MUTED + "}";

    private final StringBuilder b = new StringBuilder(16_384);

    /** Text classes: heading, label (legend, bar names, values), axis text, "no data". */
    enum Text {
        HEADING("mgc-h"), LABEL("mgc-l"), AXIS("mgc-a"), NOTE("mgc-n");

        final String cls;

        Text(String cls) {
            this.cls = cls;
        }
    }

    enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        final String value;

        Anchor(String value) {
            this.value = value;
        }
    }

    /** A complete standalone {@code <svg>} element around what was drawn. */
    String document(double height, String title, String ariaLabel) {
        StringBuilder d = new StringBuilder(b.length() + 1024);
        d.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mgc\" viewBox=\"0 0 ").append(n(WIDTH)).append(' ')
                .append(n(height)).append("\" width=\"").append(n(WIDTH)).append("\" height=\"").append(n(height))
                .append("\" role=\"img\" aria-label=\"").append(esc(ariaLabel))
                .append("\" style=\"max-width:100%;height:auto;font-family:inherit\">\n");
        d.append("<title>").append(esc(title)).append("</title>\n");
        d.append("<style>").append(STYLE).append("</style>\n");
        d.append(b);
        d.append("</svg>");
        return d.toString();
    }

    /**
     * The chart to show when there is nothing to draw: its title and "no data", same size class
     * as a real chart so the page does not jump.
     */
    static String noData(String title, String why) {
        Svg svg = new Svg();
        String heading = title == null || title.isBlank() ? "Chart" : title;
        svg.text(PAD, 20, Anchor.START, Text.HEADING, Svg.fit(heading, 14, WIDTH - 2 * PAD));
        svg.rect(PAD, 32, WIDTH - 2 * PAD, 80, "#f7f8fa", "stroke=\"" + GRID + "\" rx=\"3\"");
        svg.text(WIDTH / 2, 77, Anchor.MIDDLE, Text.NOTE, why == null ? "no data" : "no data: " + why);
        return svg.document(120, heading, heading + ": no data");
    }

    Svg raw(String markup) {
        b.append(markup);
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        dash(dash);
        b.append("/>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        if (extra != null && !extra.isEmpty()) {
            b.append(' ').append(extra);
        }
        b.append("/>\n");
        return this;
    }

    /** A rect with a tooltip: a data mark (class {@value #DATA}). */
    Svg rect(double x, double y, double w, double h, String fill, String extra, String tooltip) {
        b.append("<rect class=\"" + DATA + "\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        if (extra != null && !extra.isEmpty()) {
            b.append(' ').append(extra);
        }
        b.append("><title>").append(esc(tooltip)).append("</title></rect>\n");
        return this;
    }

    /**
     * The class of every mark that draws data (a series' line, a point with its tooltip, a bar),
     * so a test in a browser can count what a chart drew.
     */
    static final String DATA = "mgc-d";

    /** A polyline per segment (a gap in the data breaks the line), as one path: a data mark. */
    Svg path(List<List<double[]>> segments, String stroke, double width, String dash, String extra) {
        StringBuilder d = new StringBuilder();
        for (List<double[]> seg : segments) {
            String prev = null;
            for (int i = 0; i < seg.size(); i++) {
                String xy = n(seg.get(i)[0]) + ' ' + n(seg.get(i)[1]);
                if (xy.equals(prev)) {
                    continue;
                }
                d.append(prev == null ? "M" : "L").append(xy);
                prev = xy;
            }
        }
        if (d.length() == 0) {
            return this;
        }
        b.append("<path class=\"" + DATA + "\" d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(width)).append("\" stroke-linejoin=\"round\" stroke-linecap=\"butt\"");
        dash(dash);
        if (extra != null && !extra.isEmpty()) {
            b.append(' ').append(extra);
        }
        b.append("/>\n");
        return this;
    }

    /** A closed filled area: a path given by its outline points. */
    Svg area(List<double[]> outline, String fill, double opacity) {
        if (outline.size() < 3) {
            return this;
        }
        StringBuilder d = new StringBuilder();
        String prev = null;
        for (double[] p : outline) {
            String xy = n(p[0]) + ' ' + n(p[1]);
            if (xy.equals(prev)) {
                continue;
            }
            d.append(prev == null ? "M" : "L").append(xy);
            prev = xy;
        }
        b.append("<path d=\"").append(d).append("Z\" fill=\"").append(fill).append("\" fill-opacity=\"")
                .append(n2(opacity)).append("\" stroke=\"none\"/>\n");
        return this;
    }

    Svg text(double x, double y, Anchor anchor, Text cls, String content) {
        return text(x, y, anchor, cls, content, null, null);
    }

    /**
     * A text. {@code fill} (a color, or null) is set as an inline style, which beats any page rule;
     * {@code tooltip} (or null) becomes a {@code <title>}.
     */
    Svg text(double x, double y, Anchor anchor, Text cls, String content, String fill, String tooltip) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (anchor != Anchor.START) {
            b.append(" text-anchor=\"").append(anchor.value).append('"');
        }
        b.append(" class=\"").append(cls.cls).append('"');
        if (fill != null) {
            b.append(" style=\"fill:").append(fill).append('"');
        }
        b.append('>');
        if (tooltip != null) {
            b.append("<title>").append(esc(tooltip)).append("</title>");
        }
        b.append(esc(content)).append("</text>\n");
        return this;
    }

    /** A marker centered on (x, y): filled with its color, or hollow (white inside). */
    Svg marker(Marker shape, double x, double y, double r, String color, boolean hollow, String tooltip) {
        String fill = hollow ? "#fff" : color;
        String stroke = hollow ? color : "#fff";
        double sw = hollow ? 1.6 : 0.8;
        b.append(shape.element(x, y, r)).append(" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(sw)).append('"');
        if (tooltip != null) {
            // a point of the data (the legend's samples have no tooltip)
            b.append(" class=\"" + DATA + "\"><title>").append(esc(tooltip)).append("</title></").append(shape.tag())
                    .append(">\n");
        } else {
            b.append("/>\n");
        }
        return this;
    }

    /** An × centered on (x, y). */
    Svg cross(double x, double y, double r, String color, double width) {
        double d = r * 0.62;
        b.append("<path d=\"M").append(n(x - d)).append(' ').append(n(y - d)).append('L').append(n(x + d)).append(' ')
                .append(n(y + d)).append('M').append(n(x - d)).append(' ').append(n(y + d)).append('L').append(n(x + d))
                .append(' ').append(n(y - d)).append("\" stroke=\"").append(color).append("\" stroke-width=\"")
                .append(n(width)).append("\" fill=\"none\"/>\n");
        return this;
    }

    private void dash(String dash) {
        if (dash != null && !dash.isEmpty()) {
            b.append(" stroke-dasharray=\"").append(dash).append('"');
        }
    }

    /** A coordinate: rounded to 0.1, no trailing zero, never "-0". */
    static String n(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        long r = Math.round(v * 10);
        if (r == 0) {
            return "0";
        }
        String sign = r < 0 ? "-" : "";
        long a = Math.abs(r);
        return a % 10 == 0 ? sign + (a / 10) : sign + (a / 10) + "." + (a % 10);
    }

    /** A value in [0, 1] with two decimals (opacities). */
    static String n2(double v) {
        long r = Math.round(Math.max(0, Math.min(1, v)) * 100);
        return r == 100 ? "1" : r % 10 == 0 ? "0." + (r / 10) : r < 10 ? "0.0" + r : "0." + r;
    }

    /**
     * XML-escapes a text for an element or an attribute; characters XML 1.0 cannot carry
     * (controls other than tab and newline, lone surrogates) become spaces.
     */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append(' ');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** An estimate of a text's width in px (no font metrics here: a generous average glyph). */
    static double textWidth(String s, double fontPx) {
        if (s == null) {
            return 0;
        }
        double em = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            if ("il.,:;'|!1 ()[]".indexOf(c) >= 0) {
                em += 0.36;
            } else if (Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '%' || c == '—') {
                em += 0.78;
            } else if (Character.isDigit(c)) {
                em += 0.58;
            } else {
                em += 0.56;
            }
        }
        return em * fontPx;
    }

    /** The text cut (with an ellipsis) to fit in {@code maxPx}. */
    static String fit(String s, double fontPx, double maxPx) {
        if (s == null) {
            return "";
        }
        if (textWidth(s, fontPx) <= maxPx) {
            return s;
        }
        int[] cps = s.codePoints().toArray();
        for (int n = cps.length - 1; n > 0; n--) {
            String cut = new String(cps, 0, n).stripTrailing() + "…";
            if (textWidth(cut, fontPx) <= maxPx) {
                return cut;
            }
        }
        return "…";
    }
}
