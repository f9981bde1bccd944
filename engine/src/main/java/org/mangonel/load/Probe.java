package org.mangonel.load;

import java.util.Optional;
import org.mangonel.net.EventLoop;

/**
 * Runs a pre-run check on its own short-lived event loop, with the same connections, transports
 * and codecs as the load: a server is verified by the client code that will measure it. The
 * calling thread runs the loop until the check decides or the timeout passes.
 */
public final class Probe {
    private static final long PASS_NS = 10_000_000L;

    /** A check: opens its connections when started, and decides on the loop thread. */
    public interface Check {
        /** Called once, on the loop thread, before the first pass. */
        void start(EventLoop loop, long nowNs);

        /** Null while undecided; empty when the server passed; else why it failed. */
        Optional<String> verdict();

        /** Called every few milliseconds on the loop thread (e.g. to resend); by default nothing. */
        default void onTimer(long nowNs) {
        }

        /** The reason given when the check does not decide in time (what it was waiting for). */
        String timeoutReason();
    }

    private Probe() {
    }

    /**
     * @param check     what to check
     * @param timeoutNs how long it may take
     * @return empty when the server passed, else why not
     */
    public static Optional<String> run(Check check, long timeoutNs) {
        EventLoop loop = new EventLoop();
        long deadlineNs = System.nanoTime() + timeoutNs;
        java.util.concurrent.atomic.AtomicReference<Optional<String>> result =
                new java.util.concurrent.atomic.AtomicReference<>();
        try {
            loop.run(new EventLoop.Driver() {
                private boolean started;

                @Override
                public long tick(long nowNs) {
                    if (!started) {
                        started = true;
                        check.start(loop, nowNs);
                    }
                    check.onTimer(nowNs);
                    Optional<String> verdict = check.verdict();
                    if (verdict != null) {
                        result.set(verdict);
                    } else if (nowNs >= deadlineNs) {
                        result.set(Optional.of(check.timeoutReason()));
                    }
                    return Math.min(deadlineNs, nowNs + PASS_NS);
                }

                @Override
                public boolean finished() {
                    return result.get() != null;
                }
            });
        } finally {
            loop.close();
        }
        return result.get();
    }
}
