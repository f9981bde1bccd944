package org.mangonel.scenario;

/** How a connection picks its next request (or message) from a mix. */
public enum Order {
    /** At random, each item with probability proportional to its weight. */
    WEIGHTED,
    /** Down the list in order, each item {@code weight} times in a row, then from the top. */
    SEQUENTIAL,
    /** At random, every item equally likely (weights ignored). */
    RANDOM;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
