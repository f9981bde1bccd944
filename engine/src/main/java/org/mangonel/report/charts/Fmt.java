package org.mangonel.report.charts;

import java.util.Locale;

/** Numbers as the charts print them: digit grouping, a fixed locale, never "-0". */
final class Fmt {
    private Fmt() {
    }

    /**
     * At least three significant digits, never rounding away integer digits, grouped:
     * 107,797 · 12.3 · 2.24 · 0.104 · 0.0123. NaN is "–".
     */
    static String sig3(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        int decimals;
        if (a == 0) {
            decimals = 0;
        } else if (a >= 100) {
            decimals = 0;
        } else {
            decimals = Math.min(6, 2 - (int) Math.floor(Math.log10(a) + 1e-12));
        }
        return grouped(v, decimals);
    }

    /** A latency in ms with three significant digits and its unit: "2.24 ms", "1.25 s". */
    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 1000 ? sig3(v / 1000) + " s" : sig3(v) + " ms";
    }

    /** A set value (a limit someone wrote) in ms, without invented digits: "50 ms", "2.5 ms", "1.5 s". */
    static String plainMs(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 1000 ? plain(v / 1000) + " s" : plain(v) + " ms";
    }

    /** Up to three significant digits, trailing zeros dropped: 50, 2.5, 0.25, 12,345. */
    static String plain(double v) {
        String s = sig3(v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }

    /** With grouping and exactly {@code decimals} decimals. */
    static String grouped(double v, int decimals) {
        String s = String.format(Locale.US, "%,." + Math.max(0, decimals) + "f", v);
        return s.matches("-[0.,]+") ? s.substring(1) : s;
    }
}
