package org.mangonel.load;

/**
 * One client connection's state machine, driven by its {@link Worker} on the loop thread.
 * Each protocol has its own.
 */
public interface Session {
    /** Opens the connection for the first time (the worker paces these). */
    void connect(long nowNs);

    /** Traffic starts: send if connected, or as soon as connected. */
    void begin(long nowNs);

    /** Checks deadlines (request timeout, connect timeout, backoff); called every few milliseconds. */
    void onTimer(long nowNs);

    /** Ends traffic and closes the connection; no callback follows. */
    void stop();
}
