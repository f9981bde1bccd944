package org.mangonel.run;

import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Workload;

/**
 * What a {@link CapacitySearch} measures with: one window, a level of repetitions, and whether to
 * go on. {@link Trials} against a running server; a test's own figures otherwise.
 *
 * @param <W> the benchmark's workload
 */
interface Measurer<W extends Workload> {
    /** One window (warm-up, measured window, drain) of {@code load}; see {@link Trials#window}. */
    Run window(W load, RunSettings s, int concurrency, Rate rate, String label, int rep, boolean keepLog)
            throws InterruptedException;

    /** One level's repetitions; see {@link Trials#level}. */
    Level level(W load, int concurrency, Rate rate, String note) throws InterruptedException;

    /** Whether to stop: the run interrupted, or the server gone. */
    boolean stopped();

    /** The framework measured, as labels name it. */
    String frameworkName();
}
