package org.mangonel.protocol.http;

/** Body equals the expected bytes exactly. */
final class ExactBodyMatcher implements BodyMatcher {
    private final byte[] expected;
    private long seen;
    private boolean mismatch;

    ExactBodyMatcher(byte[] expected) {
        this.expected = expected.clone();
    }

    @Override
    public void begin() {
        seen = 0;
        mismatch = false;
    }

    @Override
    public void update(byte[] a, int from, int to) {
        for (int i = from; i < to && !mismatch; i++) {
            if (seen >= expected.length || a[i] != expected[(int) seen]) {
                mismatch = true;
            }
            seen++;
        }
    }

    @Override
    public boolean matched() {
        return !mismatch && seen == expected.length;
    }

    @Override
    public BodyMatcher copy() {
        return new ExactBodyMatcher(expected);
    }
}
