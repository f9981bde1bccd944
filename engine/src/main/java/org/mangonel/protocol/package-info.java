/**
 * The protocol seam: how the engine measures any protocol without asking which one it holds.
 *
 * <p>A {@link org.mangonel.protocol.Protocol} is a stateless singleton that answers everything the
 * core needs about one protocol. The {@link org.mangonel.protocol.Protocols} registry loads them
 * once, one line each in {@code META-INF/services/org.mangonel.protocol.Protocol}, and finds the
 * one for a workload by its record's class ({@code of}) or for a name ({@code named}). Where the
 * core calls it (all on the main thread, outside any event loop; sessions are what runs on loops):
 * <pre>
 *   yaml    protocol: NAME picks it (http when a benchmark has none) ──▶ keys(), read(Section): its own
 *           keys, validated (a key of another protocol says which); schemes() checks the
 *           frameworks' URLs; countsLosses(), capacityVaries() check thresholds: and capacity:
 *   plan    levelProblem(W, concurrency): a level it cannot run; openModel(W, RunSettings) for --dry-run
 *   run     FrameworkRun: verify(W, Endpoint, RunSettings), the pre-run check on a load.Probe loop
 *                         with the load's own connection and codecs
 *           Trials:       load(W, Endpoint, RunSettings, int concurrency, Rate rate, Share share)
 *                         ──▶ a LoadRun of its sessions for one level (rate null in the closed
 *                         model), or this shard's part of it; then nothingMeasured(stats) (the
 *                         reason when a window had no success), summary() and successUnit()
 *                         (its progress and one-line summary)
 *           CapacitySearch: shortfall(), atLoad(), levelUnit(), successUnit()
 *   report  Results: name(), describe(W) (its "workload" in results.json), figures(W, RunStats, out)
 *           (its own figures of a run), openModel(), levelUnit(), successUnit();
 *           templates/protocols/NAME.{md,html}.ftl: its part of the pages
 *   shard   Merge: mergeFigures(shards' figures), found by the name results.json records
 *           (numbers summed key by key unless the protocol overrides it)
 * </pre>
 * Each workload is a record of the sealed {@link org.mangonel.scenario.Workload}, so the set is
 * known to the compiler; {@code ArchitectureTest} checks that the registry serves each permitted
 * record exactly once. A protocol's sessions run on {@code load}'s workers and pacing and reach the
 * wire through a {@link org.mangonel.transport.Transport}, so they never know whether their bytes
 * are encrypted. {@link org.mangonel.protocol.Section} is how a protocol reads YAML without seeing
 * SnakeYAML; {@link org.mangonel.protocol.Figures} sums figures for {@code mergeFigures};
 * {@link org.mangonel.protocol.FailureWords} puts a transport failure in words for the checks.
 *
 * <h2>Adding a protocol</h2>
 * These files, and their tests:
 * <ol>
 *   <li>a package {@code org.mangonel.protocol.NAME} with its Protocol, reader, check
 *       ({@code load.Probe.Check}), worker or sessions, codecs and a {@code package-info.java};</li>
 *   <li>its workload record in {@code scenario}, and that record in the {@code permits} of
 *       {@code scenario/Workload.java};</li>
 *   <li>one line in {@code META-INF/services/org.mangonel.protocol.Protocol};</li>
 *   <li>{@code templates/protocols/NAME.md.ftl} and {@code NAME.html.ftl}.</li>
 * </ol>
 * Only if it brings a URL scheme no protocol uses yet: its default port goes in
 * {@code transport/Endpoint.java} (an unknown scheme gets 80), and a scheme that runs over TLS must
 * also be added to {@code Framework.Tls.SCHEMES} in {@code scenario/Framework.java} (and to the
 * message about a misplaced {@code tls:} in {@code yaml/ScenarioLoader.java}, which names them).
 * A built-in server for it adds to {@code servers}, {@code cli/ServeCommand.java} and
 * {@code Framework.Builtin.NAMES} in {@code scenario/Framework.java}.
 *
 * <p>So "the core never names a protocol" has these known exceptions, none of which a new
 * protocol needs to change: {@code yaml.ScenarioLoader} takes {@code http} when a benchmark names
 * no protocol; {@code results.BenchmarkResult} fills in the level and success units of a
 * {@code mangonel-results/1} file (which has none) from the protocol's name, {@code chat} or
 * anything else; {@code cli.LoadCommand} ({@code engine load URL}) builds and runs an HTTP load
 * with {@code protocol.http} directly; and the built-in WebSocket servers use
 * {@code protocol.websocket}'s codecs.
 */
package org.mangonel.protocol;
