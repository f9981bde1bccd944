package org.mangonel.scenario;

/**
 * What a benchmark sends: one record per protocol, read and run by that protocol (see
 * {@code org.mangonel.protocol.Protocols}). Sealed, so the set of workloads is known to the
 * compiler; the protocol registry has exactly one protocol for each (a test checks it).
 */
public sealed interface Workload permits HttpWorkload, ChatWorkload, WebSocketWorkload {
}
