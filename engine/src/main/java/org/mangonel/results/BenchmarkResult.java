package org.mangonel.results;

import java.util.List;
import java.util.Map;

/**
 * One benchmark: its resolved settings, its workload as its protocol describes it, and each
 * framework.
 *
 * @param model       closed or open
 * @param levelUnit   what a level counts: "connection" or "client"
 * @param successUnit what a success is, plural: "requests", "deliveries", "messages"
 * @param capacity    the capacity search asked for (version 2), or null
 * @param thresholds  the thresholds to check, as written (version 2)
 */
public record BenchmarkResult(String name, String title, String description, String protocol, String model,
                              String levelUnit, String successUnit, Settings settings, Map<String, Object> workload,
                              CapacitySpec capacity, List<String> thresholds, List<FrameworkResult> frameworks) {
    public BenchmarkResult {
        frameworks = frameworks == null ? List.of() : frameworks;
        thresholds = thresholds == null ? List.of() : thresholds;
        levelUnit = levelUnit == null ? ("chat".equals(protocol) ? "client" : "connection") : levelUnit;
        successUnit = successUnit == null ? ("chat".equals(protocol) ? "deliveries" : "requests") : successUnit;
    }

    /**
     * The resolved run settings.
     *
     * @param clientCpus     CPUs the client was pinned to, or null
     * @param clientCpusNote why it was not pinned as asked, or null
     * @param sharedCores    a note when client and servers share cores (version 2), or null
     */
    public record Settings(double durationS, double warmupS, int repetitions, String aggregate,
                           List<Integer> concurrency, long timeoutMs, long connectTimeoutMs, int threads,
                           List<String> rates, String clientCpus, String clientCpusNote, String sharedCores) {
    }

    /**
     * A capacity search: the highest load each framework sustains with p99 within the SLO and no
     * more than {@code errorsPct} failing.
     *
     * @param vary what is raised: rate, concurrency or message_rate
     */
    public record CapacitySpec(double sloP99Ms, double errorsPct, String vary, double from, double to, int probes) {
    }
}
