package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in-process: exit codes and what it prints. */
class CliTest {
    static final Path REPO = Path.of(System.getProperty("mangonel.repo", ".."));

    /** Exit code, stdout and stderr of one invocation. */
    record Outcome(int code, String out, String err) {
        /**
         * stderr, then the end of each server log in the run folder {@code out}: what a failed
         * assertion should show, the folder being deleted with the test.
         */
        String errAndLogs(Path out) {
            StringBuilder text = new StringBuilder(err);
            try (java.util.stream.Stream<Path> logs = Files.list(out.resolve("logs"))) {
                for (Path log : logs.sorted().toList()) {
                    String s = Files.readString(log);
                    text.append("\n--- ").append(log.getFileName()).append(" (its last 4,000 characters) ---\n")
                            .append(s, Math.max(0, s.length() - 4000), s.length());
                }
            } catch (java.io.IOException e) {
                text.append("\n(no server logs: ").append(e).append(')');
            }
            return text.toString();
        }
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validateReportsAMisspeltKeyWithLineAndSuggestion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "name: typo\nduraton: 5s\nframeworks:\n  - {name: a, start: \"builtin:hello\"}\n"
                + "benchmarks:\n  - {name: b, urls: [/]}\n");
        Outcome o = run("validate", file.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(file + ":2:1: unknown key 'duraton' in the scenario; did you mean 'duration'?"),
                o.err());
        assertTrue(o.err().contains("    duraton: 5s"), "quotes the line: " + o.err());
        assertFalse(o.err().contains("Exception"), "no stack trace: " + o.err());
    }

    @Test
    void validateAcceptsTheShippedScenario() {
        Outcome o = run("validate", REPO.resolve("scenarios/hello.yaml").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ok (4 frameworks, 1 benchmark)"), o.out());
    }

    @Test
    void runningAnInvalidScenarioExitsTwoWithoutRunning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "frameworks: 3\n");
        Outcome o = run(file.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, o.code());
        assertFalse(Files.exists(dir.resolve("out")), "nothing was created");
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("--no-such-option").code());
        assertEquals(2, run(REPO.resolve("scenarios/hello.yaml").toString(), "--duration", "5").code());
        assertEquals(2, run(REPO.resolve("scenarios/hello.yaml").toString(), "--only", "nope").code());
        assertEquals(2, run(REPO.resolve("scenarios/hello.yaml").toString(), "--concurrency", "0").code());
        // one level twice would be measured twice, the second's log over the first's
        assertEquals(2, run(REPO.resolve("scenarios/hello.yaml").toString(), "--dry-run", "-c", "10,10").code());
        assertEquals(2, run(REPO.resolve("scenarios/hello.yaml").toString(), "--dry-run", "--rate", "1/s,1/s").code());
        assertEquals(2, run().code());
        // engine load refuses what a scenario refuses
        assertEquals(2, run("load", "http://127.0.0.1:1/", "--no-keepalive", "--pipeline", "4").code());
        assertEquals(2, run("load", "http://127.0.0.1:1/", "-m", "GE T").code());
        assertEquals(2, run("load", "http://127.0.0.1:1/", "-H", "Bad Name: x").code());
    }

    @Test
    void versionAndHelp() {
        Outcome v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("mangonel "), v.out());
        Outcome h = run("--help");
        assertEquals(0, h.code());
        for (String option : List.of("--out", "--duration", "--warmup", "--repetitions", "--concurrency", "--only",
                "--benchmark", "--threads", "--dry-run", "--quiet", "validate", "report", "serve")) {
            assertTrue(h.out().contains(option), "help mentions " + option);
        }
    }

    @Test
    void aSubcommandAloneKeepsItsQualifiedUsage() {
        // Main registers only the subcommand named first (start-up); its help must not change.
        Outcome h = run("load", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().startsWith("Usage: engine load "), h.out());
        assertEquals(2, run("load").code());
    }

    @Test
    void everyCommandsHelpRendersWithoutPicocliWarnings() {
        // picocli reports a description it cannot format (a bare '%') on System.err, not on the
        // command's own stream, and then prints the raw text.
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : List.of("validate", "report", "serve", "load", "merge", "compare", "k8s")) {
                Outcome h = run(command, "--help");
                assertEquals(0, h.code(), command + ": " + h.err());
                assertFalse(h.out().contains("%n"), command + " help has raw format text: " + h.out());
            }
            assertEquals(0, run("--help").code());
        } finally {
            System.setErr(systemErr);
        }
        // Only picocli's own lines count: another test's leftover thread may write here meanwhile.
        String captured = warnings.toString(StandardCharsets.UTF_8);
        assertFalse(captured.contains("[picocli WARN]"), captured);
    }

    @Test
    void engineLoadRefusesTlsOptionsItCannotUse() {
        Outcome bad = run("load", "https://127.0.0.1:1/", "--tls-protocols", "TLSv9", "-d", "1s");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--tls-protocols may list TLSv1.3, TLSv1.2, found TLSv9"), bad.err());
        Outcome plain = run("load", "http://127.0.0.1:1/", "--tls-protocols", "TLSv1.2", "-d", "1s");
        assertEquals(2, plain.code());
        assertTrue(plain.err().contains("are for https:// URLs"), plain.err());
    }

    @Test
    void dryRunPrintsThePlan() {
        Outcome o = run(REPO.resolve("scenarios/hello.yaml").toString(), "--dry-run", "--repetitions", "2", "-c", "5,7");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("concurrency 7, repetition 2"), o.out());
    }

    @Test
    void anOutFolderThatHoldsSomethingIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), "{}");
        Outcome o = run(REPO.resolve("scenarios/hello.yaml").toString(), "--out", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("not empty"), o.err());
        Outcome plan = run(REPO.resolve("scenarios/hello.yaml").toString(), "--dry-run", "--out", dir.toString());
        assertEquals(2, plan.code(), "--dry-run refuses what the run would: " + plan.out());
        assertTrue(plan.err().contains("not empty"), plan.err());
        Outcome templates = run(REPO.resolve("scenarios/hello.yaml").toString(), "--dry-run", "--templates",
                dir.resolve("none").toString());
        assertEquals(2, templates.code(), templates.out());
        Outcome fresh = run(REPO.resolve("scenarios/hello.yaml").toString(), "--dry-run", "--out",
                dir.resolve("new").toString());
        assertEquals(0, fresh.code(), fresh.err());
        assertTrue(!Files.exists(dir.resolve("new")), "a plan creates no folder");
    }

    @Test
    void aCommonStartWhoseWindowsAreAllOverIsRefused() {
        Outcome o = run(REPO.resolve("scenarios/hello-sharded.yaml").toString(), "--start-at", "2020-01-01T00:00:00Z",
                "--dry-run");
        assertEquals(2, o.code(), o.out());
        assertTrue(o.err().contains("is past: every window of this run was due to end by 2020-01-01T"), o.err());
    }

    @Test
    void reportReRendersFromResultsAlone(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        Files.writeString(results, "{\"schema\": \"mangonel-results/1\"}");
        Path template = dir.resolve("mini.txt.ftl");
        Files.writeString(template, "schema=${results.schema}");
        Outcome o = run("report", results.toString(), "--template", template.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("schema=mangonel-results/1", Files.readString(dir.resolve("mini.txt")));
        Files.writeString(dir.resolve("not-results.json"), "[1]");
        assertEquals(2, run("report", dir.resolve("not-results.json").toString()).code());
    }
}
