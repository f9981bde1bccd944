package org.mangonel.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration syntax of scenarios and the command line: {@code 500ms}, {@code 10s}, {@code 1.5m}, {@code 2h}. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h)");
    private static final Duration MAX = Duration.ofDays(7);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not one
     */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            if (t.startsWith("-")) {
                throw new IllegalArgumentException("must not be negative, found '" + t + "'");
            }
            if (t.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("needs a unit: write " + t + "s, " + t + "ms or " + t
                        + "m (found the bare number " + t + ")");
            }
            throw new IllegalArgumentException("should be a duration such as 500ms, 10s or 5m, found '" + t + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = amount * nanosPerUnit;
        if (nanos > MAX.toNanos()) {
            throw new IllegalArgumentException("is longer than a week: '" + t + "'");
        }
        return Duration.ofNanos(Math.round(nanos));
    }
}
