package org.mangonel.cli;

import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mangonel.report.Comparison;
import org.mangonel.report.ReportRenderer;
import org.mangonel.results.AtomicFiles;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;
import org.mangonel.run.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine compare A/results.json B/results.json}: what changed from run A to run B. */
@Command(name = "compare", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        description = {"Compare two runs' results: what changed from A to B, beyond noise or not.",
            "Per benchmark, framework and level, the figures of A and B, the change in %% and a verdict (better, worse, or within noise: no larger than that figure's spread"
            + " over either run's repetitions, or 5%% with a single repetition); levels measured in one run only"
            + " are listed. Writes compare.md and compare.html and prints the Markdown. Reads results of any"
            + " version (mangonel-results/1 and /2)."},
        footer = {"", "Exit codes: 0 compared; 2 a file cannot be read, or the runs have nothing in common; 4 with"
            + " --fail-on-regression PCT, a figure got worse beyond noise by more than PCT%%, or a level measured"
            + " in A was not measured in B."})
final class CompareCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "A", description = "The earlier run's results.json (the baseline).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The later run's results.json.")
    Path b;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write compare.md and compare.html (a new or"
            + " empty folder; default reports/compare/<timestamp>/).")
    Path outDir;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit 4 when a figure got worse beyond noise by more than PCT percent.")
    Double failOnRegression;

    CompareCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ResultsFile ra;
        ResultsFile rb;
        try {
            ra = ResultsJson.read(a);
            rb = ResultsJson.read(b);
        } catch (IOException e) {
            err.println("engine compare: cannot read " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IllegalArgumentException e) {
            err.println("engine compare: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        if (failOnRegression != null && failOnRegression < 0) {
            err.println("engine compare: --fail-on-regression must be a percentage, 0 or more");
            return ExitCodes.INVALID;
        }
        Map<String, Object> model = Comparison.of(ra, a.toString(), rb, b.toString(), failOnRegression);
        if (((java.util.List<?>) model.get("levels")).isEmpty()) {
            // A CI job comparing the wrong files must not pass on an empty table.
            err.println("engine compare: the two runs have no level in common (the same benchmark, framework,"
                    + " concurrency and rate, measured in both): nothing to compare");
            err.println("  A: " + measured(ra));
            err.println("  B: " + measured(rb));
            return ExitCodes.INVALID;
        }
        try {
            Path dir = outDir != null ? OutputFolder.useExplicit(outDir)
                    : OutputFolder.createTimestamped(Path.of("reports"), "compare", Instant.now());
            ReportRenderer renderer = new ReportRenderer(null);
            String md = renderer.renderModel("compare.md.ftl", Map.of("comparison", model));
            AtomicFiles.write(dir.resolve("compare.md"), md);
            AtomicFiles.write(dir.resolve("compare.html"), renderer.renderModel("compare.html.ftl",
                    Map.of("comparison", model)));
            out.print(md);
            out.println();
            out.println("compare: " + dir.resolve("compare.md") + ", " + dir.resolve("compare.html"));
        } catch (IOException | TemplateException | IllegalArgumentException e) {
            err.println("engine compare: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        boolean regressed = !((java.util.List<?>) model.get("regressions")).isEmpty();
        return regressed ? ExitCodes.THRESHOLD_CROSSED : ExitCodes.OK;
    }

    /** What a run measured, briefly: "scenario 'hello': hello × mangonel-hello, python-asyncio". */
    private static String measured(ResultsFile r) {
        StringBuilder out = new StringBuilder("scenario '").append(r.scenario().name()).append("'");
        for (var b : r.benchmarks()) {
            out.append("; ").append(b.name()).append(": ");
            out.append(b.frameworks().stream().filter(f -> f.levels().stream().anyMatch(l -> l.summary() != null))
                    .map(f -> f.name()).reduce((x, y) -> x + ", " + y).orElse("nothing measured"));
        }
        return out.toString();
    }
}
