/**
 * The exact merge of a sharded run ({@code engine merge DIR... --out DIR}): {@link org.mangonel.shard.Merge}
 * reads the shards' folders, checks they belong together and adds their windows;
 * {@code IntervalLogs} adds their per-second {@code .hlog} files. The command itself is
 * {@code cli.MergeCommand}, which writes the merged {@code results.json} and the pages.
 *
 * <h2>Who does what in a sharded run</h2>
 * A run split over several processes or machines ({@code --shard I/N}, {@code --start-at} or
 * {@code --start-in}) is spread over several packages; this one only merges:
 * <ul>
 *   <li>{@code cli.Sharding} reads the options into the plan (a {@link org.mangonel.scenario.Share}
 *       and a common start) and refuses what a shard cannot do: start its own servers (frameworks
 *       are reached by URL) or search for capacity.</li>
 *   <li>{@code run.Timetable} and {@code run.Schedule} give every window a start computed from the
 *       common start, so all shards measure the same windows; {@code run.Runner} records the
 *       shard's index, host and any late start in results.json.</li>
 *   <li>{@link org.mangonel.scenario.Share} says which part a shard runs, and each protocol's
 *       {@code load} applies it: its share of every level's connections or clients, and every
 *       N-th request (or client) of the whole run's schedule.</li>
 *   <li>{@code cli.K8sCommand} and {@code deploy/} start the shards on Kubernetes or Slurm;
 *       {@code cli.ShardWait} ({@code engine k8s await-shards}) waits for them before the merge.</li>
 *   <li>This package merges.</li>
 * </ul>
 *
 * <h2>The merge</h2>
 * It adds what adds exactly: counts are summed, the windows' HdrHistograms added (latency
 * percentiles are computed from the sum, never averaged), the per-second interval logs added
 * second by second (matched by wall-clock time), and a protocol's own figures merged by that
 * protocol ({@code Protocol.mergeFigures}); level summaries ({@code report.Summaries}) and
 * thresholds ({@code report.Thresholds}) are then computed as for one process. Only when a shard's
 * {@code .hlog} is missing is the per-second series added from results.json, where a second's
 * percentiles are the shards' largest, not exact.
 * <pre>
 *   read every shard's results.json ──▶ same scenario (sha256)? run with --shard, same N?
 *        every index once? none still running? same benchmarks and frameworks?
 *        └─ no: refuse in one line, exit 2 (nothing is written, no shard folder is touched)
 *   for each benchmark, framework, level, repetition: add the shards' windows
 *        (windows that began further apart than the warm-up are noted, not refused;
 *         so are shards given different starts)
 *   write the merged .hlog files (Merge), then results.json and the pages (cli.MergeCommand)
 *        into the new folder
 * </pre>
 * One {@code Merge} per merge, on the calling thread. It never writes into a shard's folder.
 */
package org.mangonel.shard;
