package org.mangonel.run;

import org.mangonel.framework.ServerProcess;
import org.mangonel.load.LoadRun;

/**
 * What a signal handler may change while a run goes on: whether to stop, whether to skip the
 * graceful waits, and the window and server process currently running (so they can be stopped
 * from another thread). Written by the run's thread and read by anyone.
 */
final class RunControl {
    private volatile boolean interrupted;
    private volatile boolean hurried;
    private volatile LoadRun current;
    private volatile ServerProcess process;

    boolean interrupted() {
        return interrupted;
    }

    boolean hurried() {
        return hurried;
    }

    /** Stops the current window; what was measured is kept. */
    void interrupt() {
        interrupted = true;
        LoadRun load = current;
        if (load != null) {
            load.stop();
        }
    }

    /** Like {@link #interrupt()}, and kills the current server now. */
    void hurry() {
        hurried = true;
        interrupt();
        killNow();
    }

    void killNow() {
        ServerProcess p = process;
        if (p != null) {
            p.kill();
        }
    }

    /** The window now running (null between windows); stopped at once if the run is interrupted. */
    void window(LoadRun load) {
        current = load;
        if (load != null && interrupted) {
            load.stop();
        }
    }

    void process(ServerProcess p) {
        process = p;
    }
}
