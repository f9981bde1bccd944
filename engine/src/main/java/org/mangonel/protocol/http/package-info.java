/**
 * HTTP/1.1 as a protocol: a URL mix over keep-alive (or not) connections, optionally pipelined,
 * in the closed model or on a schedule ({@code rate:}), over {@code http://} or {@code https://}.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.mangonel.protocol.http.HttpProtocol}: the {@link org.mangonel.protocol.Protocol}
 *       (keys {@code urls}, {@code order}, {@code keepalive}, {@code expect}, {@code limits},
 *       {@code pipeline}), its per-URL figures in results.json and their exact merge across shards.
 *       {@code HttpReader} reads those keys into an {@link org.mangonel.scenario.HttpWorkload}.</li>
 *   <li>{@link org.mangonel.protocol.http.RequestMix}: the mix made ready before the first request
 *       (each URL's request encoded, each expectation turned into a status table and a
 *       {@link org.mangonel.protocol.http.BodyMatcher} prototype, the weights into a cumulative
 *       table); {@link org.mangonel.protocol.http.HttpLoadSpec}: everything a run needs.
 *       {@code HttpProtocol.loadRun(HttpLoadSpec)} builds the run; {@code engine load URL}
 *       ({@code cli.LoadCommand}) calls it directly, without a scenario.</li>
 *   <li>{@code HttpCheck}: the pre-run check, each URL once with its expectation checked, on a
 *       {@link org.mangonel.load.Probe} loop with the load's own connection, decoder and matchers.</li>
 *   <li>{@code HttpSession}: one client connection, a {@link org.mangonel.load.PacedSession} on a
 *       {@link org.mangonel.load.PacedWorker} whose connecting, failures, timeouts and end are an
 *       {@link org.mangonel.load.ExchangeSession}'s (its state machine is in its own Javadoc).</li>
 *   <li>The codecs: {@link org.mangonel.protocol.http.HttpRequestEncoder},
 *       {@link org.mangonel.protocol.http.HttpResponseDecoder}, and the body matchers
 *       ({@code ExactBodyMatcher}, {@code ContainsBodyMatcher}).</li>
 * </ul>
 *
 * <h2>One request</h2>
 * <pre>
 *   the worker's Pacer says a request is due ──▶ HttpSession picks the next URL of the mix and
 *     writes its ready bytes to the connection (TCP or TLS, see transport)
 *   the loop reads ──▶ HttpResponseDecoder.decode (the body streams through the URL's matcher)
 *     ──COMPLETE──▶ if it was due in the measured window, record in the loop's Recorder its
 *                   status code, and its latency from when it was due or, if the expectation
 *                   failed, a status or body error; then send again (keep-alive)
 *     ──ERROR─────▶ a protocol error; the connection is replaced (see Redial)
 * </pre>
 *
 * <h2>Threads</h2>
 * {@code HttpProtocol} and {@code HttpReader} are stateless and called on the run's thread.
 * {@code RequestMix} and {@code HttpLoadSpec} are immutable and shared by all loops. A session,
 * its decoder and its matchers belong to one connection and are used only by the event loop
 * thread that owns it. The check runs on the {@code Probe}'s loop, which is the run's thread.
 *
 * <h2>The codecs</h2>
 * <p>Requests are encoded once per URL at setup ({@link org.mangonel.protocol.http.HttpRequestEncoder});
 * per request the load engine only copies the ready bytes.
 *
 * <p>{@link org.mangonel.protocol.http.HttpResponseDecoder} is an explicit state machine fed whatever
 * bytes arrived, split anywhere: a response may arrive one byte at a time or several pipelined
 * responses in one read. It keeps no copy of what it reads (only a small buffer for the values of
 * the three headers that frame a response), so it allocates nothing per response and a huge
 * header or body costs no memory; the limits turn them into protocol errors. Outcomes are return
 * codes, never exceptions: the event loop calls it for every read.
 */
package org.mangonel.protocol.http;
