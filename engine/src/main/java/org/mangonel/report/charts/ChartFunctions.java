package org.mangonel.report.charts;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.mangonel.results.Second;
import org.mangonel.stats.HistogramCodec;

/**
 * The charts as FreeMarker functions. Each returns the chart's {@code <svg>} as HTML markup (so
 * an HTML template prints it as is, unescaped; everything the chart writes inside is escaped
 * here). Arguments are parts of the results tree (snake_case keys) or lists of maps a template
 * builds; a map may add {@code key}, the name that picks its color (default: its label).
 *
 * <ul>
 *   <li>{@code percentileChart(series, title)}: series = [{label, histogram (HdrHistogram
 *       compressed base64, µs)}, …]</li>
 *   <li>{@code timeSeriesChart(run, title[, unit])}: run = a run map (its {@code series}: [{t,
 *       warmup, rate, errors, p50, p99, max}, …]) or that list itself; unit = what a success is,
 *       plural ("requests"; default "successes")</li>
 *   <li>{@code curveChart(frameworks, sloMs[, unit[, title]])}: frameworks = [{label, points:
 *       [{rps, p50, p99, met (boolean or absent), probe (boolean)}, …]}, …]; sloMs a number, or
 *       absent/empty for none</li>
 *   <li>{@code barChart(rows, unit, title)}: rows = [{label, value, min, max}, …], min and max
 *       optional</li>
 *   <li>{@code colorOf(label)}: the label's color ({@code #RRGGBB}), the same one its series has
 *       in every chart of the page</li>
 * </ul>
 *
 * A chart given nothing to draw (no series, empty histograms, no seconds, no values) says "no
 * data"; only a wrong number of arguments is an error. One set of functions per page: they
 * share the page's {@link Palette}.
 */
public final class ChartFunctions {
    private ChartFunctions() {
    }

    /** The functions for one page, sharing one palette. */
    public static Map<String, Object> functions() {
        return functions(new Palette());
    }

