package org.mangonel.cli;

import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mangonel.report.ReportRenderer;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;
import org.mangonel.run.OutputFolder;
import org.mangonel.shard.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine merge DIR... --out DIR}: the exact merge of a sharded run's folders. */
@Command(name = "merge", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        description = {"Merge the shards of one run (engine SCENARIO --shard I/N) into one result.",
            "Counts summed, histograms added (percentiles from the sum, never averaged), per-second"
            + " interval logs added by wall-clock second; then the usual pages. Refuses shards of different"
            + " scenarios or shard counts, and a missing, repeated or unfinished shard. Never writes into a shard's"
            + " folder."},
        footer = {"", "Exit codes: 0 merged; 2 the shards cannot be merged (the reason in one line); 4 a threshold was"
            + " crossed in the merged figures (unless --no-fail)."})
final class MergeCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The shards' output folders.")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the merged run goes (a new or"
            + " empty folder).")
    Path outDir;

    @Option(names = "--no-fail", description = "Exit 0 even when a threshold was crossed.")
    boolean noFail;

    MergeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ResultsFile merged;
        Path dir;
        try {
            Merge merge = new Merge(shards, outDir).read();
            dir = OutputFolder.useExplicit(outDir);
            merged = merge.merge();
        } catch (Merge.MergeException | IllegalArgumentException e) {
            err.println("engine merge: " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IOException e) {
            err.println("engine merge: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        try {
            ResultsJson.write(merged, dir.resolve("results.json"));
            new ReportRenderer(null).renderDefaults(merged, dir);
        } catch (IOException | TemplateException e) {
            err.println("engine merge: cannot write the merged results: " + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        out.println("merged " + merged.shards().count() + " shards (hosts " + String.join(", ", merged.shards().hosts())
                + ")");
        if (merged.shards().late() != null) {
            out.println("note: " + merged.shards().late());
        }
        out.println("results: " + dir.resolve("results.json"));
        out.println("report:  " + dir.resolve("report.md") + ", " + dir.resolve("report.html"));
        if (merged.verdict() != null && !merged.verdict().passed() && !noFail) {
            merged.verdict().failed().forEach(f -> err.println("threshold: " + f));
            return ExitCodes.THRESHOLD_CROSSED;
        }
        return ExitCodes.OK;
    }
}
