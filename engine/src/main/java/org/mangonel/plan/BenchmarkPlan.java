package org.mangonel.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;

/**
 * One benchmark, ready to run.
 *
 * @param benchmark  the declaration
 * @param settings   fully resolved run settings (every field set)
 * @param frameworks the frameworks it runs on, in order
 * @param sharedCores a note when the client and the servers it starts share CPUs, or null
 */
public record BenchmarkPlan(Benchmark benchmark, RunSettings settings, List<Framework> frameworks,
                            String sharedCores) {
    public BenchmarkPlan {
        if (!settings.complete()) {
            throw new IllegalArgumentException("settings must be resolved: " + settings);
        }
        frameworks = List.copyOf(frameworks);
    }

    /**
     * One measured window: a concurrency level, a rate (null in the closed model) and a repetition
     * number (1-based).
     */
    public record Trial(int concurrency, Rate rate, int repetition) {
    }

    /** One table of the report: a concurrency level at a rate (null in the closed model). */
    public record Level(int concurrency, Rate rate) {
    }

    /** The levels in run order: each rate of the sweep, and within it each concurrency level. */
    public List<Level> levels() {
        List<Level> out = new ArrayList<>();
        List<Rate> rates = settings.openModel() ? settings.rates() : java.util.Collections.singletonList(null);
        for (Rate rate : rates) {
            for (int level : settings.concurrency()) {
                out.add(new Level(level, rate));
            }
        }
        return out;
    }

    /** The trials run on each framework, in order: every repetition of a level, then the next level. */
    public List<Trial> trials() {
        List<Trial> out = new ArrayList<>();
        for (Level level : levels()) {
            for (int rep = 1; rep <= settings.repetitions(); rep++) {
                out.add(new Trial(level.concurrency(), level.rate(), rep));
            }
        }
        return out;
    }

    /** Measured windows per framework: every level's repetitions, or with a capacity search the found load's. */
    public int trialsPerFramework() {
        return benchmark.capacity() != null ? settings.repetitions() : levels().size() * settings.repetitions();
    }

    /**
     * A capacity probe's settings: one repetition, half the benchmark's duration (at least a
     * second), at most a second of warm-up.
     */
    public RunSettings probeSettings() {
        Duration duration = settings.duration().dividedBy(2);
        duration = duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
        Duration warmup = settings.warmup().compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1)
                : settings.warmup();
        return new RunSettings(duration, warmup, 1, settings.aggregate(), settings.concurrency(), settings.timeout(),
                settings.threads(), settings.connectTimeout(), settings.clientCpus(), settings.rates());
    }

    /**
     * Warm-up plus measured time on one framework: every trial, and with a capacity search at most
     * all its probes.
     */
    public Duration loadTimePerFramework() {
        Duration trials = settings.duration().plus(settings.warmup()).multipliedBy(trialsPerFramework());
        if (benchmark.capacity() == null) {
            return trials;
        }
        RunSettings probe = probeSettings();
        return trials.plus(probe.duration().plus(probe.warmup()).multipliedBy(benchmark.capacity().probes()));
    }

    /** Warm-up plus measured time on every framework (capacity probes at their most). */
    public Duration loadTime() {
        return loadTimePerFramework().multipliedBy(frameworks.size());
    }
}
