package org.mangonel.protocol.chat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.mangonel.load.Window;
import org.mangonel.load.Worker;
import org.mangonel.net.EventLoop;

/**
 * The chat clients of one event loop and their send schedule (open model).
 *
 * <p>Clients are dealt to loops in turn (this process's i-th client lives on loop i mod L; in a
 * sharded run it is client i·N + shard of the whole run, so the shards' clients interleave as one
 * process's would). Client g's k-th message
 * is due at {@code start + g·interval/clients + k·interval}: the whole population's messages are
 * spread evenly in time, and each loop's share is a sequence that only grows, so the next send is
 * found in O(1): the m-th send of a loop with n clients is client m mod n, message m / n. A
 * message is sent when it is due even if the server is slow; its delivery latency is counted
 * from that due time, so a server that stalls shows in the percentiles.
 */
final class ChatWorker extends Worker {
    private final ChatLoadSpec spec;
    private final AtomicInteger joined;
    private final ChatSession[] clients;
    private final ChatLines.Template lines;
    private final long[] phaseNs;
    private long sendIndex;

    /** @param joined clients currently joined, over all loops: the recipients a message is expected to reach */
    ChatWorker(EventLoop loop, CountDownLatch ready, ChatLoadSpec spec, AtomicInteger joined, int loopIndex,
               int loopCount) {
        super(loop, ready, ChatCounter.values().length);
        this.spec = spec;
        this.joined = joined;
        int local = spec.localClients();
        int n = (local - loopIndex + loopCount - 1) / loopCount;
        clients = new ChatSession[n];
        lines = new ChatLines.Template(spec.messageSize(), spec.terminator());
        phaseNs = new long[n];
        long interval = spec.intervalNs();
        for (int k = 0; k < n; k++) {
            int g = (int) spec.share().global(loopIndex + (long) k * loopCount);
            clients[k] = new ChatSession(this, spec, g);
            phaseNs[k] = g * interval / spec.clients();
        }
        sessions(clients);
    }

    /** The message lines this loop's clients send (this loop's thread only). */
    ChatLines.Template lines() {
        return lines;
    }

    /** A client joined. */
    void joined() {
        joined.incrementAndGet();
    }

    /** A client left. */
    void left() {
        joined.decrementAndGet();
    }

    /**
     * The other clients a message sent now should reach: those of this process that are joined,
     * and (in a sharded run) every client of the other shards, which this process cannot see.
     */
    int recipients() {
        return joined.get() + (spec.clients() - spec.localClients()) - 1;
    }

    /**
     * A message due at {@code dueNs} was not sent ({@code sender} not joined, its write failed, or
     * the run over before this loop got to it): counted, when due in the window, as unsent, and its
     * deliveries as expected, so they count as lost instead of vanishing from the figures.
     */
    void unsent(long dueNs, boolean senderJoined) {
        if (records(dueNs)) {
            recorder().count(ChatCounter.MESSAGES_UNSENT);
            recorder().add(ChatCounter.DELIVERIES_EXPECTED, recipients() + (senderJoined ? 0 : 1));
        }
    }

    private long dueNs(long index) {
        int n = clients.length;
        return window().startNs() + phaseNs[(int) (index % n)] + (index / n) * spec.intervalNs();
    }

    @Override
    protected long onSchedule(long nowNs) {
        Window w = window();
        long due = dueNs(sendIndex);
        while (due <= nowNs && due < w.measureEndNs()) {
            clients[(int) (sendIndex % clients.length)].send(sendIndex / clients.length, due, nowNs);
            sendIndex++;
            due = dueNs(sendIndex);
        }
        return due < w.measureEndNs() ? due : Long.MAX_VALUE;
    }

    /**
     * The messages due in the window that this loop never got to send (its drain ran out, or the
     * run was interrupted: the window then ends at the stop).
     */
    @Override
    protected void finishing() {
        if (clients.length == 0) {
            return;
        }
        long endNs = window().measureEndNs();
        for (long i = sendIndex; ; i++) {
            long due = dueNs(i);
            if (due >= endNs) {
                return;
            }
            unsent(due, clients[(int) (i % clients.length)].joined());
        }
    }

    @Override
    protected long followingScheduled() {
        long then = dueNs(sendIndex + 1);
        return then < window().measureEndNs() ? then : Long.MAX_VALUE;
    }
}
