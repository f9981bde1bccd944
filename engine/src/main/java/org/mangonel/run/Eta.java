package org.mangonel.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;

/**
 * How long the run has left, for the progress line: each framework of each benchmark is planned
 * its load time (warm-ups, windows, capacity probes at their most) plus an allowance for starting
 * its server and for each window's connects and drain. The remaining time is what is planned for
 * the frameworks not yet begun plus what is left of the current one's plan (never below zero);
 * a framework that ends early (skipped, failed, or a capacity search that needed fewer probes)
 * gives its unused time back. The run's thread only.
 */
final class Eta {
    /** Starting a server, waiting for its port and checking its answers. */
    static final long START_ALLOWANCE_NS = 1_500_000_000L;
    /** Connecting a level's connections, and draining after its window. */
    static final long WINDOW_ALLOWANCE_NS = 500_000_000L;

    private final List<Long> plannedNs = new ArrayList<>();
    private int current = -1;
    private long currentStartNs;

    Eta(Plan plan) {
        for (BenchmarkPlan bp : plan.benchmarks()) {
            int windows = bp.trialsPerFramework() + (bp.benchmark().capacity() == null ? 0
                    : bp.benchmark().capacity().probes());
            long each = bp.loadTimePerFramework().toNanos() + START_ALLOWANCE_NS + windows * WINDOW_ALLOWANCE_NS;
            for (int f = 0; f < bp.frameworks().size(); f++) {
                plannedNs.add(each);
            }
        }
    }

    /** The {@code index}-th framework run of the whole plan (benchmarks in order) begins now. */
    void begin(int index, long nowNs) {
        current = index;
        currentStartNs = nowNs;
    }

    /** Time left from {@code nowNs}. */
    Duration remaining(long nowNs) {
        long left = 0;
        if (current >= 0 && current < plannedNs.size()) {
            left += Math.max(0, plannedNs.get(current) - (nowNs - currentStartNs));
        }
        for (int i = current + 1; i < plannedNs.size(); i++) {
            left += plannedNs.get(i);
        }
        return Duration.ofNanos(left);
    }

    /** The progress line's suffix: "  · about 2m10s left". */
    String suffix(long nowNs) {
        long s = Math.round(remaining(nowNs).toMillis() / 1000.0);
        String text = s >= 60 ? (s / 60) + "m" + String.format(java.util.Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
        return "  · about " + text + " left";
    }

    /** A console whose progress lines end with the time left. */
    RunConsole around(RunConsole console) {
        return new RunConsole() {
            @Override
            public void info(String line) {
                console.info(line);
            }

            @Override
            public void progress(String line) {
                console.progress(line + suffix(System.nanoTime()));
            }

            @Override
            public void endProgress() {
                console.endProgress();
            }

            @Override
            public boolean showsProgress() {
                return console.showsProgress();
            }
        };
    }
}
