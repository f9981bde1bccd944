package org.mangonel.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.mangonel.Version;
import picocli.CommandLine;

/** The {@code engine} program. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit code (for tests, too). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        EngineCommand engine = new EngineCommand(out, err);
        CommandLine cli = new CommandLine(engine);
        cli.addSubcommand("validate", new ValidateCommand(out, err));
        cli.addSubcommand("report", new ReportCommand(out, err));
        cli.addSubcommand("serve", new ServeCommand(out, err));
        cli.addSubcommand("load", new LoadCommand(out, err));
        cli.addSubcommand("merge", new MergeCommand(out, err));
        cli.addSubcommand("compare", new CompareCommand(out, err));
        cli.addSubcommand("k8s", new K8sCommand(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("engine: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return ExitCodes.RUN_FAILED;
        });
        return cli;
    }

    /** Supplies {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mangonel " + Version.VERSION + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
