package org.mangonel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A threshold's measured figure is shown in the threshold's unit. */
class ThresholdsTest {
    @Test
    void eachFigureInItsUnit() {
        assertEquals("12.5 ms", Thresholds.measured("p99 < 50ms", 12.5));
        assertEquals("0.104 ms", Thresholds.measured("mean < 10ms", 0.104));
        assertEquals("10,234/s", Thresholds.measured("rps > 10000", 10234));
        assertEquals("10,234.57/s", Thresholds.measured("rps > 10000", 10234.57));
        assertEquals("0.2%", Thresholds.measured("errors < 0.1%", 0.2));
        assertEquals("0%", Thresholds.measured("errors < 0.1%", 0));
        assertEquals("3", Thresholds.measured("lost = 0", 3));
        assertEquals("7", Thresholds.measured("something else", 7), "an unknown threshold: the bare figure");
    }
}
