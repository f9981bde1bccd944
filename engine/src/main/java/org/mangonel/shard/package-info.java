/**
 * Runs split over several processes or machines ({@code --shard I/N}, {@code --start-at}), and
 * their exact merge ({@code engine merge}).
 *
 * <p>Each shard runs its part of every level (its share of the connections or clients, every N-th
 * request of the schedule) in windows scheduled from one common start, so all shards measure the
 * same windows. The merge adds what adds exactly: counts are summed, the windows' HdrHistograms
 * added (latency percentiles are then computed from the sum, never averaged), the per-second
 * interval logs added second by second (by wall-clock time), and a protocol's own figures merged
 * by that protocol; summaries and thresholds are then computed as for one process.
 *
 * <pre>
 *   read every shard's results.json ──▶ same scenario (sha256)? same N? every index once? finished?
 *        └─ no: refuse, one line, exit 2 (nothing is written, no shard folder is touched)
 *   for each benchmark, framework, level, repetition: add the shards' windows
 *   write results.json, the merged .hlog files and the pages into a new folder
 * </pre>
 */
package org.mangonel.shard;
