/**
 * The scenario model: what a user declared, parsed, validated and frozen.
 *
 * <p>What is here: immutable records ({@link org.mangonel.scenario.Scenario},
 * {@link org.mangonel.scenario.Benchmark}, {@link org.mangonel.scenario.Framework},
 * {@link org.mangonel.scenario.RunSettings}, {@link org.mangonel.scenario.Rate},
 * {@link org.mangonel.scenario.Threshold}, {@link org.mangonel.scenario.Capacity},
 * {@link org.mangonel.scenario.Share}, {@link org.mangonel.scenario.Source}, and each protocol's
 * workload with its parts); the sealed {@link org.mangonel.scenario.Workload}, which permits one
 * workload record per protocol; enums ({@link org.mangonel.scenario.Aggregate},
 * {@link org.mangonel.scenario.Order}, {@code Capacity.Vary}); and the syntax helpers
 * {@link org.mangonel.scenario.Durations} and {@link org.mangonel.scenario.Rates}, which parse
 * {@code 10s} and {@code 5000/s} for the YAML reader and the command line alike
 * ({@code Threshold.parse} does the same for thresholds). Every type is immutable or stateless, so
 * any thread may read it.
 *
 * <p>Who builds them: mostly the {@code yaml} package, with each protocol's reader building its
 * workload record (called through {@code protocol.Section}); the command line too
 * ({@code cli.EngineCommand}'s settings layer, {@code cli.Sharding}'s {@code Share}, and
 * {@code cli.LoadCommand}, which builds an {@code HttpWorkload} for {@code engine load URL}
 * without any scenario); and a few derived ones later ({@code plan} fills in threads,
 * {@code run.CapacitySearch} makes its probes' settings, a protocol's {@code atLoad} its
 * workload at a probe's load, {@code shard.Merge} parses the recorded thresholds).
 * Nothing on the hot path looks anything up by string: the load engine turns these records into
 * pre-encoded bytes and index tables before the first request.
 *
 * <p>This package does no I/O and depends on nothing else in the engine. Run settings are
 * <em>partial</em> ({@link org.mangonel.scenario.RunSettings} fields may be {@code null}, meaning
 * "not set here"): the scenario's top level, each benchmark and the command line each give a
 * layer, and {@code plan} folds them in that order over {@link org.mangonel.scenario.RunSettings#DEFAULTS}.
 */
package org.mangonel.scenario;
