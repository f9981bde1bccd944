package org.mangonel.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code src/test/resources/broken}: each file holds one mistake and says on its
 * first line where the problem must be reported and what the message must contain:
 * {@code # expect LINE:COL message}.
 */
class BrokenScenariosTest {
    private static final Path CORPUS = Path.of("src/test/resources/broken");
    private static final Pattern EXPECT = Pattern.compile("# expect (\\d+):(\\d+) (.+)");

    static Stream<Path> corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(CORPUS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream();
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        assertTrue(corpus().count() >= 30, "at least 30 broken scenarios");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachMistakeIsReportedWhereItIs(Path file) throws IOException {
        String first = Files.readAllLines(file).get(0);
        Matcher m = EXPECT.matcher(first);
        assertTrue(m.matches(), file + " must start with '# expect LINE:COL message'");
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String message = m.group(3);

        long started = System.nanoTime();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMs < 5_000, "refused quickly, took " + tookMs + " ms");

        assertEquals(1, e.problems().size(), "exactly one problem for one mistake: " + e.render());
        Problem p = e.problems().get(0);
        assertEquals(file.toString(), p.file());
        assertTrue(p.message().contains(message), "message was: " + p.message() + "\nexpected to contain: " + message);
        assertEquals(line, p.line(), "line of: " + p.render());
        assertEquals(column, p.column(), "column of: " + p.render());
        if (line > 0) {
            String rendered = p.render();
            assertTrue(rendered.startsWith(file + ":" + line + ":" + column + ": "), rendered);
            assertTrue(rendered.contains(Files.readAllLines(file).get(line - 1).replace('\t', ' ').strip()),
                    "the offending line is quoted: " + rendered);
        }
    }

    @Test
    void aMissingFileAndADirectoryAreReportedNotThrown(@org.junit.jupiter.api.io.TempDir Path dir) {
        ScenarioException missing = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
        assertEquals("no such file", missing.problems().get(0).message());
        ScenarioException directory = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
        assertEquals("is a directory, not a scenario file", directory.problems().get(0).message());
    }

    @Test
    void severalMistakesAreAllReported() {
        String text = "name: t\nduraton: 5s\nrepetitions: 0\nframeworks: []\nbenchmarks: []\n";
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(text.getBytes(), "x.yaml", "/tmp", "x"));
        assertEquals(List.of(2, 3, 4, 5), e.problems().stream().map(Problem::line).toList());
    }

    /**
     * YAML's merge key shares settings between frameworks: "<<: *base" brings the anchored
     * mapping's keys, the mapping's own keys win; an unknown key it brings is reported where it
     * is written (under the anchor).
     */
    @Test
    void aMergeKeyBringsTheAnchoredKeysAndItsOwnWin() throws Exception {
        String text = String.join("\n", "name: t", "frameworks:", "  - &base", "    name: a",
                "    start: builtin:hello", "    ready: 7s", "  - <<: *base", "    name: b", "benchmarks:",
                "  - {name: x, urls: [/]}", "");
        org.mangonel.scenario.Scenario sc = ScenarioLoader.parse(text.getBytes(), "x.yaml", "/tmp", "x");
        assertEquals(List.of("a", "b"), sc.frameworks().stream().map(org.mangonel.scenario.Framework::name).toList());
        assertEquals(sc.frameworks().get(0).start(), sc.frameworks().get(1).start());
        assertEquals(sc.frameworks().get(0).ready(), sc.frameworks().get(1).ready());

        String bad = String.join("\n", "name: t", "frameworks:", "  - &base", "    name: a", "    strat: x",
                "  - <<: [1]", "    name: b", "benchmarks:", "  - {name: x, urls: [/]}", "");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(bad.getBytes(), "x.yaml", "/tmp", "x"));
        assertEquals(List.of(3, 5, 6, 6), e.problems().stream().map(Problem::line).toList(),
                "the anchor's mistake once, though two mappings read it: " + e.render());

        // merges within merges, in env: too, and a benchmark's protocol brought by a merge
        String nested = String.join("\n", "name: t", "defaults:", "  base: &base", "    ready: 9s",
                "    env: &env {A: '1'}", "  python: &python", "    <<: *base", "    start: builtin:hello",
                "frameworks:", "  - <<: *python", "    name: c", "    env: {<<: *env, B: '2'}", "benchmarks:",
                "  - &ws {name: w, protocol: websocket, messages: [{text: hi}], expect: {echo: true}}",
                "  - <<: *ws", "    name: w2", "");
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(nested.getBytes(), "x.yaml", "/tmp", "x"));
        assertTrue(unknown.render().contains("unknown key 'defaults'"), unknown.render());
        // an x- key is an extension field, the place for anchors: with it, everything resolves
        String kept = nested.replace("defaults:", "x-defaults:");
        org.mangonel.scenario.Scenario resolved = ScenarioLoader.parse(kept.getBytes(), "x.yaml", "/tmp", "x");
        org.mangonel.scenario.Framework c = resolved.frameworks().get(0);
        assertEquals(java.time.Duration.ofSeconds(9), c.ready(), "from base, through python");
        assertEquals(java.util.Map.of("A", "1", "B", "2"), c.env(), "env merged");
        assertEquals(List.of("websocket", "websocket"), resolved.benchmarks().stream()
                .map(b -> org.mangonel.protocol.Protocols.of(b.workload()).name()).toList(), "protocol merged");
    }
}
