package org.mangonel.report.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.mangonel.stats.HistogramCodec;

/** Realistic, seeded chart inputs shaped like the results tree (snake_case maps and lists). */
final class ChartSamples {
    static final String[] FRAMEWORKS = {"Netty 4.1", "Vert.x 4.5", "Node.js 22 (http)", "Tornado 6.4"};

    private ChartSamples() {
    }

    /**
     * A latency distribution in µs: a log-normal body around {@code medianMs}, and a rare tail
     * (GC-like pauses) up to {@code tailMs}.
     */
    static Histogram latency(long seed, int samples, double medianMs, double sigma, double tailShare, double tailMs) {
        Random r = new Random(seed);
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < samples; i++) {
            double ms = medianMs * Math.exp(sigma * r.nextGaussian());
            if (r.nextDouble() < tailShare) {
                ms += r.nextDouble() * tailMs;
            }
            h.recordValue(Math.max(1, Math.round(ms * 1000)));
        }
        return h;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** percentileChart's series: four frameworks, 200,000 samples each. */
    static List<Object> percentileSeries() {
        double[][] shape = {{0.9, 0.25, 0.002, 12}, {1.1, 0.3, 0.003, 18}, {2.4, 0.35, 0.004, 35}, {5.8, 0.3, 0.01, 60}};
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < FRAMEWORKS.length; i++) {
            Histogram h = latency(42 + i, 200_000, shape[i][0], shape[i][1], shape[i][2], shape[i][3]);
            out.add(map("label", FRAMEWORKS[i], "histogram", HistogramCodec.encode(h)));
        }
        return out;
    }

    /** Ten series with long names, 20,000 samples each: legend layout and the palette past eight. */
    static List<Object> manySeries() {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Histogram h = latency(100 + i, 20_000, 0.5 + 0.45 * i, 0.3, 0.003, 10 + 3 * i);
            out.add(map("label", "Framework number " + (i + 1) + (i % 3 == 0 ? " with a rather long name" : ""),
                    "histogram", HistogramCodec.encode(h)));
        }
        return out;
    }

    /** A run: 10 s of warm-up (JIT warming: slower, ramping), 30 s measured, a burst of errors. */
    static Map<String, Object> run() {
        Random r = new Random(7);
        List<Object> series = new ArrayList<>();
        for (int t = -10; t < 30; t++) {
            boolean warm = t < 0;
            double ramp = warm ? 0.45 + 0.055 * (t + 10) : 1;
            double rate = 104_000 * ramp * (1 + 0.02 * r.nextGaussian());
            double p50 = 0.62 / Math.sqrt(ramp) * (1 + 0.03 * r.nextGaussian());
            double p99 = p50 * (2.6 + 0.3 * r.nextGaussian()) + (t == 12 ? 9 : 0);
            long errors = t >= 17 && t <= 19 ? 40 + r.nextInt(60) : 0;
            if (t >= 17 && t <= 19) {
                rate *= 0.8;
            }
            series.add(map("t", t, "warmup", warm, "rate", Math.round(rate), "errors", errors,
                    "p50", round(p50), "p99", round(p99), "max", round(p99 * 3)));
        }
        return map("repetition", 1, "status", "ok", "series", series);
    }

    /** A long run (5 s warm-up, 180 s measured) with a two-second stall: a p99 two orders above its median. */
    static Map<String, Object> longRun() {
        Random r = new Random(11);
        List<Object> series = new ArrayList<>();
        for (int t = -5; t < 180; t++) {
            boolean stall = t == 95 || t == 96;
            double rate = stall ? 3_100 : 21_000 * (1 + 0.03 * r.nextGaussian());
            double p50 = stall ? 180 : 2.9 * (1 + 0.05 * r.nextGaussian());
            double p99 = stall ? 950 : p50 * (3 + 0.4 * r.nextGaussian());
            series.add(map("t", t, "warmup", t < 0, "rate", Math.round(rate), "errors", 0,
                    "p50", round(p50), "p99", round(p99), "max", round(p99 * 2)));
        }
        return map("repetition", 2, "status", "ok", "series", series);
    }

    /** Concurrency levels per framework: throughput saturates, latency climbs (a knee), plus a capacity search. */
    static List<Object> curves() {
        double[][] caps = {{128_000, 0.35}, {115_000, 0.4}, {61_000, 0.8}, {19_500, 2.2}};
        int[] levels = {1, 4, 16, 64, 256, 1024};
        List<Object> out = new ArrayList<>();
        for (int f = 0; f < FRAMEWORKS.length; f++) {
            List<Object> points = new ArrayList<>();
            double cap = caps[f][0];
            double base = caps[f][1];
            for (int c : levels) {
                double p50 = Math.max(base, c / cap * 1000 * 0.95);
                double rps = Math.min(c / p50 * 1000, cap) * (c >= 1024 && f == 2 ? 0.9 : 1);
                double p99 = p50 * (c < 64 ? 2.2 : 3.2);
                points.add(map("rps", round(rps), "p50", round(p50), "p99", round(p99), "probe", false));
            }
            if (f == 0) {
                // a capacity search for p99 <= 10 ms: bracket then bisect
                double[][] probes = {{60_000, 2.1}, {120_000, 6.5}, {128_000, 24.0}, {124_000, 11.8}, {122_000, 8.9}};
                for (double[] p : probes) {
                    points.add(map("rps", p[0], "p50", round(p[1] / 3), "p99", p[1], "met", p[1] <= 10, "probe", true));
                }
            }
            out.add(map("label", FRAMEWORKS[f], "points", points));
        }
        return out;
    }

    /** barChart rows: throughput over three repetitions. */
    static List<Object> bars() {
        double[][] v = {{107_797.4, 105_120, 109_004}, {98_312.9, 91_002, 99_870}, {52_118.2, 51_700, 52_400},
            {18_004.6, 16_950, 18_800}};
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < FRAMEWORKS.length; i++) {
            out.add(map("label", FRAMEWORKS[i], "value", v[i][0], "min", v[i][1], "max", v[i][2]));
        }
        return out;
    }

    /** A chat level's delivery p99 per framework, in ms. */
    static List<Object> chatBars() {
        return List.of(
                map("label", "ws-chat (built-in)", "value", 2.24, "min", 2.11, "max", 2.51),
                map("label", "Node ws", "value", 3.87, "min", 3.6, "max", 4.4),
                map("label", "Python websockets", "value", 14.9, "min", 13.2, "max", 17.8),
                map("label", "Tornado 6.4", "value", 21.3, "min", null, "max", null));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
