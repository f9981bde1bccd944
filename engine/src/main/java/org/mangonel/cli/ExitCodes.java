package org.mangonel.cli;

/** The public exit codes (docs/DESIGN.md, "Contracts users rely on"): scripts and CI jobs rely on them. */
public final class ExitCodes {
    /** Everything ran. */
    public static final int OK = 0;
    /** A framework failed (start, verification, or every run), or a declared expectation failed. */
    public static final int EXPECTATION_FAILED = 1;
    /** The scenario or the command line is invalid. */
    public static final int INVALID = 2;
    /** The run failed: nothing could be measured. */
    public static final int RUN_FAILED = 3;
    /** A declared threshold was crossed (or compare found a regression past --fail-on-regression). */
    public static final int THRESHOLD_CROSSED = 4;
    /** Interrupted (SIGINT/SIGTERM), after writing what was measured. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
