/**
 * Expands a scenario into the ordered work of a run: benchmarks × frameworks × concurrency
 * levels × repetitions, with the run settings resolved by stacking their layers
 * (built-in defaults, the scenario's top level, the benchmark, the command line; later wins).
 * Pure computation: no sockets, no processes.
 */
package org.mangonel.plan;
