package org.mangonel.results;

import java.util.List;

/**
 * One framework in one benchmark.
 *
 * @param status   ok, interrupted, skipped, failed or not_run
 * @param cpus     what it was to be pinned to; {@code cpusNote} why that was not done
 * @param capacity what the capacity search found (version 2), or null
 */
public record FrameworkResult(String name, String title, String version, String start, String url, String cpus,
                              String cpusNote, String status, String reason, String log, String logTail,
                              List<Level> levels, CapacityResult capacity) {
    public FrameworkResult {
        levels = levels == null ? List.of() : levels;
    }

    /**
     * The highest load this framework sustained with the benchmark's SLO met.
     *
     * @param load      the load found (a rate, connections or a message rate, per {@code vary}), or
     *                  null when even the lowest load missed the SLO
     * @param unit      what the load counts, e.g. "requests/s", "connections", "messages/s per client"
     * @param achieved  what it carried at that load (successes per second)
     * @param probes    every short window of the search, in order
     * @param reason    why the search stopped where it did
     */
    public record CapacityResult(Double load, String unit, Double achieved, List<Probe> probes, String reason) {
        public CapacityResult {
            probes = probes == null ? List.of() : probes;
        }
    }

    /**
     * One window of a capacity search.
     *
     * @param load     the load tried
     * @param rps      successes per second it carried
     * @param p99Ms    its 99th percentile
     * @param errorPct errors as a share of all outcomes
     * @param met      whether the SLO (and the error limit) held
     */
    public record Probe(double load, double rps, double p50Ms, double p99Ms, double errorPct, boolean met) {
    }
}
