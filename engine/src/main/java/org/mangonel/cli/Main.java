package org.mangonel.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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
        CommandLine cli = commandLine(out, err, args.length > 0 ? args[0] : null);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintStream out, PrintStream err) {
        return commandLine(out, err, null);
    }

    /**
     * @param first the first argument: when it names a subcommand, only that one is registered
     *              (picocli builds each command's model by reflection, a few ms each, before the
     *              first request of {@code engine load}); otherwise all are, for the usage help
     */
    static CommandLine commandLine(PrintStream out, PrintStream err, String first) {
        EngineCommand engine = new EngineCommand(out, err);
        CommandLine cli = new CommandLine(engine);
        Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
        subcommands.put("validate", () -> new ValidateCommand(out, err));
        subcommands.put("report", () -> new ReportCommand(out, err));
        subcommands.put("serve", () -> new ServeCommand(out, err));
        subcommands.put("load", () -> new LoadCommand(out, err));
        subcommands.put("merge", () -> new MergeCommand(out, err));
        subcommands.put("compare", () -> new CompareCommand(out, err));
        subcommands.put("k8s", () -> new K8sCommand(out, err));
        boolean all = first == null || !subcommands.containsKey(first);
        subcommands.forEach((name, command) -> {
            if (all || name.equals(first)) {
                cli.addSubcommand(name, command.get());
            }
        });
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
