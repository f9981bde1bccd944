package org.mangonel.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mangonel.load.LoadRun;
import org.mangonel.scenario.Share;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.RunStats;
import org.mangonel.transport.Endpoint;

/**
 * A protocol Mangonel can measure: everything the rest of the engine needs from it, so that the
 * core (YAML loading, planning, running, results, reports) never asks which protocol it holds.
 * A protocol owns, in its own package: its keys of a benchmark and their validation, its pre-run
 * check, its sessions (through the {@link LoadRun} it builds), its counters, its part of
 * results.json, and its report fragment ({@code templates/protocols/NAME.md.ftl} and
 * {@code NAME.html.ftl}). Implementations are stateless singletons, listed once in the registry
 * ({@link Protocols}).
 *
 * @param <W> the workload record this protocol reads and runs
 */
public interface Protocol<W extends Workload> {
    /** The word after {@code protocol:} in a scenario, and in results ({@code http}, {@code chat}, ...). */
    String name();

    /** The workload record this protocol reads and runs. */
    Class<W> workloadType();

    /** This protocol's keys in a benchmark, besides the keys every benchmark has. */
    List<String> keys();

    /** The URL schemes a framework measured by this protocol may use, e.g. {@code http}, {@code https}. */
    List<String> schemes();

    /**
     * Reads this protocol's keys of one benchmark. Problems are reported on the section (with
     * their positions); returns null when the workload is invalid.
     */
    W read(Section benchmark);

    /** What a concurrency level counts, singular: "connection" or "client". */
    String levelUnit();

    /** What a success is, plural, as a rate's unit reads: "requests", "deliveries", "messages". */
    String successUnit();

    /** Whether this workload, with these settings, sends on a schedule (open model). */
    boolean openModel(W workload, RunSettings settings);

    /** Why a concurrency level cannot be run, or null (e.g. a chat needs two clients). */
    default String levelProblem(W workload, int concurrency) {
        return null;
    }

    /** Whether its runs count deliveries lost (a {@code lost} threshold applies). */
    default boolean countsLosses() {
        return false;
    }

    /** What a capacity search may raise for this protocol's benchmarks. */
    default List<Capacity.Vary> capacityVaries() {
        return List.of(Capacity.Vary.RATE, Capacity.Vary.CONCURRENCY);
    }

    /**
     * The workload with a protocol-specific load changed for a capacity search (chat: each
     * client's message rate); the others return it as it is.
     */
    default W atLoad(W workload, Capacity.Vary vary, double load) {
        return workload;
    }

    /**
     * Outcomes of a window that count as failures when judging whether a load was sustained,
     * besides its errors (chat: deliveries lost). Zero by default.
     */
    default long shortfall(RunStats stats) {
        return 0;
    }

    /** How many counters of its own this protocol keeps (the size of its counter enum). */
    default int counters() {
        return 0;
    }

    /**
     * Checks before measuring that the server answers correctly, with the same client code as
     * the load. Empty when it does, else a one-line reason naming the cause.
     */
    Optional<String> verify(W workload, Endpoint endpoint, RunSettings settings);

    /**
     * The load of one level (a concurrency, at a rate in the open model, else null), or this
     * process's {@code share} of it: the concurrency and rate are the whole run's.
     */
    LoadRun load(W workload, Endpoint endpoint, RunSettings settings, int concurrency, Rate rate, Share share);

    /**
     * Why a window that recorded no success failed, e.g. "no successful request", with what the
     * protocol's own counters say of it (the window's {@code stats}).
     */
    String nothingMeasured(RunStats stats);

    /** The workload as results.json describes it under the benchmark's {@code workload}. */
    Map<String, Object> describe(W workload);

    /** Words added to a window's one-line summary, e.g. " of 9,900 expected (0 lost)"; "" for none. */
    default String summary(W workload, RunStats stats) {
        return "";
    }

    /**
     * Merges the protocol's own figures of the same window measured by several shards (each a map
     * as {@link #figures} wrote it). By default numbers are summed, key by key, at every depth.
     */
    default Map<String, Object> mergeFigures(List<Map<String, Object>> shards) {
        return Figures.sum(shards);
    }

    /** Adds this protocol's own figures of one run to its results object (e.g. chat's messages). */
    default void figures(W workload, RunStats stats, Map<String, Object> out) {
    }
}
