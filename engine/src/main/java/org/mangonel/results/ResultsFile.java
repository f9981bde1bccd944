package org.mangonel.results;

import java.util.List;
import java.util.Map;

/**
 * A whole results.json.
 *
 * @param schema      {@code mangonel-results/2} (version 1 files read into the same records)
 * @param status      running (rewritten as the run goes), ok, failed or interrupted
 * @param shards      how the run was split over processes (version 2), or null for one process
 * @param verdict     the thresholds' outcome (version 2), or null when there were none
 */
public record ResultsFile(String schema, Engine engine, ScenarioRef scenario, Map<String, Object> environment,
                          String command, String startedAt, String finishedAt, String status, Shards shards,
                          Verdict verdict, List<BenchmarkResult> benchmarks) {
    /** The schema this version writes. */
    public static final String SCHEMA = "mangonel-results/2";
    /** What every version's schema starts with. */
    public static final String SCHEMA_FAMILY = "mangonel-results/";

    public ResultsFile {
        benchmarks = benchmarks == null ? List.of() : benchmarks;
        environment = environment == null ? Map.of() : environment;
    }

    public record Engine(String name, String version) {
    }

    /** The scenario, and the SHA-256 of the file's bytes. */
    public record ScenarioRef(String name, String title, String description, String file, String sha256) {
    }

    /**
     * A sharded run: this file is shard {@code index} of {@code count} (or, after a merge, all of
     * them, {@code index} null), run on {@code hosts}, all windows scheduled from {@code startAt}.
     *
     * @param late a note when a shard started after the common start (its windows marked), or null
     */
    public record Shards(int count, Integer index, List<String> hosts, String startAt, String late) {
    }

    /**
     * The thresholds: whether all held, and each breach ("benchmark · framework · level: p99 &lt; 50ms
     * was 73.2 ms").
     */
    public record Verdict(boolean passed, int checked, List<String> failed) {
        public Verdict {
            failed = failed == null ? List.of() : failed;
        }
    }
}
