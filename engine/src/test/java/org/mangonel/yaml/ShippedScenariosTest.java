package org.mangonel.yaml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mangonel.scenario.Scenario;

/** Every scenario shipped in {@code scenarios/} or {@code bench/} loads, and reads like a tutorial. */
class ShippedScenariosTest {
    static final Path SCENARIOS = Path.of(System.getProperty("mangonel.repo", "..")).resolve("scenarios");

    static Stream<Path> shipped() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "scenarios/ holds scenarios");
        List<Path> bench;
        try (Stream<Path> s = Files.walk(SCENARIOS.resolveSibling("bench"))) {
            bench = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/target/")).sorted().toList();
        }
        return Stream.concat(files.stream(), bench.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void loads(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        assertFalse(s.frameworks().isEmpty());
        assertFalse(s.benchmarks().isEmpty());
    }

    /**
     * "Commented key by key": the first use of every distinct key has a comment on one of the
     * four lines above it (or on its own line), so a reader meets an explanation of each key
     * the first time it appears. Repeated entries need not repeat it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void explainsEveryKeyWhereItFirstAppears(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("^\\s*(?:- )?([a-z_]+):(?:\\s|$).*");
        List<String> unexplained = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher m = key.matcher(lines.get(i));
            if (!m.matches() || !seen.add(m.group(1))) {
                continue;
            }
            boolean explained = lines.get(i).contains(" # ");
            for (int j = Math.max(0, i - 4); j < i && !explained; j++) {
                explained = lines.get(j).trim().startsWith("#");
            }
            if (!explained) {
                unexplained.add(m.group(1) + " (line " + (i + 1) + ")");
            }
        }
        assertTrue(unexplained.isEmpty(), file + ": keys without a comment where they first appear: " + unexplained);
    }
}
