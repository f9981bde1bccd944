package org.mangonel.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rate syntax of scenarios and the command line: {@code 5000/s}, {@code 2.5/s}, {@code 120/m}. */
public final class Rates {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|m|h)");

    private Rates() {
    }

    /**
     * Parses a rate into events per second.
     *
     * @throws IllegalArgumentException with a message for the user when the text is not one
     */
    public static double parse(String text) {
        String t = text.trim();
        Matcher m = RATE.matcher(t);
        if (!m.matches()) {
            if (t.matches("\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("needs a unit: write " + t + "/s (per second) or " + t
                        + "/m (per minute)");
            }
            throw new IllegalArgumentException("should be a rate such as 5000/s or 120/m, found '" + t + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double perSecond = switch (m.group(2)) {
            case "s" -> amount;
            case "m" -> amount / 60;
            default -> amount / 3600;
        };
        if (perSecond <= 0) {
            throw new IllegalArgumentException("must be more than 0, found '" + t + "'");
        }
        if (perSecond > 10_000_000) {
            throw new IllegalArgumentException("is above 10,000,000 per second: '" + t + "'");
        }
        return perSecond;
    }

    /** A rate for humans: 5000/s, 2/s, 0.5/s. */
    public static String format(double perSecond) {
        if (perSecond == Math.rint(perSecond)) {
            return (long) perSecond + "/s";
        }
        return String.format(java.util.Locale.ROOT, "%.3g/s", perSecond);
    }
}
