package org.mangonel.scenario;

/** How the figure shown for a cell is chosen from its repetitions. */
public enum Aggregate {
    /** The repetition with the highest throughput (the seed page's method). */
    BEST,
    /** The repetition with the median throughput (lower median for an even count). */
    MEDIAN,
    /** Throughput averaged over repetitions; latency from all repetitions' samples merged. */
    MEAN;

    /** The lower-case word used in scenarios and results. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
