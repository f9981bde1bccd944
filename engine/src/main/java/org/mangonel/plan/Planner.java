package org.mangonel.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Workload;

/** Builds a {@link Plan} from a scenario and the command line's choices. Stateless. */
public final class Planner {
    private Planner() {
    }

    /**
     * @param scenario      the validated scenario
     * @param commandLine   run settings given on the command line (the top layer)
     * @param onlyFrameworks framework names to keep (empty: all)
     * @param onlyBenchmarks benchmark names to keep (empty: all)
     * @param cores         the machine's cores: {@code threads} defaults to those the client may use
     *                      without taking the servers' (see {@link Cores})
     */
    public static Plan plan(Scenario scenario, RunSettings commandLine, Set<String> onlyFrameworks,
                            Set<String> onlyBenchmarks, int cores) throws PlanException {
        checkNames("framework", onlyFrameworks, scenario.frameworks().stream().map(Framework::name).toList());
        checkNames("benchmark", onlyBenchmarks, scenario.benchmarks().stream().map(Benchmark::name).toList());
        RunSettings base = RunSettings.DEFAULTS;
        List<BenchmarkPlan> out = new ArrayList<>();
        for (Benchmark benchmark : scenario.benchmarks()) {
            if (!onlyBenchmarks.isEmpty() && !onlyBenchmarks.contains(benchmark.name())) {
                continue;
            }
            RunSettings settings = base.overriddenBy(scenario.settings()).overriddenBy(benchmark.settings())
                    .overriddenBy(commandLine);
            List<Framework> frameworks = scenario.frameworksOf(benchmark).stream()
                    .filter(f -> onlyFrameworks.isEmpty() || onlyFrameworks.contains(f.name())).toList();
            if (!frameworks.isEmpty()) {
                Cores share = Cores.of(cores, settings.clientCpus(), frameworks);
                if (settings.threads() == null) {
                    settings = settings.withThreads(share.loops());
                }
                Protocol<Workload> protocol = Protocols.of(benchmark.workload());
                for (int level : settings.concurrency()) {
                    String problem = protocol.levelProblem(benchmark.workload(), level);
                    if (problem != null) {
                        throw new PlanException("benchmark " + benchmark.name() + ": " + problem);
                    }
                }
                out.add(new BenchmarkPlan(benchmark, settings, frameworks, share.note(settings.threads())));
            }
        }
        if (out.isEmpty()) {
            throw new PlanException("nothing to run: no selected benchmark runs on a selected framework");
        }
        return new Plan(scenario, out);
    }

    private static void checkNames(String kind, Set<String> given, List<String> known) throws PlanException {
        for (String name : given) {
            if (!known.contains(name)) {
                throw new PlanException("unknown " + kind + " '" + name + "'; the scenario has: " + String.join(", ", known));
            }
        }
    }

    /** The plan as text, for {@code --dry-run}. */
    public static String describe(Plan plan) {
        return describe(plan, java.util.Map.of());
    }

    /**
     * The plan as text, for {@code --dry-run}.
     *
     * @param skipped frameworks that would be skipped here (name → why): listed, not counted
     */
    public static String describe(Plan plan, java.util.Map<String, String> skipped) {
        int windows = 0;
        Duration load = Duration.ZERO;
        StringBuilder out = new StringBuilder();
        Scenario s = plan.scenario();
        out.append("scenario ").append(s.name()).append(" (").append(s.source().file()).append(")\n");
        for (BenchmarkPlan b : plan.benchmarks()) {
            RunSettings r = b.settings();
            Protocol<Workload> protocol = Protocols.of(b.benchmark().workload());
            String model = !protocol.openModel(b.benchmark().workload(), r) ? "closed model"
                    : r.openModel() ? "open model, rates " + r.rates().stream().map(org.mangonel.scenario.Rate::label)
                    .toList() : "open model";
            out.append("benchmark ").append(b.benchmark().name()).append(" [").append(protocol.name())
                    .append(", ").append(model).append("]: concurrency ").append(r.concurrency()).append(", ")
                    .append(r.repetitions()).append(" repetition(s) of ").append(human(r.duration()))
                    .append(" after ").append(human(r.warmup())).append(" warm-up, ")
                    .append(r.aggregate().word()).append(" kept, timeout ").append(human(r.timeout()))
                    .append(", ").append(r.threads()).append(" thread(s)\n");
            for (Framework f : b.frameworks()) {
                out.append("  ").append(f.name()).append(": ");
                if (f.start() instanceof Framework.Builtin builtin) {
                    out.append("start builtin:").append(builtin.server());
                } else if (f.start() instanceof Framework.Command command) {
                    out.append("start `").append(command.shell()).append('`');
                } else {
                    out.append("already running");
                }
                out.append(", ").append(f.url()).append('\n');
                if (skipped.containsKey(f.name())) {
                    out.append("    skipped here: ").append(skipped.get(f.name())).append('\n');
                    continue;
                }
                windows += b.trialsPerFramework();
                load = load.plus(b.loadTimePerFramework());
                if (b.benchmark().capacity() != null) {
                    out.append("    capacity search: up to ").append(b.benchmark().capacity().probes())
                            .append(" probes of ").append(human(b.probeSettings().duration())).append(", then the load"
                            + " found, ").append(r.repetitions()).append(" repetition(s) (should it miss the SLO,"
                            + " a lower load instead, up to ").append(Capacity.MAX_STEP_DOWNS)
                            .append(" times)\n");
                    continue;
                }
                for (BenchmarkPlan.Trial t : b.trials()) {
                    out.append("    concurrency ").append(t.concurrency())
                            .append(t.rate() == null ? "" : " at " + t.rate().label()).append(", repetition ")
                            .append(t.repetition()).append('\n');
                }
            }
        }
        out.append(windows).append(" measured window(s); load time ").append(human(load))
                .append(" plus server start-up").append(skipped.isEmpty() ? "" : "; " + skipped.size()
                        + " framework(s) would be skipped here").append('\n');
        return out.toString();
    }

    /** 0s, 500ms, 10s, 2m30s. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return ms % 1000 == 0 ? s + "s" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long rest = s % 60;
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (rest > 0 ? rest + "s" : "");
    }
}
