package org.mangonel.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.RunSettings;

/**
 * One benchmark, ready to run.
 *
 * @param benchmark  the declaration
 * @param settings   fully resolved run settings (every field set)
 * @param frameworks the frameworks it runs on, in order
 */
public record BenchmarkPlan(Benchmark benchmark, RunSettings settings, List<Framework> frameworks) {
    public BenchmarkPlan {
        if (!settings.complete()) {
            throw new IllegalArgumentException("settings must be resolved: " + settings);
        }
        frameworks = List.copyOf(frameworks);
    }

    /** One measured window: a concurrency level and a repetition number (1-based). */
    public record Trial(int concurrency, int repetition) {
    }

    /** The trials run on each framework, in order: every repetition of a level, then the next level. */
    public List<Trial> trials() {
        List<Trial> out = new ArrayList<>();
        for (int level : settings.concurrency()) {
            for (int rep = 1; rep <= settings.repetitions(); rep++) {
                out.add(new Trial(level, rep));
            }
        }
        return out;
    }

    public int trialsPerFramework() {
        return settings.concurrency().size() * settings.repetitions();
    }

    /** Warm-up plus measured time of every trial on every framework. */
    public Duration loadTime() {
        return settings.duration().plus(settings.warmup()).multipliedBy((long) trialsPerFramework() * frameworks.size());
    }
}
