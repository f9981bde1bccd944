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
import org.mangonel.report.ReportRenderer;
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

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Map<String, Object> tree;
        try {
            tree = ReportRenderer.readResults(results);
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
