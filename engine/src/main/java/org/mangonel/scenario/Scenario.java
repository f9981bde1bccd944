package org.mangonel.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole scenario file: the servers under test, the benchmarks to run on them and the run
 * settings shared by all benchmarks. Immutable; safe to share between threads.
 *
 * @param name        short identifier, used in output folder names
 * @param title       human title for reports (defaults to the name)
 * @param description free text shown in reports, may be empty
 * @param source      where the scenario came from (file and content hash)
 * @param settings    the top-level run settings layer (partial)
 * @param frameworks  the servers under test, in declaration order, names unique
 * @param benchmarks  the benchmarks, in declaration order, names unique
 * @param ssh         how the hosts of frameworks that run elsewhere are reached ({@link Ssh#DEFAULT}
 *                    when not given)
 */
public record Scenario(String name, String title, String description, Source source,
                       RunSettings settings, List<Framework> frameworks, List<Benchmark> benchmarks, Ssh ssh) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        title = title == null ? name : title;
        description = description == null ? "" : description;
        settings = settings == null ? RunSettings.EMPTY : settings;
        frameworks = List.copyOf(frameworks);
        benchmarks = List.copyOf(benchmarks);
        ssh = ssh == null ? Ssh.DEFAULT : ssh;
    }

    /** A scenario whose frameworks all run on this machine unless they say otherwise. */
    public Scenario(String name, String title, String description, Source source, RunSettings settings,
                    List<Framework> frameworks, List<Benchmark> benchmarks) {
        this(name, title, description, source, settings, frameworks, benchmarks, Ssh.DEFAULT);
    }

    /**
     * This scenario with every framework the engine starts moved to {@code host} (an SSH
     * destination, as {@code --host} gives it); frameworks that are only reached (no {@code start})
     * stay where their URL says.
     */
    public Scenario onHost(String host) {
        SshDestination.parse(host);
        List<Framework> moved = frameworks.stream().map(f -> f.managed() ? f.withHost(host) : f).toList();
        return new Scenario(name, title, description, source, settings, moved, benchmarks, ssh);
    }

    /** The framework declared with this name, if any. */
    public Optional<Framework> framework(String frameworkName) {
        return frameworks.stream().filter(f -> f.name().equals(frameworkName)).findFirst();
    }

    /** The frameworks a benchmark runs on, in the scenario's declaration order. */
    public List<Framework> frameworksOf(Benchmark benchmark) {
        if (benchmark.frameworks().isEmpty()) {
            return frameworks;
        }
        return frameworks.stream().filter(f -> benchmark.frameworks().contains(f.name())).toList();
    }

    /** The same scenario with every benchmark's capacity search removed: its declared levels are measured. */
    public Scenario withoutCapacity() {
        return new Scenario(name, title, description, source, settings, frameworks, benchmarks.stream()
                .map(b -> new Benchmark(b.name(), b.title(), b.description(), b.frameworks(), b.settings(),
                        b.workload(), b.verify(), null, b.thresholds())).toList());
    }
}
