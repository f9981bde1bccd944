/**
 * What to send and when, for any protocol: the controller of a window ({@link org.mangonel.load.LoadRun}),
 * the per-loop {@link org.mangonel.load.Worker} that protocols extend, connect-and-retry
 * ({@link org.mangonel.load.Redial}) and the session lifecycle around it
 * ({@link org.mangonel.load.ConnectionSession}), the closed and open models of request/response
 * protocols ({@link org.mangonel.load.PacedWorker}, {@link org.mangonel.load.Pacer},
 * {@link org.mangonel.load.Exchanges}, {@link org.mangonel.load.Schedule}, and the session they
 * share, {@link org.mangonel.load.ExchangeSession}), and the pre-run
 * {@link org.mangonel.load.Probe}. It names no protocol: each protocol's sessions live in its own
 * package, built on those two, and reach their worker through its methods.
 *
 * <h2>A run</h2>
 * <pre>
 *   controller (LoadRun)                 each event loop (one Worker per loop)
 *   ───────────────────                  ──────────────────────────────────────
 *   create loops, spread connections ──▶ connect its connections (paced, at most
 *                                        MAX_CONNECTING at once), then report ready
 *   wait until all loops are ready
 *   fix the window: warm-up start,
 *   measure start, measure end      ──▶ start: every connection sends
 *   print progress once a second    ◀── publish progress a few times a second
 *                                        after measure end: drain (what was due in the
 *                                        window is awaited, up to the drain period;
 *                                        an HTTP drain ends once nothing is owed),
 *                                        then close everything, stop
 *   join loops, merge recorders
 * </pre>
 *
 * <h2>When a request is due, and why latency starts there</h2>
 * Latency is measured from the moment a request was <em>due</em>, not from the moment the client
 * managed to write it. In the closed model (a fixed number of connections, one request in flight
 * on each, as siege and wrk run) a request is due the moment its connection became free: when
 * the previous response was read (the loop pass's clock), when its replacement connection began
 * connecting, or when the run started. The next request is written from inside the read
 * callback, so the client's own processing between a response and the next request is inside
 * the figure; wrk starts its clock only when it gets round to writing, so that time is missing
 * from its figure. The uncorrected latency, from the actual write, is recorded beside it.
 * ({@code bench/hiccup.sh} in the repository measures a server that stalls, in both models and
 * with wrk, to show what measuring from the due time changes.)
 *
 * <p>Only requests due inside the measured window, and finished before the drain ends, enter
 * the window's figures and latency histograms; warm-up traffic never does. The per-second series
 * is different: it counts every success and error by the second it completed in, warm-up seconds
 * included (negative seconds, flagged {@code warmup} in results.json, and the intervals before
 * the measured start in the {@code .hlog}), so the ramp-up is visible.
 * A request that fails is counted under its error kind and is never a latency sample.
 */
package org.mangonel.load;
