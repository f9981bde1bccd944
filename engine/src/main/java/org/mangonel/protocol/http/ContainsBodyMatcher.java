package org.mangonel.protocol.http;

/**
 * Body contains the needle somewhere, across any split: a Knuth-Morris-Pratt automaton whose
 * state survives between updates.
 */
final class ContainsBodyMatcher implements BodyMatcher {
    private final byte[] needle;
    private final int[] fallback;
    private int matchedLength;
    private boolean found;

    ContainsBodyMatcher(byte[] needle) {
        this.needle = needle.clone();
        this.fallback = new int[needle.length];
        for (int i = 1, k = 0; i < needle.length; i++) {
            while (k > 0 && needle[i] != needle[k]) {
                k = fallback[k - 1];
            }
            if (needle[i] == needle[k]) {
                k++;
            }
            fallback[i] = k;
        }
    }

    @Override
    public void begin() {
        matchedLength = 0;
        found = needle.length == 0;
    }

    @Override
    public void update(byte[] a, int from, int to) {
        for (int i = from; i < to && !found; i++) {
            byte b = a[i];
            while (matchedLength > 0 && b != needle[matchedLength]) {
                matchedLength = fallback[matchedLength - 1];
            }
            if (b == needle[matchedLength]) {
                matchedLength++;
            }
            if (matchedLength == needle.length) {
                found = true;
            }
        }
    }

    @Override
    public boolean matched() {
        return found;
    }

    @Override
    public BodyMatcher copy() {
        return new ContainsBodyMatcher(needle);
    }
}
