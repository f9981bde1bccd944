package org.mangonel.scenario;

/** What a benchmark sends. Each kind has its own protocol and its own load driver. */
public sealed interface Workload permits HttpWorkload, ChatWorkload {
    /** The protocol word used in scenarios and results ({@code http}, {@code chat}). */
    String protocol();
}
