package org.mangonel.scenario;

/**
 * An open-model request rate: constant ({@code from == to}) or a linear ramp from {@code from}
 * to {@code to} over the measured window (the warm-up runs at {@code from}).
 *
 * @param fromPerSecond requests per second at the start
 * @param toPerSecond   requests per second at the end
 */
public record Rate(double fromPerSecond, double toPerSecond) {
    public Rate {
        if (!(fromPerSecond > 0) || !(toPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
    }

    /** A constant rate. */
    public static Rate constant(double perSecond) {
        return new Rate(perSecond, perSecond);
    }

    public boolean ramp() {
        return fromPerSecond != toPerSecond;
    }

    /** "5000/s" or "100/s→5000/s". */
    public String label() {
        return ramp() ? Rates.format(fromPerSecond) + "→" + Rates.format(toPerSecond) : Rates.format(fromPerSecond);
    }
}
