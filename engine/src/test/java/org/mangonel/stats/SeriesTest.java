package org.mangonel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-second series: seconds counted from the window's start, warm-up negative, prepared or not. */
class SeriesTest {
    private static final long S = Series.SECOND_NS;
    private static final long START = 1_000 * S; // any clock origin

    @Test
    void samplesFallIntoTheirSecondAcrossTheWarmUpAndSecondZero() {
        Series series = new Series();
        series.start(START, 2 * S + S / 2); // a 2.5 s warm-up: seconds -3, -2, -1 precede 0
        series.success(100, START - 2 * S - S / 4); // 2.25 s before: second -3
        series.success(200, START - 1);             // just before the window: second -1
        series.success(300, START);                 // the window's first instant: second 0
        series.success(400, START + S - 1);         // still second 0
        series.error(START + 2 * S);                // second 2; second 1 had nothing

        List<Series.Interval> intervals = intervals(series);
        assertEquals(List.of(-3, -2, -1, 0, 1, 2), intervals.stream().map(Series.Interval::t).toList());
        assertEquals(List.of(1L, 0L, 1L, 2L, 0L, 0L), counts(intervals));
        assertEquals(1, intervals.get(5).errorCount());
        assertEquals(400, intervals.get(3).histogram().getMaxValue(), 4); // 2 digits: within 1%
    }

    @Test
    void preparingAheadChangesNoFigureAndAddsNoTrailingSecond() {
        Series prepared = new Series();
        Series unprepared = new Series();
        for (Series s : List.of(prepared, unprepared)) {
            s.start(START, S);
        }
        for (long t = START - S; t < START + 3 * S; t += S / 10) {
            prepared.prepare(t); // as the loop does, once a pass
            prepared.success(t / 1_000_000 % 1000, t);
            unprepared.success(t / 1_000_000 % 1000, t);
        }
        prepared.prepare(START + 3 * S); // made the next second's slot: not a second of the series

        List<Series.Interval> a = intervals(prepared);
        List<Series.Interval> b = intervals(unprepared);
        assertEquals(List.of(-1, 0, 1, 2), a.stream().map(Series.Interval::t).toList());
        assertEquals(counts(b), counts(a));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).histogram(), a.get(i).histogram());
        }
    }

    @Test
    void nothingBeforeTheWarmUpOrBeforeTheStartIsKept() {
        Series series = new Series();
        series.success(1, START); // not started yet
        series.start(START, S);
        series.success(1, START - S - 1); // before the warm-up's first second
        series.prepare(START - 5 * S);
        assertEquals(List.of(), intervals(series));
    }

    private static List<Series.Interval> intervals(Series series) {
        List<Series.Interval> into = new ArrayList<>();
        series.addTo(into);
        return into;
    }

    private static List<Long> counts(List<Series.Interval> intervals) {
        return intervals.stream().map(i -> i.histogram().getTotalCount()).toList();
    }
}
