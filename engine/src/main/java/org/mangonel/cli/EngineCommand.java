package org.mangonel.cli;

import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.mangonel.plan.Plan;
import org.mangonel.plan.PlanException;
import org.mangonel.plan.Planner;
import org.mangonel.report.ReportRenderer;
import org.mangonel.report.Results;
import org.mangonel.report.ResultsModel.FrameworkStatus;
import org.mangonel.report.ResultsModel.RunResults;
import org.mangonel.report.ResultsModel.ScenarioStatus;
import org.mangonel.results.ResultsFile;
import org.mangonel.run.OutputFolder;
import org.mangonel.run.Runner;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.Durations;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.Rates;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.yaml.ScenarioException;
import org.mangonel.yaml.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine SCENARIO.yaml [options]}: runs a scenario and writes its results and reports. */
@Command(name = "engine", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true, abbreviateSynopsis = true,
        description = {
            "Mangonel, a declarative siege engine for network servers.",
            "",
            "Runs SCENARIO.yaml: starts each framework, checks it answers correctly, measures it at each "
                + "concurrency level with warm-up and repetitions, stops it, and writes results.json, report.md and "
                + "report.html to reports/<scenario>/<UTC timestamp>/ (or --out DIR). Options given here override "
                + "the scenario's settings for every benchmark.",
            ""},
        footer = {"",
            "Exit codes: 0 ok; 1 a framework failed (start, verification or every run); "
                + "2 invalid scenario or usage; 3 nothing could be measured; 4 a threshold was crossed (unless --no-fail); "
                + "130 interrupted.",
            "",
            "Examples:",
            "  engine scenarios/hello.yaml",
            "  engine scenarios/hello.yaml --duration 2s --repetitions 2 -c 10,100",
            "  engine scenarios/hello.yaml --dry-run",
            "  engine validate scenarios/hello.yaml",
            "  engine report reports/hello/<timestamp>/results.json",
            "  engine serve hello --port 8080"})
