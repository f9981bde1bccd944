package org.mangonel.servers;

/**
 * Gives a relay's memory back to the operating system when its last client has left.
 *
 * <p>A relay taken past what its clients read (a capacity search's overload probe) gathers up to
 * its per-client limit for each of them, and the JVM grows its heap to hold that; once the
 * clients are gone the buffers are garbage, but the heap stays committed, so the server's memory
 * in every later window showed the overload's peak: 0.9 GiB for the line relay and 1.3 GiB for
 * the WebSocket relay against 25–110 MiB for the other servers of the same run. A full
 * collection when no client is connected shrinks the heap (the JVM flags a built-in server is
 * started with, {@code Host.BUILTIN_JVM_FLAGS}, let it shrink at once, down to 16 MiB); it takes
 * milliseconds, during which there is nobody to serve, and runs at most once every 100 ms, so a
 * lone client that comes and goes in a loop does not keep the relay collecting (a longer wait
 * would skip the collection at a window's end after one when all clients were dropped in its
 * middle). Loop thread only.
 */
final class IdleMemory {
    private static final long MIN_INTERVAL_NS = 100_000_000L;

    private long lastNs = System.nanoTime() - MIN_INTERVAL_NS;

    /** The relay has no client left: collect, unless that was done within the last 100 ms. */
    void noClientLeft() {
        long nowNs = System.nanoTime();
        if (nowNs - lastNs >= MIN_INTERVAL_NS) {
            lastNs = nowNs;
            System.gc();
        }
    }
}
