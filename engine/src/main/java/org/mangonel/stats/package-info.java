/**
 * Counting and latency recording: per-thread recorders, errors by kind, merging, summaries.
 *
 * <p>Each event loop owns one {@link org.mangonel.stats.Recorder} and is its only writer: no
 * locks, no atomics, no allocation per sample (HdrHistogram with a fixed range). When a run
 * ends, the loops stop and their recorders are merged into one {@link org.mangonel.stats.RunStats}
 * on the controlling thread (as wrk2 merges per-thread histograms). While a run is going, a loop
 * publishes a small {@link org.mangonel.stats.Progress} snapshot a few times a second for the
 * progress line; nothing else crosses threads.
 *
 * <p>Latency is recorded in microseconds, twice: from when the request was <em>due</em>
 * (the corrected figure, which counts any time a request waited for the client or for a busy
 * connection) and from when it was actually written (the uncorrected figure most tools print).
 * A failed request is never a latency sample; it is counted under its {@link org.mangonel.stats.ErrorKind}.
 */
package org.mangonel.stats;
