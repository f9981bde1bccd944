package org.mangonel.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Planner;
import org.mangonel.protocol.Protocols;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.LevelStatus;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunStatus;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.Recorder;
import org.mangonel.stats.RunStats;
import org.mangonel.yaml.ScenarioLoader;

/**
 * The capacity search's decisions, on figures given by a fake server: its windows meet the SLO up
 * to a known rate and miss it above; the level at the load found can be made to fail as a
 * saturated client's does (nothing measured), or to miss the SLO over its longer windows as a
 * server just past its limit does, to see the search step down.
 */
class CapacitySearchTest {
    private static final String YAML = """
            name: c
            duration: 2s
            repetitions: 2
            concurrency: [10]
            frameworks:
              - {name: s, url: "http://127.0.0.1:1"}
            benchmarks:
              - name: b
                urls: [/]
                capacity: {slo: {p99: 100ms}, vary: rate, from: 100/s, to: 3000/s, probes: 9}
            """;

    /**
     * Probes meet the SLO at or below {@code limitRps}; a level's windows (longer) at or below
     * {@code levelLimitRps}, and its first window only when {@code firstLevelWindowMisses};
     * levels at the loads in {@code failAt} measure nothing.
     */
    private static final class FakeServer implements Measurer<Workload> {
        final double limitRps;
        final Set<Double> failAt;
        final List<Double> levelLoads = new ArrayList<>();
        double levelLimitRps = Double.MAX_VALUE;
        boolean firstLevelWindowMisses;
        int windows;

        FakeServer(double limitRps, Set<Double> failAt) {
            this.limitRps = limitRps;
            this.failAt = failAt;
        }

        @Override
        public Run window(Workload load, RunSettings s, int concurrency, Rate rate, String label, int rep,
                          boolean keepLog) {
            windows++;
            double rps = rate.fromPerSecond();
            return ok(rep, (int) rps, rps <= limitRps ? 5 : 500);
        }

        @Override
        public Level level(Workload load, int concurrency, Rate rate, String note) {
            double rps = rate.fromPerSecond();
            levelLoads.add(rps);
            List<Run> runs = new ArrayList<>();
            for (int rep = 1; rep <= 2; rep++) {
                boolean holds = rps <= levelLimitRps && !(firstLevelWindowMisses && rep == 1);
                runs.add(failAt.contains(rps) ? nothing(rep) : ok(rep, (int) rps, holds ? 5 : 500));
            }
            return Verdicts.level(concurrency, rate, runs);
        }

        @Override
        public boolean stopped() {
            return false;
        }

        @Override
        public String frameworkName() {
            return "s";
        }
    }

    private static Run ok(int rep, int requests, long latencyMs) {
        Recorder r = new Recorder(0);
        for (int i = 0; i < requests; i++) {
            r.success(latencyMs * 1_000_000, latencyMs * 1_000_000);
        }
        return run(rep, RunStatus.OK, null, r);
    }

    private static Run nothing(int rep) {
        Recorder r = new Recorder(0);
        r.error(ErrorKind.TIMEOUT);
        return run(rep, RunStatus.FAILED, "no request was answered", r);
    }

    private static Run run(int rep, RunStatus status, String reason, Recorder r) {
        RunStats.Builder b = new RunStats.Builder(0);
        r.addTo(b);
        return new Run(rep, Instant.EPOCH, status, reason, b.build(1_000_000_000L), null, null, null, null, null);
    }

    private static CapacitySearch.Outcome search(FakeServer server) throws Exception {
        BenchmarkPlan bp = Planner.plan(ScenarioLoader.parse(YAML.getBytes(), "c.yaml", "/tmp", "c"),
                RunSettings.EMPTY, Set.of(), Set.of(), 2).benchmarks().get(0);
        Workload w = bp.benchmark().workload();
        return new CapacitySearch<>(bp, Protocols.of(w), w, server).run();
    }

    @Test
    void findsTheHighestLoadThatMeetsTheSloAndMeasuresItOnce() throws Exception {
        FakeServer server = new FakeServer(1000, Set.of());
        CapacitySearch.Outcome o = search(server);
        double found = o.capacity().load();
        assertTrue(found <= 1000 && found >= 800, "bisected to within the probes' reach of 1,000/s: " + found);
        assertEquals(List.of(found), server.levelLoads, "the found load is measured, once");
        assertEquals(1, o.levels().size());
        assertTrue(server.windows <= 9, "at most the probes asked for: " + server.windows);
        assertTrue(o.capacity().reason().contains("missed the SLO"), o.capacity().reason());
    }

    @Test
    void aFoundLoadThatMeasuresNothingStepsDownToTheNextLowerOneThatMetTheSlo() throws Exception {
        FakeServer probing = new FakeServer(1200, Set.of()); // bisected: the next lower met load is near
        double first = search(probing).capacity().load();
        FakeServer server = new FakeServer(1200, Set.of(first));
        CapacitySearch.Outcome o = search(server);
        assertEquals(2, server.levelLoads.size(), "measured twice: " + server.levelLoads);
        assertEquals(first, server.levelLoads.get(0));
        double lower = server.levelLoads.get(1);
        assertTrue(lower < first, "stepped down: " + server.levelLoads);
        assertEquals(lower, o.capacity().load(), "the capacity is the load measured");
        assertEquals(lower, o.capacity().probes().stream().filter(p -> p.met() && p.load() < first)
                .mapToDouble(p -> p.load()).max().orElseThrow(), "the next lower load a probe sustained");
        assertEquals(List.of(LevelStatus.FAILED, LevelStatus.OK), o.levels().stream().map(Level::status).toList(),
                "the failed level is kept");
        assertEquals(lower, o.capacity().achieved(), 0.5, "what was sustained, measured at the lower load");
        assertEquals("at " + (long) first + "/s, the load found: no request was answered",
                o.levels().get(0).reason(), "the failed level says where it was measured");
        String reason = o.capacity().reason();
        assertTrue(reason.contains("it failed (no request was answered") && reason.contains("measured instead"),
                reason);
    }

