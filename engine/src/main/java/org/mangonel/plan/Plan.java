package org.mangonel.plan;

import java.time.Duration;
import java.util.List;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Share;
import java.time.Instant;

/**
 * The whole run, in order.
 *
 * @param scenario   what was declared
 * @param benchmarks each benchmark with its resolved settings and frameworks, in run order
 * @param share      which part of every level this process runs ({@link Share#ALL}: all of it)
 * @param startAt    the common start of a sharded run (every window scheduled from it), or null
 */
public record Plan(Scenario scenario, List<BenchmarkPlan> benchmarks, Share share, Instant startAt) {
    public Plan {
        benchmarks = List.copyOf(benchmarks);
        share = share == null ? Share.ALL : share;
    }

    /** A plan for one process, starting as soon as it can. */
    public Plan(Scenario scenario, List<BenchmarkPlan> benchmarks) {
        this(scenario, benchmarks, Share.ALL, null);
    }

    /** Load time of the whole plan (warm-ups and measured windows), not counting server start-up. */
    public Duration loadTime() {
        return benchmarks.stream().map(BenchmarkPlan::loadTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** Number of measured windows. */
    public int trialCount() {
        return benchmarks.stream().mapToInt(b -> b.frameworks().size() * b.trialsPerFramework()).sum();
    }
}
