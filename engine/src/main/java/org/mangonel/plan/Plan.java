package org.mangonel.plan;

import java.time.Duration;
import java.util.List;
import org.mangonel.scenario.Scenario;

/**
 * The whole run, in order.
 *
 * @param scenario   what was declared
 * @param benchmarks each benchmark with its resolved settings and frameworks, in run order
 */
public record Plan(Scenario scenario, List<BenchmarkPlan> benchmarks) {
    public Plan {
        benchmarks = List.copyOf(benchmarks);
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
