package org.mangonel.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A mapping of a scenario file as a protocol reads it: its own keys of a benchmark, or a mapping
 * nested in them. The YAML package implements it over the parsed document, so no protocol sees
 * SnakeYAML. Every getter reports a wrong value at its line and column and returns null, so a
 * reader reads every key and the user sees every mistake at once. Unknown keys were reported when
 * the section was made.
 */
public interface Section {
    boolean has(String key);

    /** Reports a missing key at the mapping when {@code key} is absent; returns whether present. */
    boolean require(String key);

    /** Any scalar's text (numbers and booleans as written), or null. */
    String string(String key);

    /** An integer within [min, max], or null. */
    Integer integer(String key, long min, long max);

    /** A byte size such as {@code 65536}, {@code 64KiB}, {@code 1MiB}, at least {@code min}; or null. */
    Long size(String key, long min);

    Boolean bool(String key);

    /** One of the given words (case-insensitive), in lower case; or null. */
    String choice(String key, List<String> words);

    /** A duration such as {@code 500ms}, {@code 10s}, at least {@code min}; or null. */
    Duration duration(String key, Duration min);

    /** A rate such as {@code 4/s} or {@code 30/m}, per second; or null. */
    Double rate(String key);

    /** A mapping of names to text (headers, environment), in order; or null. */
    Map<String, String> stringMap(String key);

    /** The items of a list (a single value counts as a list of one); or null. */
    List<Item> list(String key);

    /** A nested mapping with these valid keys; or null when absent or not a mapping (reported). */
    Section section(String key, String what, List<String> keys);

    /** Reports a problem at the value of {@code key} (or at the mapping when it is absent). */
    void error(String key, String message);

    /** One item of a list. */
    interface Item {
        /** The item's text when it is a plain scalar, else null (nothing reported). */
        String scalar();

        /** The item as an integer within [min, max] (named {@code key} in messages), or null. */
        Integer integer(String key, long min, long max);

        /** The item as a mapping with these valid keys (a problem is reported when it is not one). */
        Section section(String what, List<String> keys);

        /** Reports a problem at the item. */
        void error(String message);
    }
}
