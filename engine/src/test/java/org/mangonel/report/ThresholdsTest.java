package org.mangonel.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mangonel.results.Figures;
import org.mangonel.results.Latency;
import org.mangonel.results.Summary;

/** A threshold's measured figure is shown in the threshold's unit. */
class ThresholdsTest {
    /** An open model that sent 400 of 1,000 requests due, all answered. */
    @Test
    void requestsNeverSentCountAsErrors() {
        Latency latency = new Latency(0.1, 1, 1, 1, 1, 1, 1, 1);
        Summary s = new Summary("best", 1, false, 1, 400, Map.of("total", 0L), Map.of(), 1, 400, 0, 0, 0, latency,
                latency, new Figures.OpenModel(1000, 400, 40, 400, 600), null, null, null, null, null, false, null);
        assertEquals(60.0, Thresholds.actual("errors", s), 1e-9, "600 of 1,000 due were never sent");
    }

    @Test
    void eachFigureInItsUnit() {
        assertEquals("12.5 ms", Thresholds.measured("p99 < 50ms", 12.5));
        assertEquals("0.104 ms", Thresholds.measured("mean < 10ms", 0.104));
        assertEquals("10,234/s", Thresholds.measured("rps > 10000", 10234));
        assertEquals("10,235/s", Thresholds.measured("rps > 10000", 10234.57));
        assertEquals("5.38 s", Thresholds.measured("p99 < 50ms", 5382.143));
        assertEquals("0.2%", Thresholds.measured("errors < 0.1%", 0.2));
        assertEquals("0%", Thresholds.measured("errors < 0.1%", 0));
        assertEquals("3", Thresholds.measured("lost = 0", 3));
        assertEquals("7", Thresholds.measured("something else", 7), "an unknown threshold: the bare figure");
    }
}
