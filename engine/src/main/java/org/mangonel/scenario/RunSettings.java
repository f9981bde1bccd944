package org.mangonel.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One layer of run settings. Any field may be {@code null}, meaning "not set in this layer";
 * {@link #overriddenBy(RunSettings)} stacks a layer on top of another. A fully resolved value (every
 * field set) is what the plan hands to the load engine.
 *
 * @param duration     length of each measured window
 * @param warmup       unrecorded traffic before each measured window
 * @param repetitions  measured windows per concurrency level
 * @param aggregate    how the published figure is chosen from the repetitions
 * @param concurrency  connection counts (closed model) or clients (chat), one trial set each
 * @param timeout      per request: how long to wait for a complete response after sending it
 * @param threads      event-loop threads of the client
 * @param connectTimeout how long establishing one connection may take
 * @param clientCpus   CPUs the client is pinned to during the benchmark (taskset list, e.g.
 *                     {@code "1"} or {@code "2-3"}), or "" for no pinning
 * @param rates        open model: request rates, one trial set each; an empty list means the
 *                     closed model
 */
public record RunSettings(Duration duration, Duration warmup, Integer repetitions, Aggregate aggregate,
                          List<Integer> concurrency, Duration timeout, Integer threads,
                          Duration connectTimeout, String clientCpus, List<Rate> rates) {

    /** A layer that sets nothing. */
    public static final RunSettings EMPTY = new RunSettings(null, null, null, null, null, null, null, null, null,
            null);

    /**
     * Built-in defaults, the bottom layer. {@code threads} defaults to the number of cores and is
     * filled in by the plan, which may look at the machine.
     */
    public static final RunSettings DEFAULTS = new RunSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), 1,
            Aggregate.BEST, List.of(50), Duration.ofSeconds(5), null, Duration.ofSeconds(5), "", List.of());

    public RunSettings {
        concurrency = concurrency == null ? null : List.copyOf(concurrency);
        rates = rates == null ? null : List.copyOf(rates);
    }

    /** This layer with {@code threads} set. */
    public RunSettings withThreads(int n) {
        return new RunSettings(duration, warmup, repetitions, aggregate, concurrency, timeout, n, connectTimeout,
                clientCpus, rates);
    }

    /** This layer with every field that {@code top} sets replaced by top's value. */
    public RunSettings overriddenBy(RunSettings top) {
        if (top == null) {
            return this;
        }
        return new RunSettings(
                pick(top.duration, duration), pick(top.warmup, warmup), pick(top.repetitions, repetitions),
                pick(top.aggregate, aggregate), pick(top.concurrency, concurrency), pick(top.timeout, timeout),
                pick(top.threads, threads), pick(top.connectTimeout, connectTimeout),
                pick(top.clientCpus, clientCpus), pick(top.rates, rates));
    }

    /** Whether requests are sent on a schedule (open model) rather than as connections free up. */
    public boolean openModel() {
        return rates != null && !rates.isEmpty();
    }

    /** True when every field is set. */
    public boolean complete() {
        return duration != null && warmup != null && repetitions != null && aggregate != null
                && concurrency != null && timeout != null && threads != null && connectTimeout != null
                && clientCpus != null && rates != null;
    }

    private static <T> T pick(T top, T bottom) {
        return top != null ? top : bottom;
    }
}
