/**
 * The command line: picocli commands, their options, and what happens around a run that is not
 * the run itself. Each command parses its options, calls the other packages and maps the outcome
 * to the public exit codes ({@link org.mangonel.cli.ExitCodes}).
 *
 * <ul>
 *   <li>{@code engine SCENARIO.yaml} ({@code EngineCommand}): loads the scenario ({@code yaml}),
 *       plans it ({@code plan}) with the command line as the top settings layer, applies
 *       {@code --shard} and {@code --start-at}/{@code --start-in} ({@code Sharding}), makes the
 *       output folder, runs it ({@code run.Runner}), then renders {@code report.md} and
 *       {@code report.html} from the results ({@code report.ReportRenderer}). It installs the
 *       signal handlers ({@code Interrupts}) before the folder exists and removes them only after
 *       the pages are written; {@code TerminalConsole} prints the progress line.</li>
 *   <li>{@code validate}, {@code report} (pages again, or CSV), {@code compare},
 *       {@code merge} (through {@code shard.Merge}), {@code serve} (the built-in servers).</li>
 *   <li>{@code load URL} ({@code LoadCommand}): builds an HTTP load itself (workload, endpoint,
 *       TLS, {@code HttpLoadSpec}) and runs it with {@code protocol.http.HttpProtocol.loadRun},
 *       with no scenario, plan or results file. Unlike the rest of the command line, it names a
 *       protocol package directly.</li>
 *   <li>{@code k8s} ({@code K8sCommand}): prints the Kubernetes manifests of a sharded run as YAML
 *       text ({@code KubeYaml}, a small emitter, since only {@code yaml} may use SnakeYAML);
 *       {@code k8s await-shards} ({@code ShardWait}) polls the shards' folders until every
 *       {@code results.json} says it finished, for the merge Job.</li>
 * </ul>
 *
 * <p>By intent (not checked by {@code ArchitectureTest}) nothing here touches sockets, YAML
 * nodes or histograms directly: {@code load URL} reads its figures from {@code stats} summaries.
 *
 * <p>Threads: commands run on the main thread, which becomes the run's thread. The signal
 * handlers run on the JVM's signal-dispatch thread and act through {@code run.Runner}'s
 * {@code interrupt}, {@code hurry} and {@code killNow} (a third signal halts the JVM with exit
 * code 130); {@code serve} leaves the work to its server loops and waits for them to close.
 */
package org.mangonel.cli;
