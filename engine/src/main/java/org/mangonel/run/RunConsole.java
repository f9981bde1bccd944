package org.mangonel.run;

/** Where a run tells the user what it is doing. Called from the run's thread. */
public interface RunConsole {
    /** A line worth keeping (a framework starts, is skipped, fails ...). */
    void info(String line);

    /** The current progress, replacing the previous progress line where the terminal allows. */
    void progress(String line);

    /** The progress of a window is over (finish the line). */
    void endProgress();

    /** Whether progress lines are shown at all: when not, nobody formats them (quiet runs). */
    default boolean showsProgress() {
        return true;
    }
}