    static Map<String, Object> functions(Palette palette) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("percentileChart", chart("percentileChart", 2, 2,
                a -> percentileChart(a.get(0), text(a.get(1)), palette)));
        f.put("timeSeriesChart", chart("timeSeriesChart", 2, 3,
                a -> timeSeriesChart(a.get(0), text(a.get(1)), a.size() > 2 ? text(a.get(2)) : null)));
        f.put("curveChart", chart("curveChart", 2, 4,
                a -> curveChart(a.get(0), number(a.get(1)), a.size() > 2 ? text(a.get(2)) : null,
                        a.size() > 3 ? text(a.get(3)) : null, palette)));
        f.put("barChart", chart("barChart", 3, 3, a -> barChart(a.get(0), text(a.get(1)), text(a.get(2)), palette)));
        f.put("colorOf", (TemplateMethodModelEx) args -> {
            if (args.size() != 1) {
                throw new TemplateModelException("colorOf(label) takes 1 argument, got " + args.size());
            }
            return palette.colorOf(text(unwrap(args.get(0))));
        });
        return f;
    }

    /** The SVG as markup an HTML template prints unescaped. */
    static TemplateHTMLOutputModel markup(String svg) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(svg);
    }

    // ---- from template values to chart inputs; lenient: what is missing is drawn as missing ----

    static String percentileChart(Object seriesArg, String title, Palette palette) {
        List<PercentileChart.Series> series = new ArrayList<>();
        for (Object o : list(seriesArg)) {
            Map<?, ?> m = map(o);
            String label = label(m);
            String encoded = string(m.get("histogram"));
            Histogram h = null;
            if (encoded != null && !encoded.isBlank()) {
                try {
                    h = HistogramCodec.decode(encoded);
                } catch (RuntimeException e) {
                    // not a histogram (bad base64, truncated, not HdrHistogram's encoding): drawn as no data
                    h = null;
                }
            }
            series.add(new PercentileChart.Series(label, key(m, label), h));
        }
        return PercentileChart.render(series, title, palette);
    }

    static String timeSeriesChart(Object runArg, String title, String unit) {
        Object seriesArg = runArg instanceof Map<?, ?> m ? m.get("series") : runArg;
        List<Second> seconds = new ArrayList<>();
        for (Object o : list(seriesArg)) {
            Map<?, ?> m = map(o);
            double t = number(m.get("t"));
            if (!Double.isFinite(t)) {
                continue;
            }
            double rate = number(m.get("rate"));
            double errors = number(m.get("errors"));
            seconds.add(new Second((int) Math.floor(t), Boolean.TRUE.equals(bool(m.get("warmup"))),
                    Double.isFinite(rate) ? Math.round(rate) : 0, Double.isFinite(errors) ? Math.round(errors) : 0,
                    number(m.get("p50")), number(m.get("p99")), number(m.get("max"))));
        }
        return TimeSeriesChart.render(seconds, title, unit);
    }

    static String curveChart(Object frameworksArg, double sloMs, String unit, String title, Palette palette) {
        List<CurveChart.Framework> fws = new ArrayList<>();
        for (Object o : list(frameworksArg)) {
            Map<?, ?> m = map(o);
            String label = label(m);
            List<CurveChart.Point> points = new ArrayList<>();
            for (Object po : list(m.get("points"))) {
                Map<?, ?> p = map(po);
                points.add(new CurveChart.Point(number(p.get("rps")), number(p.get("p50")), number(p.get("p99")),
                        bool(p.get("met")), Boolean.TRUE.equals(bool(p.get("probe")))));
            }
            fws.add(new CurveChart.Framework(label, key(m, label), points));
        }
        return CurveChart.render(fws, Double.isFinite(sloMs) ? sloMs : null, unit, title, palette);
    }

    static String barChart(Object rowsArg, String unit, String title, Palette palette) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (Object o : list(rowsArg)) {
            Map<?, ?> m = map(o);
            String label = label(m);
            double min = number(m.get("min"));
            double max = number(m.get("max"));
            rows.add(new BarChart.Row(label, key(m, label), number(m.get("value")),
                    Double.isFinite(min) ? min : null, Double.isFinite(max) ? max : null));
        }
        return BarChart.render(rows, unit, title, palette);
    }

    // ---- plumbing ----

    private interface Body {
        String draw(List<Object> args);
    }

    private static TemplateMethodModelEx chart(String name, int minArgs, int maxArgs, Body body) {
        return args -> {
            if (args.size() < minArgs || args.size() > maxArgs) {
                throw new TemplateModelException(name + " takes " + (minArgs == maxArgs ? minArgs : minArgs + " to " + maxArgs)
                        + " arguments, got " + args.size());
            }
            List<Object> plain = new ArrayList<>(args.size());
            for (Object a : args) {
                plain.add(unwrap(a));
            }
            String svg;
            try {
                svg = body.draw(plain);
            } catch (RuntimeException e) {
                // a page's tables matter more than one chart: say so in its place, visibly
                svg = Svg.noData(plain.size() > 1 && plain.get(1) instanceof String t ? t : name,
                        "could not be drawn (" + e.getClass().getSimpleName() + ")");
            }
            return markup(svg);
        };
    }

    private static Object unwrap(Object a) throws TemplateModelException {
        return a instanceof TemplateModel tm ? DeepUnwrap.unwrap(tm) : a;
    }

    private static List<?> list(Object o) {
        if (o instanceof List<?> l) {
            return l;
        }
        if (o instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of();
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String label(Map<?, ?> m) {
        String s = string(m.get("label"));
        return s == null ? "" : s;
    }

    private static String key(Map<?, ?> m, String label) {
        String s = string(m.get("key"));
        return s == null || s.isEmpty() ? label : s;
    }

    private static String string(Object o) {
        return o == null ? null : o instanceof String s ? s : String.valueOf(o);
    }

    static String text(Object o) {
        return o == null ? "" : string(o);
    }

    /** A number, or NaN when missing, empty or not a number. */
    static double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static Boolean bool(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof String s) {
            return "true".equalsIgnoreCase(s) ? Boolean.TRUE : "false".equalsIgnoreCase(s) ? Boolean.FALSE : null;
        }
        return null;
    }
}
