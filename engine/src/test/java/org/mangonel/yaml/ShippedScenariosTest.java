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

/** Every scenario shipped in {@code scenarios/} loads, and reads like a tutorial. */
class ShippedScenariosTest {
    static final Path SCENARIOS = Path.of(System.getProperty("mangonel.repo", "..")).resolve("scenarios");

    static Stream<Path> shipped() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "scenarios/ holds scenarios");
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void loads(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        assertFalse(s.frameworks().isEmpty());
        assertFalse(s.benchmarks().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void isCommentedLikeATutorial(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        long keys = lines.stream().filter(l -> l.matches("\\s*(- )?[a-z_]+:.*") && !l.trim().startsWith("#")).count();
        long comments = lines.stream().filter(l -> l.trim().startsWith("#")).count();
        assertTrue(comments * 2 >= keys, file + ": " + comments + " comment lines for " + keys + " keys");
    }
}
