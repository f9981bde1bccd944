package org.mangonel.cli;

import org.mangonel.run.RunConsole;
import org.mangonel.run.Runner;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run: the first stops the load (the runner then stops the current
 * framework, writes what was measured and the report renders); a second one exits at once.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK 17), because a
 * shutdown hook cannot tell a first Ctrl-C from a second.
 */
final class Interrupts {
    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private Interrupts(SignalHandler previousInt, SignalHandler previousTerm) {
        this.previousInt = previousInt;
        this.previousTerm = previousTerm;
    }

    static Interrupts install(Runner runner, RunConsole console) {
        SignalHandler handler = new SignalHandler() {
            private int count;

            @Override
            public synchronized void handle(Signal signal) {
                count++;
                if (count == 1) {
                    console.info("mangonel: SIG" + signal.getName() + ": stopping; writing what was measured"
                            + " (again to quit at once)");
                    runner.interrupt();
                } else {
                    runner.killNow();
                    Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                }
            }
        };
        SignalHandler oldInt = trySet("INT", handler);
        SignalHandler oldTerm = trySet("TERM", handler);
        return new Interrupts(oldInt, oldTerm);
    }

    private static SignalHandler trySet(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException e) {
            return null; // the signal is not available here (or the JVM uses it)
        }
    }

    void uninstall() {
        if (previousInt != null) {
            Signal.handle(new Signal("INT"), previousInt);
        }
        if (previousTerm != null) {
            Signal.handle(new Signal("TERM"), previousTerm);
        }
    }
}
