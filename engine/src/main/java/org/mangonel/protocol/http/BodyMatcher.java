package org.mangonel.protocol.http;

/**
 * Checks a response body as it streams past, without keeping it. One instance per connection
 * (it holds the progress of the current body); allocation-free after construction.
 */
public interface BodyMatcher {
    /** Starts a new body. */
    void begin();

    /** Feeds body bytes {@code a[from, to)}. */
    void update(byte[] a, int from, int to);

    /** Whether the whole body, now complete, matched. */
    boolean matched();

    /** A fresh matcher of the same kind and target, for another connection. */
    BodyMatcher copy();

    /** Matches a body equal to the given bytes. */
    static BodyMatcher equalTo(byte[] expected) {
        return new ExactBodyMatcher(expected);
    }

    /** Matches a body containing the given bytes. */
    static BodyMatcher containing(byte[] needle) {
        return new ContainsBodyMatcher(needle);
    }
}
