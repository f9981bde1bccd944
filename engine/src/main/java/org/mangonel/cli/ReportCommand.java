package org.mangonel.cli;

import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mangonel.results.AtomicFiles;
import org.mangonel.report.CsvExport;
import org.mangonel.report.ReportRenderer;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.ResultsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code engine report RESULTS.json}: renders reports again from a results file alone. */
@Command(name = "report", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        description = {"Render reports from a results.json, without running anything.",
            "By default writes report.md and report.html next to the results file."})
final class ReportCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A results file written by a run.")
    Path results;

    @Option(names = "--template", paramLabel = "FILE",
            description = "Render this template file instead of the defaults (repeatable); FILE.x.ftl writes FILE.x.")
    List<Path> templates;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Take report.md.ftl and report.html.ftl from DIR instead of the built-in ones.")
    Path templatesDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the pages here (default: the results file's folder).")
    Path outDir;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "What to write: pages (report.md and report.html, the default) and/or csv (results.csv, one"
                    + " row per run: benchmark, framework, level, repetition, rps, errors by kind, latency percentiles).")
    List<String> formats;

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        List<String> asked = formats == null ? List.of("pages") : formats;
        for (String f : asked) {
            if (!List.of("pages", "csv").contains(f)) {
                err.println("engine report: --format is pages or csv (or both: pages,csv), found '" + f + "'");
                return ExitCodes.INVALID;
            }
        }
        Map<String, Object> tree;
        ResultsFile file;
        try {
            file = ResultsJson.read(results);
            tree = ResultsJson.tree(file);
        } catch (IOException e) {
            err.println("engine report: cannot read " + results + ": " + e.getMessage());
            return ExitCodes.INVALID;
        } catch (IllegalArgumentException e) {
            err.println("engine report: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        Path dir = outDir != null ? outDir : results.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            if (asked.contains("csv")) {
                Path csv = dir.resolve("results.csv");
                AtomicFiles.write(csv, CsvExport.of(file));
                out.println("wrote " + csv);
            }
            if (!asked.contains("pages")) {
                return ExitCodes.OK;
            }
            if (templates != null && !templates.isEmpty()) {
                for (Path t : templates) {
                    if (!Files.isRegularFile(t)) {
                        err.println("engine report: no template file " + t);
                        return ExitCodes.INVALID;
                    }
                    Path parent = t.toAbsolutePath().getParent();
                    ReportRenderer renderer = new ReportRenderer(parent);
                    Path target = dir.resolve(ReportRenderer.outputName(t.toString()));
                    AtomicFiles.write(target, renderer.render(t.getFileName().toString(), tree));
                    out.println("wrote " + target);
                }
            } else {
                for (Path written : new ReportRenderer(templatesDir).renderDefaults(tree, dir)) {
                    out.println("wrote " + written);
                }
            }
        } catch (IOException | TemplateException e) {
            err.println("engine report: cannot render: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        return ExitCodes.OK;
    }
}
