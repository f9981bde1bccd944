/**
 * What to send and when: the load drivers that run on the event loops.
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
 *                                        at measure end: close everything, stop
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
 * the figure; wrk starts its clock only when it gets round to writing and so under-reports
 * (see the peer-bench notes: its mean is a third below what Little's law implies). The
 * uncorrected latency, from the actual write, is recorded beside it.
 *
 * <p>Only requests due inside the measured window are recorded; warm-up traffic never is.
 * A request that fails is counted under its error kind and is never a latency sample.
 */
package org.mangonel.load;
