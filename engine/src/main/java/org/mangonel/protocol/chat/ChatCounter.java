package org.mangonel.protocol.chat;

/** The counters a chat run keeps besides the common ones; names are keys in results. */
public enum ChatCounter {
    /** Messages sent in the window. */
    MESSAGES_SENT,
    /**
     * Messages due in the window that were never sent: their client was not joined when they fell
     * due or its write failed, or the loop was still behind its schedule when the drain ran out
     * or the run was interrupted.
     */
    MESSAGES_UNSENT,
    /**
     * Deliveries expected: each message × the other clients joined when it was sent (or, never
     * sent, when it was due or the window ended): an unsent message's deliveries count as lost.
     */
    DELIVERIES_EXPECTED,
    /** A message delivered again to the same recipient. */
    DUPLICATES,
    /** A line that arrived damaged, or from a sender that does not exist. */
    CORRUPTED
}
