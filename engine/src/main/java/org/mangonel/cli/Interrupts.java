package org.mangonel.cli;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.mangonel.run.Runner;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM during a run. Nothing measured is ever lost to a signal:
 *
 * <pre>
 *   1st signal  → stop the load; a scenario's runner stops the current server gracefully, writes
 *                 results.json, and the pages are rendered; engine load prints its figures
 *   2nd signal  → quit at once: the servers are killed without a grace period and no drain is
 *                 awaited, but results.json and the pages are still written (atomically); a
 *                 target with nothing to hurry (engine load) exits here
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

    /**
     * What the signals act on.
     *
     * @param interrupt the first signal: stop the load, keep what was measured
     * @param hurry     the second: skip the graceful waits; false when there are none (the process
     *                  then exits)
     * @param killNow   the third, just before the process halts: kill what was started
     */
    record Target(Runnable interrupt, BooleanSupplier hurry, Runnable killNow) {
    }

    private final Consumer<String> say;
    private final String keeping;
    private SignalHandler previousInt;
    private SignalHandler previousTerm;
    private Target target;
    private int count;
    private long lastNs;

    private Interrupts(Consumer<String> say, String keeping) {
        this.say = say;
        this.keeping = keeping;
    }

    /**
     * Takes over SIGINT and SIGTERM. Install it before the run's folder is created: a signal that
     * comes before the target exists is kept and applied when {@link #attach} hands it over.
     *
     * @param say     where the lines about a signal go
     * @param keeping what the first signal leads to, e.g. "writing what was measured"
     */
    static Interrupts install(Consumer<String> say, String keeping) {
        Interrupts interrupts = new Interrupts(say, keeping);
        SignalHandler handler = interrupts::handle;
        interrupts.previousInt = trySet("INT", handler);
        interrupts.previousTerm = trySet("TERM", handler);
        return interrupts;
    }

    /** A scenario's runner as the target. */
    static Target of(Runner runner) {
        return new Target(runner::interrupt, () -> {
            runner.hurry();
            return true;
        }, runner::killNow);
    }

    /** A target that only stops, with nothing to hurry or kill: the second signal exits at once. */
    static Target stopping(Runnable stop) {
        return new Target(stop, () -> false, () -> { });
    }

    /** What the signals now go to; signals received before are applied to it at once. */
    synchronized void attach(Target to) {
        target = to;
        if (count >= 1) {
            to.interrupt().run();
        }
        if (count >= 2 && !to.hurry().getAsBoolean()) {
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
    }

    /** Whether a signal came. */
    synchronized boolean received() {
        return count > 0;
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
            say.accept("mangonel: " + name + ": stopping; " + keeping + " (again to quit at once)");
            if (target != null) {
                target.interrupt().run();
            }
        } else if (count == 2 && (target == null || target.hurry().getAsBoolean())) {
            say.accept("mangonel: " + name + " again: quitting at once; servers killed, writing what was"
                    + " measured (once more to exit without waiting for that)");
        } else {
            if (target != null) {
                target.killNow().run();
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
