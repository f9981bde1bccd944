package org.mangonel.plan;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.mangonel.scenario.Framework;

/**
 * How many event loops the client gets by default, and whether it shares CPUs with the servers
 * it starts. The client may use the CPUs of {@code client_cpus} (all of them when unset). The
 * servers it starts take their {@code cpus:} (all when unset). Where the two overlap, the client
 * leaves the servers their pinned CPUs, or one core when they are not pinned: a load generator
 * that takes every core measures its own contention. Servers that are only reached (a url, no
 * start) take nothing here.
 *
 * @param usable  CPUs the client may use
 * @param overlap CPUs it shares with the servers it starts
 * @param loops   the default number of event loops
 */
record Cores(int usable, int overlap, boolean serversPinned, int machine, int loops) {
    static Cores of(int machineCores, String clientCpus, List<Framework> frameworks) {
        BitSet client = clientCpus.isEmpty() ? all(machineCores) : parse(clientCpus);
        BitSet servers = new BitSet();
        boolean anyStarted = false;
        boolean pinned = true;
        for (Framework f : frameworks) {
            if (!f.managed()) {
                continue;
            }
            anyStarted = true;
            if (f.cpus() == null) {
                pinned = false;
                servers.or(all(machineCores));
            } else {
                servers.or(parse(f.cpus()));
            }
        }
        BitSet shared = (BitSet) client.clone();
        shared.and(servers);
        int usable = Math.max(1, client.cardinality());
        int overlap = anyStarted ? shared.cardinality() : 0;
        int reserved = overlap == 0 ? 0 : pinned ? overlap : 1;
        return new Cores(usable, overlap, pinned, machineCores, Math.max(1, usable - reserved));
    }

    /** A note for the report when client and servers share CPUs, or null when they do not. */
    String note(int threads) {
        if (overlap == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "the client and the servers share %d CPU%s (%s); the client ran %d event"
                + " loop%s", overlap, overlap == 1 ? "" : "s", serversPinned ? "the servers' pinned CPUs"
                : "the servers are not pinned", threads, threads == 1 ? "" : "s");
    }

    private static BitSet all(int n) {
        BitSet b = new BitSet();
        b.set(0, Math.max(1, n));
        return b;
    }

    /** A taskset list: 1, 0-3, 0,2-3. */
    static BitSet parse(String list) {
        BitSet b = new BitSet();
        for (String part : list.split(",")) {
            int dash = part.indexOf('-');
            int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).trim());
            int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).trim());
            b.set(from, to + 1);
        }
        return b;
    }
}