    @Test
    void aFoundLoadWhoseLongerWindowsMissTheSloStepsDownUntilOneHolds() throws Exception {
        FakeServer server = new FakeServer(1000, Set.of());
        server.levelLimitRps = 500; // held for a probe's second, not for a whole window
        CapacitySearch.Outcome o = search(server);
        // probes met 100, 213, 454 and 967/s (bracketing by 2.13x), missed 1,023/s and above
        assertEquals(967.0, o.capacity().probes().stream().filter(p -> p.met()).mapToDouble(p -> p.load()).max()
                .orElseThrow(), "the load found: " + o.capacity().probes());
        assertEquals(List.of(967.0, 663.0, 454.0), server.levelLoads,
                "the found load; 454/s, the next lower one a probe sustained, is less than half of it, so first"
                        + " their geometric mean; then 454/s");
        assertEquals(List.of(LevelStatus.SUPERSEDED, LevelStatus.SUPERSEDED, LevelStatus.OK),
                o.levels().stream().map(Level::status).toList(), "every level measured is kept");
        assertEquals(454.0, o.capacity().load(), "the capacity is the load that held");
        String first = o.levels().get(0).reason();
        assertTrue(first.startsWith("at 967/s, the load found: p99 was 500.")
                && first.endsWith(" ms, above the SLO; the search stepped down"), first);
        assertTrue(o.levels().get(1).reason().startsWith("at 663/s, stepped down to: "), o.levels().get(1).reason());
        String reason = o.capacity().reason();
        assertTrue(reason.contains("; measured there for longer, p99 was 500.") && reason.contains(" ms, above the SLO,"
                + " so 663/s (between it and 454/s, the next lower load that met the SLO), was measured instead;"
                + " there too p99 was 500.") && reason.endsWith(" ms, above the SLO, so 454/s was measured"), reason);
        assertFalse(reason.contains("uncertain"), reason);
    }

    @Test
    void aStepDownThatMeasuresNothingKeepsTheLevelItLeft() throws Exception {
        FakeServer server = new FakeServer(1000, Set.of(663.0));
        server.levelLimitRps = 500;
        CapacitySearch.Outcome o = search(server);
        assertEquals(List.of(967.0, 663.0), server.levelLoads);
        assertEquals(List.of(LevelStatus.FAILED, LevelStatus.OK), o.levels().stream().map(Level::status).toList(),
                "the measured level stays the framework's, last");
        assertEquals(967.0, o.capacity().load());
        assertTrue(o.capacity().achieved() > 900, "what was measured: " + o.capacity().achieved());
        assertTrue(o.capacity().reason().endsWith("this figure is uncertain"), o.capacity().reason());
    }

    @Test
    void aLowerLoadWithinHalfIsSteppedDownToDirectly() throws Exception {
        FakeServer server = new FakeServer(1200, Set.of());
        server.levelLimitRps = 1000;
        CapacitySearch.Outcome o = search(server);
        double found = server.levelLoads.get(0);
        assertTrue(found > 1000 && found <= 1200, "bisected past 967/s: " + o.capacity().probes());
        assertEquals(List.of(found, 967.0), server.levelLoads, "967/s, a probe's, is more than half of " + found);
        assertEquals(967.0, o.capacity().load());
        assertTrue(o.capacity().reason().endsWith("so the next lower load that met the SLO, 967/s, was measured"
                + " instead"), o.capacity().reason());
    }

    @Test
    void stepsDownAtMostTwiceAndThenSaysTheFigureIsUncertain() throws Exception {
        FakeServer server = new FakeServer(1000, Set.of());
        server.levelLimitRps = 150; // far below what the probes saw
        CapacitySearch.Outcome o = search(server);
        assertEquals(Capacity.MAX_STEP_DOWNS + 1, server.levelLoads.size(), "measured: " + server.levelLoads);
        assertEquals(LevelStatus.OK, o.levels().get(o.levels().size() - 1).status());
        assertTrue(o.capacity().reason().endsWith("this figure is uncertain"), o.capacity().reason());
    }

    @Test
    void aLevelWithOneWindowThatHeldIsNotSteppedDown() throws Exception {
        FakeServer server = new FakeServer(1000, Set.of());
        server.firstLevelWindowMisses = true;
        CapacitySearch.Outcome o = search(server);
        assertEquals(1, server.levelLoads.size(), "measured once: " + server.levelLoads);
        assertEquals(List.of(LevelStatus.OK), o.levels().stream().map(Level::status).toList());
        assertTrue(o.capacity().reason().endsWith("this figure is uncertain"), o.capacity().reason());
    }

    @Test
    void noLowerLoadToStepDownToLeavesTheFailedLevel() throws Exception {
        FakeServer server = new FakeServer(50, Set.of());
        CapacitySearch.Outcome missed = search(server);
        assertNull(missed.capacity().load(), "even 100/s misses a 50/s server");
        assertTrue(missed.levels().isEmpty());

        FakeServer once = new FakeServer(100, Set.of(100.0));
        CapacitySearch.Outcome o = search(once);
        assertEquals(List.of(100.0), once.levelLoads, "the lowest load found fails: nothing lower was sustained");
        assertEquals(LevelStatus.FAILED, o.levels().get(0).status());
    }
}
