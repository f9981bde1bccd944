/**
 * The scenario model: what a user declared, parsed, validated and frozen.
 *
 * <p>Every type here is an immutable record built once by the {@code yaml} package and read by
 * everything after it. Nothing on the hot path looks anything up by string: the load engine
 * turns these records into pre-encoded bytes and index tables before the first request.
 *
 * <p>This package does no I/O and depends on nothing else in the engine. Run settings are
 * <em>partial</em> ({@link org.mangonel.scenario.RunSettings} fields may be {@code null}, meaning
 * "not set here"): the scenario's top level, each benchmark and the command line each give a
 * layer, and {@code plan} folds them in that order over {@link org.mangonel.scenario.RunSettings#DEFAULTS}.
 */
package org.mangonel.scenario;
