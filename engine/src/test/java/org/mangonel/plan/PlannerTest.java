package org.mangonel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.yaml.ScenarioLoader;

class PlannerTest {
    private static final String YAML = """
            name: p
            duration: 10s
            repetitions: 3
            concurrency: [10, 100]
            frameworks:
              - {name: a, start: "builtin:hello"}
              - {name: b, start: "builtin:hello"}
            benchmarks:
              - name: one
                urls: [/]
              - name: two
                frameworks: [b]
                duration: 4s
                aggregate: median
                urls: [/]
            """;

    private static Scenario scenario() throws Exception {
        return ScenarioLoader.parse(YAML.getBytes(), "p.yaml", "/tmp", "p");
    }

    @Test
    void layersStackDefaultsScenarioBenchmarkCommandLine() throws Exception {
        RunSettings cli = new RunSettings(null, Duration.ZERO, null, null, null, null, null, null, null, null);
        Plan plan = Planner.plan(scenario(), cli, Set.of(), Set.of(), 2);
        RunSettings one = plan.benchmarks().get(0).settings();
        RunSettings two = plan.benchmarks().get(1).settings();
        assertEquals(Duration.ofSeconds(10), one.duration());
        assertEquals(Duration.ofSeconds(4), two.duration(), "the benchmark overrides the scenario");
        assertEquals(Duration.ZERO, one.warmup(), "the command line overrides everything");
        assertEquals(Aggregate.BEST, one.aggregate(), "built-in default");
        assertEquals(Aggregate.MEDIAN, two.aggregate());
        assertEquals(1, one.threads(), "the servers it starts are not pinned: one of the 2 cores is left to them");
        assertEquals(List.of(10, 100), one.concurrency());
        assertTrue(plan.benchmarks().get(0).sharedCores().contains("share 2 CPUs"), plan.benchmarks().get(0)
                .sharedCores());
    }

    /** The default number of event loops: the client's CPUs, minus what the servers it starts need. */
    @Test
    void theDefaultLoopsLeaveTheServersTheirCores() {
        Framework started = framework("s", new Framework.Builtin("hello"), null);
        Framework pinnedToZero = framework("p", new Framework.Builtin("hello"), "0");
        Framework reached = framework("r", null, null);
        assertEquals(3, Cores.of(4, "", List.of(started)).loops(), "unpinned servers get one core of four");
        assertEquals(3, Cores.of(4, "", List.of(pinnedToZero)).loops(), "servers pinned to CPU 0 keep it");
        assertEquals(1, Cores.of(2, "1", List.of(pinnedToZero)).loops(), "client on 1, server on 0");
        assertEquals(null, Cores.of(2, "1", List.of(pinnedToZero)).note(1), "no sharing to report");
        assertEquals(4, Cores.of(4, "", List.of(reached)).loops(), "a server reached, not started, takes none");
        assertEquals(1, Cores.of(4, "2-3", List.of(started)).loops(), "the client's two CPUs, one left to the servers");
        assertEquals(1, Cores.of(1, "", List.of(started)).loops(), "never fewer than one");
    }

    private static Framework framework(String name, Framework.Start start, String cpus) {
        return new Framework(name, null, start, "http://127.0.0.1:" + (start == null ? "8080" : "{port}"), null, null,
                null, null, null, null, cpus, null);
    }

    @Test
    void trialsAreLevelsTimesRepetitionsPerFramework() throws Exception {
        Plan plan = Planner.plan(scenario(), RunSettings.EMPTY, Set.of(), Set.of(), 2);
        assertEquals(2, plan.benchmarks().get(0).frameworks().size());
        assertEquals(1, plan.benchmarks().get(1).frameworks().size(), "the benchmark's subset");
        assertEquals(List.of(new BenchmarkPlan.Trial(10, null, 1), new BenchmarkPlan.Trial(10, null, 2),
                new BenchmarkPlan.Trial(10, null, 3), new BenchmarkPlan.Trial(100, null, 1), new BenchmarkPlan.Trial(100, null, 2),
                new BenchmarkPlan.Trial(100, null, 3)), plan.benchmarks().get(0).trials());
        assertEquals(2 * 6 + 6, plan.trialCount());
        // (10 s + 2 s warm-up) × 12 windows + (4 s + 2 s) × 6 windows
        assertEquals(Duration.ofSeconds(12 * 12 + 6 * 6), plan.loadTime());
    }

    @Test
    void onlyAndBenchmarkSelect() throws Exception {
        Plan plan = Planner.plan(scenario(), RunSettings.EMPTY, Set.of("a"), Set.of(), 2);
        assertEquals(1, plan.benchmarks().size(), "'two' runs only on b, so it drops out");
        Plan two = Planner.plan(scenario(), RunSettings.EMPTY, Set.of(), Set.of("two"), 2);
        assertEquals("two", two.benchmarks().get(0).benchmark().name());
    }

    @Test
    void unknownNamesAreUsageErrors() throws Exception {
        PlanException e = assertThrows(PlanException.class,
                () -> Planner.plan(scenario(), RunSettings.EMPTY, Set.of("c"), Set.of(), 2));
        assertTrue(e.getMessage().contains("unknown framework 'c'"), e.getMessage());
        assertThrows(PlanException.class, () -> Planner.plan(scenario(), RunSettings.EMPTY, Set.of(), Set.of("x"), 2));
    }

    @Test
    void humanDurations() {
        assertEquals("0s", Planner.human(Duration.ZERO));
        assertEquals("500ms", Planner.human(Duration.ofMillis(500)));
        assertEquals("10s", Planner.human(Duration.ofSeconds(10)));
        assertEquals("1.5s", Planner.human(Duration.ofMillis(1500)));
        assertEquals("2m30s", Planner.human(Duration.ofSeconds(150)));
        assertEquals("1h1m", Planner.human(Duration.ofSeconds(3660)));
    }
}
