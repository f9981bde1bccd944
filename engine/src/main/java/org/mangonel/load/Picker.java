package org.mangonel.load;

import org.mangonel.scenario.Order;

/**
 * Chooses a connection's next item of a mix (a URL, a message) by its order and weights. One per
 * connection (it holds the cursor and the random state); allocation-free.
 */
public final class Picker {
    private final Order order;
    private final int[] weight;
    private final long[] cumulativeWeight;
    private long state;
    private int cursor;
    private int repeat;

    /**
     * @param weights each item's weight (shared, not copied: do not change it)
     * @param cumulative the running sums of the weights (shared)
     * @param seed    a different one per connection, so connections do not move in step
     */
    public Picker(Order order, int[] weights, long[] cumulative, long seed) {
        this.order = order;
        this.weight = weights;
        this.cumulativeWeight = cumulative;
        this.state = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        if (state == 0) {
            state = 1;
        }
    }

    /** The running sums of {@code weights}, for {@link #Picker}. */
    public static long[] cumulative(int[] weights) {
        long[] out = new long[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            out[i] = total;
        }
        return out;
    }

    /** The index of the next item. */
    public int next() {
        int n = weight.length;
        if (n == 1) {
            return 0;
        }
        switch (order) {
            case SEQUENTIAL -> {
                int i = cursor;
                if (++repeat >= weight[i]) {
                    repeat = 0;
                    cursor = (cursor + 1) % n;
                }
                return i;
            }
            case RANDOM -> {
                return (int) Long.remainderUnsigned(random(), n);
            }
            default -> {
                long r = Long.remainderUnsigned(random(), cumulativeWeight[n - 1]);
                int lo = 0;
                int hi = n - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (r < cumulativeWeight[mid]) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                return lo;
            }
        }
    }

    /** xorshift64*: fast, good enough for choosing, no allocation. */
    private long random() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return x * 0x2545F4914F6CDD1DL;
    }
}
