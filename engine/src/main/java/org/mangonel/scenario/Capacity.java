package org.mangonel.scenario;

import java.util.Locale;
import java.util.Objects;

/**
 * A capacity search: for each framework, the highest load it sustains with the 99th percentile
 * within the SLO and at most {@code errorsPct} of outcomes failing. The engine brackets then
 * bisects, at most {@code probes} short windows per framework, then measures the load found with
 * the benchmark's repetitions; should that measurement not hold the SLO, it measures a lower load
 * instead (the next one a probe sustained, or, when that is under half, the geometric mean of the
 * two), at most {@link #MAX_STEP_DOWNS} times.
 *
 * @param sloP99Ms  the p99 that must hold, milliseconds
 * @param errorsPct the share of errors tolerated, percent
 * @param vary      what is raised
 * @param from      the lowest load tried (a rate per second, or connections/clients)
 * @param to        the highest
 * @param probes    the most short windows per framework
 */
public record Capacity(double sloP99Ms, double errorsPct, Vary vary, double from, double to, int probes) {
    /** How many times the load found may be stepped down when its measurement does not hold the SLO. */
    public static final int MAX_STEP_DOWNS = 2;

    /** What a capacity search raises. */
    public enum Vary {
        /** The open model's request rate (http, websocket). */
        RATE,
        /** The number of connections (closed model) or chat clients. */
        CONCURRENCY,
        /** Chat: messages per second per client. */
        MESSAGE_RATE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Capacity {
        Objects.requireNonNull(vary, "vary");
        if (!(from > 0) || !(to > from) || probes < 2 || !(sloP99Ms > 0) || errorsPct < 0) {
            throw new IllegalArgumentException("capacity needs 0 < from < to, probes ≥ 2, a positive SLO");
        }
    }
}
