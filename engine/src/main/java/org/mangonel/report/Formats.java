package org.mangonel.report;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mangonel.report.charts.ChartFunctions;

/**
 * Number formatting for humans, offered to templates as functions:
 * {@code ms(x)} (a latency in milliseconds: "0.104 ms", "12.3 ms", "1.25 s"), {@code num(x)}
 * ("75,176"), {@code num(x, 1)} ("75,176.2"), {@code bytes(x)} ("45.2 MiB"), {@code pct(x)}
 * ("98%"), {@code md(text)} (safe inside a Markdown table cell), {@code measured(threshold, x)}
 * (a threshold's figure in its unit: "12.5 ms", "10,234/s"). Stateless.
 */
final class Formats {
    private Formats() {
    }

    /** The functions, by the names templates call them. */
    static Map<String, Object> functions() {
        Map<String, Object> f = new HashMap<>();
        f.put("ms", method(args -> latency(number(args, 0))));
        f.put("num", method(args -> grouped(number(args, 0), args.size() > 1 ? (int) number(args, 1) : 0)));
        f.put("rate", method(args -> rate(number(args, 0))));
        f.put("bytes", method(args -> bytes(number(args, 0))));
        f.put("pct", method(args -> percent(number(args, 0))));
        f.put("md", method(args -> markdownCell(text(args, 0))));
        f.put("measured", method(args -> Thresholds.measured(text(args, 0), number(args, 1))));
        // percentileChart, timeSeriesChart, curveChart, barChart (inline SVG), colorOf: one palette per page
        f.putAll(ChartFunctions.functions());
        return f;
    }

    /** A latency given in milliseconds, with three significant digits and a human unit. */
    static String latency(double ms) {
        if (Double.isNaN(ms)) {
            return "–";
        }
        if (ms >= 1000) {
            return significant(ms / 1000) + " s";
        }
        return significant(ms) + " ms";
    }

    private static String significant(double v) {
        if (v == 0) {
            return "0";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String grouped(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return String.format(Locale.US, "%,." + Math.max(0, Math.min(decimals, 6)) + "f", v);
    }

    /**
     * A throughput with the precision run-to-run noise supports (a few percent): whole numbers
     * from 100 up (107,797, not 107,797.1), one decimal from 10, two below.
     */
    static String rate(double v) {
        double abs = Math.abs(v);
        return grouped(v, abs >= 100 || abs == 0 ? 0 : abs >= 10 ? 1 : 2);
    }

    static String bytes(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }

    static String percent(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)) + "%";
    }

    /** Escapes what would break a Markdown table cell or start markup. */
    static String markdownCell(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '|', '\\', '`', '*', '_', '[', ']', '<', '>' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private interface Body {
        String apply(List<?> args) throws TemplateModelException;
    }

    private static TemplateMethodModelEx method(Body body) {
        return args -> body.apply(args);
    }

    private static double number(List<?> args, int i) throws TemplateModelException {
        if (args.size() <= i || args.get(i) == null) {
            return Double.NaN;
        }
        Object a = args.get(i);
        if (a instanceof TemplateNumberModel n) {
            return n.getAsNumber().doubleValue();
        }
        if (a instanceof TemplateScalarModel s) {
            try {
                return Double.parseDouble(s.getAsString());
            } catch (NumberFormatException e) {
                throw new TemplateModelException("expected a number, got '" + s.getAsString() + "'");
            }
        }
        throw new TemplateModelException("expected a number");
    }

    private static String text(List<?> args, int i) throws TemplateModelException {
        if (args.size() <= i || args.get(i) == null) {
            return "";
        }
        Object a = args.get(i);
        if (a instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        if (a instanceof TemplateNumberModel n) {
            return String.valueOf(n.getAsNumber());
        }
        if (a instanceof TemplateModel) {
            return a.toString();
        }
        return String.valueOf(a);
    }
}
