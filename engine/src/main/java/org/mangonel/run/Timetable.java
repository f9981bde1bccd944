package org.mangonel.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;

/**
 * When each window of a run with a common start ({@code --start-at}) begins, so that every shard
 * measures the same windows: window w of a benchmark (counted over its frameworks, levels and
 * repetitions, in plan order) begins at the benchmark's first slot plus {@code w × slot}, a slot
 * being the benchmark's warm-up, duration and longest drain (the request timeout), plus a margin
 * for connecting and checking. A framework that is skipped or fails leaves its slots empty: the
 * others keep their times. Immutable.
 */
public final class Timetable {
    /** Room in each slot for connecting, the pre-run check and writing results. */
    static final Duration MARGIN = Duration.ofSeconds(3);

    private final Instant startAt;
    private final List<Long> firstNs = new ArrayList<>();
    private final List<Long> slotNs = new ArrayList<>();
    private final List<Integer> trials = new ArrayList<>();
    private final long spanNs;

    public Timetable(Plan plan) {
        this.startAt = plan.startAt();
        long offsetNs = 0;
        for (BenchmarkPlan bp : plan.benchmarks()) {
            long slot = bp.settings().warmup().plus(bp.settings().duration()).plus(bp.settings().timeout())
                    .plus(MARGIN).toNanos();
            firstNs.add(offsetNs);
            slotNs.add(slot);
            trials.add(bp.trialsPerFramework());
            offsetNs += slot * bp.frameworks().size() * bp.trialsPerFramework();
        }
        this.spanNs = offsetNs;
    }

    /** When the last window's slot ends; null when windows are not scheduled. */
    public Instant end() {
        return startAt == null ? null : startAt.plusNanos(spanNs);
    }

    /** Whether windows are scheduled at all. */
    boolean scheduled() {
        return startAt != null;
    }

    /** When window {@code trial} of framework {@code framework} of benchmark {@code benchmark} begins. */
    Instant start(int benchmark, int framework, int trial) {
        return startAt.plusNanos(firstNs.get(benchmark)
                + slotNs.get(benchmark) * ((long) framework * trials.get(benchmark) + trial));
    }

    /** {@code at} on the {@link System#nanoTime()} scale. */
    static long toNanoTime(Instant at) {
        return System.nanoTime() + Duration.between(Instant.now(), at).toNanos();
    }
}
