package org.mangonel.protocol.chat;

/** The counters a chat run keeps besides the common ones; names are keys in results. */
public enum ChatCounter {
    /** Messages sent in the window. */
    MESSAGES_SENT,
    /** Deliveries expected: each message × the other clients joined when it was sent. */
    DELIVERIES_EXPECTED,
    /** A message delivered again to the same recipient. */
    DUPLICATES,
    /** A line that arrived damaged, or from a sender that does not exist. */
    CORRUPTED
}
