package org.mangonel.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleTest {
    private static List<String> labels(Scale s) {
        return s.ticks.stream().filter(t -> !t.minor()).map(Scale.Tick::label).toList();
    }

    @Test
    void linearTicksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(List.of("0", "20", "40", "60", "80", "100"), labels(Scale.linear(0, 97, 5, false)));
        assertEquals(List.of("0", "20,000", "40,000", "60,000", "80,000", "100,000", "120,000"),
                labels(Scale.linear(0, 107_797.4, 6, false)));
        assertEquals(List.of("0.0", "0.1", "0.2", "0.3", "0.4"), labels(Scale.linear(0, 0.37, 4, false)));
        assertEquals(List.of("0", "5", "10", "15"), labels(Scale.linear(0, 10.7, 4, false)));
        Scale s = Scale.linear(0, 0.0123, 5, false);
        assertEquals("0.000", s.ticks.get(0).label());
        assertEquals(0.015, s.max, 1e-12);
    }

    @Test
    void niceStepPicksTheMantissaAndExponent() {
        assertEquals(2, Scale.niceStep(97, 5)[0]);
        assertEquals(1, Scale.niceStep(97, 5)[1]);
        assertEquals(5, Scale.niceStep(2.3, 5)[0]);
        assertEquals(-1, Scale.niceStep(2.3, 5)[1]);
        assertEquals(1, Scale.niceStep(0.7, 1)[0]);
        assertEquals(0, Scale.niceStep(0.7, 1)[1]);
    }

    @Test
    void theDomainEndsOnTicksAndCoversTheData() {
        Scale s = Scale.linear(-10, 30, 10, true);
        assertEquals(-10, s.min);
        assertEquals(30, s.max);
        assertEquals(List.of("-10", "-5", "0", "5", "10", "15", "20", "25", "30"), labels(s));
        assertEquals(0.25, s.unit(0), 1e-12);
        // seconds: never a fractional step
        assertEquals(List.of("0", "1", "2"), labels(Scale.linear(0, 2, 10, true)));
    }

    @Test
    void aTightScaleEndsAtTheDataWithTicksInside() {
        Scale s = Scale.tight(-5, 180, 10, true);
        assertEquals(-5, s.min);
        assertEquals(180, s.max);
        assertEquals(List.of("0", "20", "40", "60", "80", "100", "120", "140", "160", "180"), labels(s));
    }

    @Test
    void degenerateRangesStillMakeAnAxis() {
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), labels(Scale.linear(0, 0, 5, false)));
        Scale one = Scale.linear(0, Double.NaN, 5, false);
        assertTrue(one.max > one.min);
        Scale same = Scale.linear(7, 7, 5, false);
        assertTrue(same.max > same.min);
        assertEquals(0, Scale.linear(0, 10, 5, false).unit(-3), "clamped");
        assertEquals(1, Scale.linear(0, 10, 5, false).unit(1e9), "clamped");
    }

    @Test
    void logTicksAreOneTwoFivePerDecadeOverFewDecades() {
        Scale s = Scale.log(0.27, 73);
        assertTrue(s.isLog());
        assertEquals(0.2, s.min, 1e-12);
        assertEquals(100, s.max, 1e-9);
        assertEquals(List.of("0.2", "0.5", "1", "2", "5", "10", "20", "50", "100"), labels(s));
        assertEquals(0.5, Scale.log(1, 100).unit(10), 1e-12);
        assertEquals(0, s.unit(0), "zero sits on the floor of a log axis");
    }

    @Test
    void logTicksAreDecadesOverManyDecadesWithUnlabelledMinorLines() {
        Scale s = Scale.log(0.013, 4_200);
        assertEquals(List.of("0.01", "0.1", "1", "10", "100", "1,000", "10,000"), labels(s));
        assertTrue(s.ticks.stream().anyMatch(t -> t.minor() && t.value() == 2 && t.label().isEmpty()));
    }

    @Test
    void oneTwoFiveRounding() {
        assertEquals(0.2, Scale.floor125(0.27), 1e-12);
        assertEquals(5, Scale.floor125(7.9), 1e-12);
        assertEquals(10, Scale.floor125(10), 1e-12);
        assertEquals(100, Scale.ceil125(73), 1e-12);
        assertEquals(2, Scale.ceil125(1.01), 1e-12);
        assertEquals(1, Scale.ceil125(1), 1e-12);
    }

    @Test
    void latencyAxesTurnLogarithmicOnlyWhenTheTailDwarfsTheMedian() {
        assertFalse(Scale.latency(15, 1, 0.5, 5).isLog(), "15× the median: linear");
        assertTrue(Scale.latency(60, 0.9, 0.2, 5).isLog(), "67× the median: log");
        assertFalse(Scale.latency(60, 0, 0, 5).isLog(), "no positive median: linear");
        assertFalse(Scale.latency(0, Double.NaN, Double.POSITIVE_INFINITY, 5).isLog());
        assertEquals(0, Scale.latency(15, 1, 0.5, 5).min, "linear latency starts at zero");
    }

    @Test
    void theNinesAxisSpacesEachNineEqually() {
        assertEquals(0, Scale.ninesOf(0), 1e-12);
        assertEquals(Math.log10(2), Scale.ninesOf(50), 1e-12);
        assertEquals(1, Scale.ninesOf(90), 1e-12);
        assertEquals(2, Scale.ninesOf(99), 1e-9);
        assertEquals(3, Scale.ninesOf(99.9), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, Scale.ninesOf(100));
        Scale s = Scale.nines(4);
        assertEquals(0, s.unit(0), 1e-12);
        assertEquals(0.25, s.unit(90), 1e-9);
        assertEquals(0.5, s.unit(99), 1e-9);
        assertEquals(0.75, s.unit(99.9), 1e-9);
        assertEquals(1, s.unit(99.99), 1e-9);
        assertEquals(1, s.unit(100), "beyond the axis: clamped");
        assertEquals(List.of("0%", "50%", "90%", "99%", "99.9%", "99.99%"), labels(s));
        assertEquals(List.of("0%", "50%", "90%", "99%", "99.9%", "99.99%", "99.999%"), labels(Scale.nines(5)));
        assertEquals(99.999, Scale.percentOfNines(5), 1e-9);
    }

    @Test
    void xLabelsThatWouldOverlapAreThinned() {
        Plot narrow = new Plot(0, 0, 120, 100);
        Scale s = Scale.linear(0, 1_000_000, 10, false);
        List<Scale.Tick> shown = narrow.thinned(s, true);
        assertTrue(shown.size() < s.ticks.size());
        assertEquals(s.ticks.get(0), shown.get(0));
        Plot wide = new Plot(0, 0, 700, 100);
        assertEquals(s.ticks.size(), wide.thinned(s, true).size());
    }
}
