package org.mangonel.cli;

import org.mangonel.run.RunConsole;
import org.mangonel.run.Runner;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run. Nothing measured is ever lost to a signal:
 *
 * <pre>
 *   1st signal  → stop the load; the runner stops the current server gracefully, writes
 *                 results.json, and the pages are rendered
 *   2nd signal  → quit at once: the servers are killed without a grace period and no drain is
 *                 awaited, but results.json and the pages are still written (atomically)
 *   3rd signal  → exit immediately (the files on disk are whole: each is written to a temporary
 *                 file and renamed, so at worst they hold the previous framework's snapshot)
 * </pre>
 * Signals closer together than {@link #SAME_EVENT_NS} count as one: GNU {@code timeout} (like
 * several supervisors) sends the signal to its child and then to the child's process group, so a
 * single Ctrl-C or {@code kill} arrives twice within microseconds. Uses {@code sun.misc.Signal}
 * (module jdk.unsupported, present in every JDK 17), because a shutdown hook cannot tell a first
 * Ctrl-C from a second.
 */
final class Interrupts {
    /** Signals this close together are one event. */
    static final long SAME_EVENT_NS = 500_000_000L;

    private final RunConsole console;
    private SignalHandler previousInt;
    private SignalHandler previousTerm;
    private Runner runner;
    private int count;
    private long lastNs;

    private Interrupts(RunConsole console) {
        this.console = console;
    }

    /**
     * Takes over SIGINT and SIGTERM. Install it before the run's folder is created: a signal that
     * comes before the runner exists is kept and applied when {@link #attach} hands it over.
     */
    static Interrupts install(RunConsole console) {
        Interrupts interrupts = new Interrupts(console);
        SignalHandler handler = interrupts::handle;
        interrupts.previousInt = trySet("INT", handler);
        interrupts.previousTerm = trySet("TERM", handler);
        return interrupts;
    }

    /** The runner the signals now go to; signals received before are applied to it at once. */
    synchronized void attach(Runner target) {
        runner = target;
        if (count >= 1) {
            target.interrupt();
        }
        if (count >= 2) {
            target.hurry();
        }
    }

    private synchronized void handle(Signal signal) {
        long nowNs = System.nanoTime();
        if (count > 0 && nowNs - lastNs < SAME_EVENT_NS) {
            return;
        }
        lastNs = nowNs;
        count++;
        String name = "SIG" + signal.getName();
        if (count == 1) {
            console.info("mangonel: " + name + ": stopping; writing what was measured (again to quit at once)");
            if (runner != null) {
                runner.interrupt();
            }
        } else if (count == 2) {
            console.info("mangonel: " + name + " again: quitting at once; servers killed, writing what was"
                    + " measured (once more to exit without waiting for that)");
            if (runner != null) {
                runner.hurry();
            }
        } else {
            if (runner != null) {
                runner.killNow();
            }
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
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
