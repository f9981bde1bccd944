package org.mangonel.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mangonel.framework.CpuAffinity;
import org.mangonel.framework.LocalHost;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;
import org.mangonel.report.Results;
import org.mangonel.report.ResultsModel.BenchmarkResult;
import org.mangonel.report.ResultsModel.FrameworkResult;
import org.mangonel.report.ResultsModel.FrameworkStatus;
import org.mangonel.report.ResultsModel.RunResults;
import org.mangonel.report.ResultsModel.RunStatus;
import org.mangonel.report.ResultsModel.ScenarioStatus;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;
import org.mangonel.scenario.Framework;

/**
 * Runs a plan and writes its results: each benchmark (its client pinned as asked), each of its
 * frameworks in turn ({@link FrameworkRun}), {@code results.json} rewritten atomically after
 * every framework. One instance per run, used by one thread; {@link #interrupt()},
 * {@link #hurry()} and {@link #killNow()} may be called from another (a signal handler).
 */
public final class Runner {
    private final Plan plan;
    private final Path outDir;
    private final RunConsole console;
    private final String command;
    private final Map<String, Object> environment;
    private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final RunControl control = new RunControl();
    private final List<BenchmarkResult> done = new ArrayList<>();
    private final ServerHosts hosts;

    /**
     * @param plan    what to run
     * @param outDir  the run's output folder (exists, empty)
     * @param console where progress goes
     * @param command the command line, recorded in results
     */
    public Runner(Plan plan, Path outDir, RunConsole console, String command) {
        this.plan = plan;
        this.outDir = outDir;
        this.console = console;
        this.command = command;
        this.environment = EnvironmentProbe.collect();
        this.hosts = new ServerHosts(plan);
    }

    /** Stops the current window and skips the rest; what was measured is kept. Any thread. */
    public void interrupt() {
        control.interrupt();
    }

    /**
     * Like {@link #interrupt()}, and no graceful waits: the current server is killed now and the
     * next stops get no grace period. Results and pages are still written. Any thread.
     */
    public void hurry() {
        control.hurry();
    }

    /** Last resort: kills the current framework's processes at once, without waiting. Any thread. */
    public void killNow() {
        control.killNow();
    }

