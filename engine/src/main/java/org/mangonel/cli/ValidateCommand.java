package org.mangonel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mangonel.scenario.Scenario;
import org.mangonel.yaml.ScenarioException;
import org.mangonel.yaml.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code engine validate FILE...}: checks scenarios without running anything. */
@Command(name = "validate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        description = {"Check scenario files and report every problem as FILE:LINE:COL: message.",
            "Exit code 0 when all are valid, 2 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files to check.")
    List<Path> files;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        int code = ExitCodes.OK;
        for (Path file : files) {
            try {
                Scenario s = ScenarioLoader.load(file);
                out.printf("%s: ok (%d framework%s, %d benchmark%s)%n", file, s.frameworks().size(),
                        s.frameworks().size() == 1 ? "" : "s", s.benchmarks().size(), s.benchmarks().size() == 1 ? "" : "s");
            } catch (ScenarioException e) {
                err.println(e.render());
                code = ExitCodes.INVALID;
            }
        }
        return code;
    }
}
