package org.mangonel.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One benchmark: a workload run against a set of frameworks, producing one table per
 * concurrency level in the report.
 *
 * @param name        unique identifier
 * @param title       display title
 * @param description free text for the report, may be empty
 * @param frameworks  names of the frameworks it runs on; empty means all of them
 * @param settings    this benchmark's run settings layer (partial, over the scenario's)
 * @param workload    what is sent
 * @param verify      check before measuring that each framework answers correctly
 * @param capacity    a capacity search to run instead of the fixed levels, or null
 * @param thresholds  pass/fail conditions on each level's figures (the scenario's, then its own)
 */
public record Benchmark(String name, String title, String description, List<String> frameworks,
                        RunSettings settings, Workload workload, boolean verify, Capacity capacity,
                        List<Threshold> thresholds) {
    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workload, "workload");
        title = title == null ? name : title;
        description = description == null ? "" : description;
        frameworks = List.copyOf(frameworks == null ? List.of() : frameworks);
        settings = settings == null ? RunSettings.EMPTY : settings;
        thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
    }
}
