package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A mapping from data values to [0, 1] along an axis, with its ticks. Three kinds: linear with
 * ticks at 1, 2, 5 × 10ⁿ; logarithmic (base 10, ticks at 1, 2, 5 × 10ⁿ, or decades only when
 * the range spans more than three of them); and the percentile "nines" axis, linear in
 * log₁₀(1/(1 − p)), where 0%, 90%, 99%, 99.9% … are equally spaced (as HdrHistogram's plotter draws it).
 */
abstract class Scale {
    /**
     * A latency axis becomes logarithmic when its highest value exceeds this many times the
     * lowest median plotted: beyond that, a linear axis would squash the bodies of the
     * distributions (where frameworks differ most) into the bottom few pixels.
     */
    static final double LOG_RATIO = 20;

    /** A tick: its value, its label (empty for an unlabelled minor grid line). */
    record Tick(double value, String label, boolean minor) {
    }

    final double min;
    final double max;
    final List<Tick> ticks;

    private Scale(double min, double max, List<Tick> ticks) {
        this.min = min;
        this.max = max;
        this.ticks = List.copyOf(ticks);
    }

    /** Where {@code v} falls: 0 at {@link #min}, 1 at {@link #max}, clamped to that range. */
    final double unit(double v) {
        double u = raw(v);
        return Double.isNaN(u) ? 0 : Math.max(0, Math.min(1, u));
    }

    abstract double raw(double v);

    abstract boolean isLog();

    /** Pixels: {@code from} at {@link #min}, {@code to} at {@link #max}. */
    final double px(double v, double from, double to) {
        return from + unit(v) * (to - from);
    }

    /**
     * The scale for a latency axis: linear from zero, or logarithmic (see {@link #LOG_RATIO})
     * when {@code max > LOG_RATIO × lowestMedian}.
     *
     * @param max          the highest value plotted
     * @param lowestMedian the lowest median (p50) among the series, or NaN/0 if none
     * @param minPositive  the lowest positive value plotted (the log axis starts at or below it)
     */
    static Scale latency(double max, double lowestMedian, double minPositive, int target) {
        if (lowestMedian > 0 && minPositive > 0 && max > LOG_RATIO * lowestMedian) {
            return log(minPositive, max);
        }
        return linear(0, max, target, false);
    }

    /** A linear scale covering [lo, hi] with about {@code target} ticks at 1, 2, 5 × 10ⁿ, its ends on ticks. */
    static Scale linear(double lo, double hi, int target, boolean integerSteps) {
        return linear(lo, hi, target, integerSteps, false);
    }

    /**
     * A linear scale from exactly {@code lo} to {@code hi} (e.g. time: no empty seconds before or
     * after the run), ticks only at the 1, 2, 5 × 10ⁿ steps inside.
     */
    static Scale tight(double lo, double hi, int target, boolean integerSteps) {
        return linear(lo, hi, target, integerSteps, true);
    }

    private static Scale linear(double lo, double hi, int target, boolean integerSteps, boolean tight) {
        if (!Double.isFinite(lo)) {
            lo = 0;
        }
        if (!Double.isFinite(hi)) {
            hi = lo;
        }
        if (!(hi > lo)) {
            hi = lo + (lo == 0 ? 1 : Math.abs(lo));
        }
        double[] step = niceStep(hi - lo, Math.max(1, target));
        double m = step[0];
        int e = (int) step[1];
        if (integerSteps && e < 0) {
            m = 1;
            e = 0;
        }
        double s = m * Math.pow(10, e);
        long kLo = (long) Math.floor(lo / s + 1e-9);
        long kHi = (long) Math.ceil(hi / s - 1e-9);
        if (kHi <= kLo) {
            kHi = kLo + 1;
        }
        if (tight) {
            kLo = (long) Math.ceil(lo / s - 1e-9);
            kHi = (long) Math.floor(hi / s + 1e-9);
        }
        List<Tick> ticks = new ArrayList<>();
        int decimals = Math.max(0, -e);
        for (long k = kLo; k <= kHi; k++) {
            double v = k * s;
            ticks.add(new Tick(v, Fmt.grouped(v, decimals), false));
        }
        double min = tight ? lo : kLo * s;
        double max = tight ? hi : kHi * s;
        return new Scale(min, max, ticks) {
            @Override
            double raw(double v) {
                return (v - min) / (max - min);
            }

            @Override
            boolean isLog() {
                return false;
            }
        };
    }

    /** A nice step for a range: {mantissa (1, 2 or 5), exponent}. */
    static double[] niceStep(double range, int target) {
        double raw = range / target;
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return new double[] {1, 0};
        }
        int e = (int) Math.floor(Math.log10(raw));
        double f = raw / Math.pow(10, e);
        double m;
        if (f <= 1 + 1e-9) {
            m = 1;
        } else if (f <= 2 + 1e-9) {
            m = 2;
        } else if (f <= 5 + 1e-9) {
            m = 5;
        } else {
            m = 1;
            e++;
        }
        return new double[] {m, e};
    }

    /** A base-10 logarithmic scale from a 1-2-5 value at or below {@code lo} to one at or above {@code hi}. */
    static Scale log(double lo, double hi) {
        if (!(lo > 0)) {
            lo = hi > 0 ? hi / 10 : 1;
        }
        if (!(hi > lo)) {
            hi = lo * 10;
        }
        double a = floor125(lo);
        double b = ceil125(hi);
        List<Tick> ticks = new ArrayList<>();
        if (Math.log10(b / a) > 3 + 1e-9) {
            int e0 = (int) Math.floor(Math.log10(a) + 1e-9);
            int e1 = (int) Math.ceil(Math.log10(b) - 1e-9);
            a = Math.pow(10, e0);
            b = Math.pow(10, e1);
            for (int e = e0; e <= e1; e++) {
                ticks.add(new Tick(Math.pow(10, e), label125(1, e), false));
                if (e < e1) {
                    ticks.add(new Tick(2 * Math.pow(10, e), "", true));
                    ticks.add(new Tick(5 * Math.pow(10, e), "", true));
                }
            }
        } else {
            int e0 = (int) Math.floor(Math.log10(a) + 1e-9);
            for (int e = e0; ; e++) {
                boolean past = false;
                for (int m : new int[] {1, 2, 5}) {
                    double v = m * Math.pow(10, e);
                    if (v > b * (1 + 1e-9)) {
                        past = true;
                        break;
                    }
                    if (v >= a * (1 - 1e-9)) {
                        ticks.add(new Tick(v, label125(m, e), false));
                    }
                }
                if (past) {
                    break;
                }
            }
        }
        double la = Math.log10(a);
        double lb = Math.log10(b);
        return new Scale(a, b, ticks) {
            @Override
            double raw(double v) {
                return v <= 0 ? 0 : (Math.log10(v) - la) / (lb - la);
            }

            @Override
            boolean isLog() {
                return true;
            }
        };
    }

    private static String label125(int m, int e) {
        return Fmt.grouped(m * Math.pow(10, e), Math.max(0, -e));
    }

    /** The largest 1, 2 or 5 × 10ⁿ at or below v (v > 0). */
    static double floor125(double v) {
        int e = (int) Math.floor(Math.log10(v) + 1e-12);
        double f = v / Math.pow(10, e);
        double m = f >= 5 - 1e-9 ? 5 : f >= 2 - 1e-9 ? 2 : 1;
        return m * Math.pow(10, e);
    }

    /** The smallest 1, 2 or 5 × 10ⁿ at or above v (v > 0). */
    static double ceil125(double v) {
        int e = (int) Math.floor(Math.log10(v) + 1e-12);
        double f = v / Math.pow(10, e);
        if (f <= 1 + 1e-9) {
            return Math.pow(10, e);
        }
        double m = f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return m * Math.pow(10, e);
    }

    /**
     * The percentile axis: a value is a percentile (0 to 100, exclusive) placed at
     * log₁₀(1/(1 − p/100)), so each further nine is one more equal step; it ends at
     * {@code nines} nines (4: 99.99%). Ticks: 0%, 50%, 90%, 99%, 99.9% ….
     */
    static Scale nines(int nines) {
        int k = Math.max(1, nines);
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(0, "0%", false));
        ticks.add(new Tick(50, "50%", false));
        for (int i = 1; i <= k; i++) {
            ticks.add(new Tick(percentOfNines(i), ninesLabel(i), false));
        }
        return new Scale(0, percentOfNines(k), ticks) {
            @Override
            double raw(double p) {
                return ninesOf(p) / k;
            }

            @Override
            boolean isLog() {
                return true;
            }
        };
    }

    /** log₁₀(1/(1 − p/100)): 0 for 0%, 1 for 90%, 2 for 99% …; +∞ at 100%. */
    static double ninesOf(double percentile) {
        if (percentile >= 100) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.log10(100 / (100 - Math.max(0, percentile)));
    }

    /** The percentile with {@code k} nines: 90, 99, 99.9 …. */
    static double percentOfNines(int k) {
        return 100 - 100 / Math.pow(10, k);
    }

    /** "90%", "99%", "99.9%", "99.99%" …. */
    static String ninesLabel(int k) {
        if (k <= 0) {
            return "0%";
        }
        if (k == 1) {
            return "90%";
        }
        return k == 2 ? "99%" : "99." + "9".repeat(k - 2) + "%";
    }
}
