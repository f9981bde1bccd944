package org.mangonel.load;

/** A request/response session paced by a {@link PacedWorker} (closed or open model). */
public interface PacedSession extends Session {
    /** Open model: this connection's request {@code j} is due now (the worker calls this on time). */
    void due(long j, long nowNs);

    /** Open model: whether a request marked due here is still unsent (the connection is busy or closed). */
    boolean behind();

    /** Whether nothing due in the window is outstanding here: nothing in flight, nothing unsent. */
    boolean drained();
}