final class EngineCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml", description = "The scenario to run.")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write results here (a new or empty folder) instead of reports/<scenario>/<timestamp>/.")
    Path outDir;

    @Option(names = "--duration", paramLabel = "TIME", description = "Measured time per repetition, e.g. 10s, 2m.")
    String duration;

    @Option(names = "--warmup", paramLabel = "TIME", description = "Unrecorded traffic before each repetition, e.g. 2s, 0s.")
    String warmup;

    @Option(names = "--repetitions", paramLabel = "N", description = "Measured windows per concurrency level.")
    Integer repetitions;

    @Option(names = "--aggregate", paramLabel = "HOW",
            description = "Which repetition a table shows: best, median or mean.")
    Aggregate aggregate;

    @Option(names = {"-c", "--concurrency"}, split = ",", paramLabel = "N",
            description = "Concurrency levels (connections), e.g. 10,100.")
    List<Integer> concurrency;

    @Option(names = "--timeout", paramLabel = "TIME", description = "Per-request timeout, e.g. 3s.")
    String timeout;

    @Option(names = "--connect-timeout", paramLabel = "TIME", description = "Per-connection connect timeout.")
    String connectTimeout;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Client event-loop threads (default: cores).")
    Integer threads;

    @Option(names = "--client-cpus", paramLabel = "CPUS",
            description = "Pin the client to these CPUs (a taskset list: 1, 2-3, 0,2); \"\" for none.")
    String clientCpus;

    @Option(names = "--rate", split = ",", paramLabel = "RATE",
            description = "Open model: send on a schedule, e.g. 5000/s; a ramp is 100/s..5000/s; several make a sweep.")
    List<String> rates;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Run only these frameworks.")
    List<String> only;

    @Option(names = "--benchmark", split = ",", paramLabel = "NAME", description = "Run only these benchmarks.")
    List<String> benchmarks;

    @Option(names = "--host", paramLabel = "DEST",
            description = "Run the frameworks the engine starts on this host, over SSH: user@server or "
                    + "ssh://user@server:port (the scenario's ssh: settings say how to connect).")
    String host;

    @Option(names = "--templates", paramLabel = "DIR", description = "Render reports with the templates in DIR.")
    Path templatesDir;

    @Option(names = "--dry-run", description = "Print the plan and exit without running anything.")
    boolean dryRun;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run shard I (0-based) of N: this process's share of every level. Frameworks are reached"
                    + " (url:), not started; merge the shards' folders with `engine merge`.")
    String shard;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Begin the first warm-up at this UTC instant (e.g. 2026-11-27T12:00:00Z) and schedule every"
                    + " window from it, so all shards measure the same windows.")
    String startAt;

    @Option(names = "--start-in", paramLabel = "TIME",
            description = "Like --start-at, that long from now (e.g. 30s), rounded down to the second: shards"
                    + " launched a moment apart can get starts a second apart; give them one --start-at instead.")
    String startIn;

    @Option(names = "--no-capacity", description = "Measure the declared levels instead of searching for each"
            + " framework's capacity (for benchmarks that declare capacity:).")
    boolean noCapacity;

    @Option(names = "--no-fail", description = "Exit 0 even when a declared threshold was crossed (the page still says so).")
    boolean noFail;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; only errors and where the results are.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    EngineCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        if (scenarioFile == null) {
            spec.commandLine().usage(err);
            return ExitCodes.INVALID;
        }
        Scenario scenario;
        RunSettings overrides;
        Plan plan;
        try {
            scenario = ScenarioLoader.load(scenarioFile);
            scenario = host == null ? scenario : onHost(scenario, host);
            overrides = overrides();
            plan = Planner.plan(noCapacity ? scenario.withoutCapacity() : scenario, overrides, set(only), set(benchmarks), Runtime.getRuntime().availableProcessors());
            plan = Sharding.apply(plan, shard, startAt, startIn);
        } catch (ScenarioException e) {
            err.println(e.render());
            return ExitCodes.INVALID;
        } catch (PlanException | IllegalArgumentException e) {
            err.println("engine: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (templatesDir != null && !Files.isDirectory(templatesDir)) {
            err.println("engine: --templates " + templatesDir + " is not a folder");
            return ExitCodes.INVALID;
        }
        if (dryRun) {
            try {
                if (outDir != null) {
                    OutputFolder.usable(outDir); // what the run would refuse, the plan refuses too
                }
            } catch (IllegalArgumentException e) {
                err.println("engine: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            out.print(Planner.describe(plan, Runner.unmetRequirements(plan)));
            return ExitCodes.OK;
        }
        TerminalConsole console = new TerminalConsole(err, quiet);
        // Installed before the run's folder exists and removed only after the pages are written:
        // a signal at any moment in between still leaves results.json and the pages in the folder.
        Interrupts interrupts = Interrupts.install(console::info, "writing what was measured");
        RunResults results;
        ResultsFile file;
        Path dir;
        try {
            try {
                dir = outDir != null ? OutputFolder.useExplicit(outDir)
                        : OutputFolder.createTimestamped(Path.of("reports"), scenario.name(), Instant.now());
            } catch (IllegalArgumentException e) {
                err.println("engine: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            console.info("mangonel: " + plan.trialCount() + " measured window(s), about "
                    + Planner.human(plan.loadTime()) + " of load; writing to " + dir);
            Runner runner = new Runner(plan, dir, console, commandText());
            interrupts.attach(Interrupts.of(runner));
            results = runner.run();
            file = Results.file(results);
            try {
                new ReportRenderer(templatesDir).renderDefaults(file, dir);
            } catch (TemplateException e) {
                err.println("engine: the report template failed: " + e.getMessage());
                return ExitCodes.RUN_FAILED;
            }
        } finally {
            interrupts.uninstall();
        }
        out.println("results: " + dir.resolve("results.json"));
        out.println("report:  " + dir.resolve("report.md") + ", " + dir.resolve("report.html"));
        if (file.verdict() != null && !file.verdict().passed()) {
            err.println("thresholds: " + file.verdict().failed().size() + " of " + file.verdict().checked()
                    + " failed:");
            file.verdict().failed().forEach(f -> err.println("  " + f));
        }
        int code = exitCode(results);
        if (code == ExitCodes.OK && file.verdict() != null && !file.verdict().passed() && !noFail) {
            return ExitCodes.THRESHOLD_CROSSED;
        }
        return code;
    }

    private static int exitCode(RunResults results) {
        if (results.status() == ScenarioStatus.INTERRUPTED) {
            return ExitCodes.INTERRUPTED;
        }
        if (results.status() == ScenarioStatus.FAILED) {
            return ExitCodes.RUN_FAILED;
        }
        boolean anyFailed = results.benchmarks().stream().flatMap(b -> b.frameworks().stream())
                .anyMatch(f -> f.status() == FrameworkStatus.FAILED);
        return anyFailed ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    /** The command line's overrides of the scenario's settings; IllegalArgumentException when one is bad. */
    RunSettings overrides() {
        if (repetitions != null && repetitions < 1) {
            throw new IllegalArgumentException("--repetitions must be at least 1");
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        if (concurrency != null && concurrency.stream().anyMatch(c -> c == null || c < 1)) {
            throw new IllegalArgumentException("--concurrency levels must be at least 1");
        }
        if (concurrency != null && new LinkedHashSet<>(concurrency).size() < concurrency.size()) {
            throw new IllegalArgumentException("--concurrency lists a level twice: " + concurrency.stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
        List<Rate> rateList = rates == null ? null : rates.stream().map(EngineCommand::rate).toList();
        if (rateList != null && new LinkedHashSet<>(rateList).size() < rateList.size()) {
            throw new IllegalArgumentException("--rate lists a rate twice: " + String.join(",", rates));
        }
        if (clientCpus != null && !clientCpus.isEmpty() && !clientCpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            throw new IllegalArgumentException("--client-cpus should be a CPU list such as 1, 2-3 or 0,2");
        }
        return new RunSettings(duration("--duration", duration, false), duration("--warmup", warmup, true),
                repetitions, aggregate, concurrency == null ? null : List.copyOf(concurrency),
                duration("--timeout", timeout, false), threads, duration("--connect-timeout", connectTimeout, false),
                clientCpus, rateList);
    }

    private static Scenario onHost(Scenario scenario, String host) {
        try {
            return scenario.onHost(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--host should be " + e.getMessage());
        }
    }

    static Rate rate(String text) {
        try {
            int dots = text.indexOf("..");
            return dots < 0 ? Rate.constant(Rates.parse(text))
                    : new Rate(Rates.parse(text.substring(0, dots)), Rates.parse(text.substring(dots + 2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rate " + e.getMessage());
        }
    }

    /** A duration option's value (null when not given), or an error that names the option. */
    static Duration duration(String option, String text, boolean zeroAllowed) {
        if (text == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(text);
            if (!zeroAllowed && d.isZero()) {
                throw new IllegalArgumentException("must be more than 0");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage());
        }
    }

    private static java.util.Set<String> set(List<String> names) {
        return names == null ? java.util.Set.of() : java.util.Set.copyOf(names);
    }

    private String commandText() {
        return "engine " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
