package org.mangonel.net;

/** What a selection key's attachment is: told of readiness, on the loop thread. */
public interface Selectable {
    /**
     * @param readyOps the key's ready operations
     * @param nowNs    the loop pass's clock ({@link System#nanoTime()} scale)
     */
    void onReady(int readyOps, long nowNs);
}
