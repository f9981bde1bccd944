package org.mangonel.cli;

import java.io.PrintStream;
import org.mangonel.run.RunConsole;

/**
 * Progress on stderr: on a terminal one line rewritten in place, elsewhere (CI logs, pipes) plain
 * lines; nothing at all with {@code --quiet} except what the run says is worth keeping when it
 * is a failure.
 */
final class TerminalConsole implements RunConsole {
    private final PrintStream err;
    private final boolean quiet;
    private final boolean terminal;
    private boolean lineOpen;

    TerminalConsole(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = System.console() != null && err == System.err;
    }

    @Override
    public synchronized void info(String line) {
        if (quiet && !line.contains("failed")) {
            return;
        }
        endProgress();
        err.println(line);
    }

    @Override
    public synchronized void progress(String line) {
        if (quiet) {
            return;
        }
        if (terminal) {
            err.print("\r\033[2K" + line);
            lineOpen = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public boolean showsProgress() {
        return !quiet;
    }

    @Override
    public synchronized void endProgress() {
        if (lineOpen) {
            err.print("\r\033[2K");
            err.flush();
            lineOpen = false;
        }
    }
}