    /**
     * For {@code --dry-run}: each framework of the plan started on this machine whose requirements
     * fail here, with the reason it would be skipped (the requirement commands are run, nothing is
     * started; a framework on another host is checked there when the run reaches it).
     */
    public static Map<String, String> unmetRequirements(Plan plan) {
        Path scenarioDir = Path.of(plan.scenario().source().directory());
        LocalHost here = new LocalHost(scenarioDir);
        Map<String, String> out = new LinkedHashMap<>();
        for (BenchmarkPlan bp : plan.benchmarks()) {
            for (Framework fw : bp.frameworks()) {
                boolean local = fw.host() == null || fw.host().equals("local");
                if (local && !out.containsKey(fw.name())) {
                    try {
                        FrameworkRun.requirements(fw, here, here.directory(fw.cwd()))
                                .ifPresent(reason -> out.put(fw.name(), reason));
                    } catch (org.mangonel.framework.HostException e) {
                        out.put(fw.name(), e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    /** Runs everything; returns the final results (also written to {@code results.json}). */
    public RunResults run() throws IOException {
        // Server hosts over SSH: connected (and described) before the first framework, closed after the last.
        hosts.open(console, control, environment);
        try {
            return runAll();
        } finally {
            hosts.close();
        }
    }

    private RunResults runAll() throws IOException {
        Path scenarioDir = Path.of(plan.scenario().source().directory());
        Timetable timetable = new Timetable(plan);
        Eta eta = new Eta(plan);
        RunConsole shown = eta.around(console);
        int nth = 0;
        for (int b = 0; b < plan.benchmarks().size(); b++) {
            BenchmarkPlan bp = plan.benchmarks().get(b);
            List<FrameworkResult> frameworks = new ArrayList<>();
            String clientPinning = null;
            Optional<String> previousMask = Optional.empty();
            String clientCpus = bp.settings().clientCpus();
            if (!clientCpus.isEmpty() && !control.interrupted()) {
                Optional<String> problem = CpuAffinity.problem(clientCpus);
                previousMask = problem.isPresent() ? Optional.empty() : CpuAffinity.pinSelf(clientCpus);
                clientPinning = problem.orElse(previousMask.isPresent() ? null
                        : "taskset could not pin the client to CPUs " + clientCpus);
                console.info("benchmark " + bp.benchmark().name() + ": client " + (clientPinning == null
                        ? "pinned to CPUs " + clientCpus : "not pinned: " + clientPinning));
            }
            try {
                for (int f = 0; f < bp.frameworks().size(); f++) {
                    Framework fw = bp.frameworks().get(f);
                    Schedule schedule = new Schedule(timetable, b, f);
                    eta.begin(nth++, System.nanoTime());
                    frameworks.add(control.interrupted() ? FrameworkRun.notRun(fw)
                            : new FrameworkRun(bp, fw, scenarioDir, outDir, control, shown, plan.share(), schedule, hosts)
                            .run());
                    write(snapshot(bp, frameworks, clientPinning));
                }
            } finally {
                previousMask.ifPresent(CpuAffinity::restoreSelf);
            }
            done.add(new BenchmarkResult(bp.benchmark(), bp.settings(), clientPinning, bp.sharedCores(), frameworks));
        }
        RunResults results = results(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        write(results);
        return results;
    }

    private RunResults snapshot(BenchmarkPlan bp, List<FrameworkResult> inProgress, String clientPinning) {
        List<BenchmarkResult> all = new ArrayList<>(done);
        all.add(new BenchmarkResult(bp.benchmark(), bp.settings(), clientPinning, bp.sharedCores(), inProgress));
        return new RunResults(plan.scenario(), environment, command, startedAt, null, ScenarioStatus.RUNNING,
                shards(all), all);
    }

    private RunResults results(Instant finished) {
        // measured: a framework that ended well, or one that failed after a window it completed
        // (its server died in a later repetition): that window is on the page
        boolean anyMeasured = done.stream().flatMap(b -> b.frameworks().stream())
                .anyMatch(f -> f.status() == FrameworkStatus.OK || f.levels().stream()
                        .flatMap(l -> l.runs().stream()).anyMatch(run -> run.status() == RunStatus.OK));
        ScenarioStatus status = control.interrupted() ? ScenarioStatus.INTERRUPTED
                : anyMeasured ? ScenarioStatus.OK : ScenarioStatus.FAILED;
        return new RunResults(plan.scenario(), environment, command, startedAt, finished, status, shards(done), done);
    }

    /**
     * A sharded or scheduled run's part: which shard, on which host, from when; and a note when a
     * window's traffic began late. Null for an ordinary run.
     */
    private ResultsFile.Shards shards(List<BenchmarkResult> benchmarks) {
        if (plan.share().whole() && plan.startAt() == null) {
            return null;
        }
        double lateMs = 0;
        int late = 0;
        for (BenchmarkResult b : benchmarks) {
            for (FrameworkResult f : b.frameworks()) {
                for (var level : f.levels()) {
                    for (var run : level.runs()) {
                        if (run.lateMs() != null && run.lateMs() > Trials.LATE_NOTE_NS / 1e6) {
                            late++;
                            lateMs = Math.max(lateMs, run.lateMs());
                        }
                    }
                }
            }
        }
        String note = late == 0 ? null : String.format(java.util.Locale.ROOT, "shard %d began %d window%s late (at"
                + " most %.0f ms); those windows are marked (late_ms) and were not moved", plan.share().index(), late,
                late == 1 ? "" : "s", lateMs);
        return new ResultsFile.Shards(plan.share().count(), plan.share().index(), List.of(EnvironmentProbe.host()),
                plan.startAt() == null ? null : plan.startAt().toString(), note);
    }

    private void write(RunResults results) throws IOException {
        ResultsJson.write(Results.file(results), outDir.resolve("results.json"));
    }
}
