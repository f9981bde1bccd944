package org.mangonel.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The open-model schedule is arithmetic on a given start time: exact, no clock involved. */
class ScheduleTest {
    private static final long START = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void constantRateIsExactlyKOverRate() {
        Schedule s = new Schedule(START, 2 * SECOND, 10 * SECOND, 5000, 5000);
        assertEquals(START, s.dueNs(0));
        assertEquals(START + 200_000, s.dueNs(1));
        assertEquals(START + SECOND, s.dueNs(5000));
        assertEquals(START + 12 * SECOND, s.dueNs(60_000));
        assertEquals(60_000.0, s.dueBefore(START + 12 * SECOND), 1e-6);
    }

    @Test
    void connectionsAreStaggeredEvenly() {
        // 1000/s over 4 connections: each connection every 4 ms, the four 1 ms apart
        Schedule s = new Schedule(START, 0, 10 * SECOND, 1000, 1000);
        int connections = 4;
        for (int c = 0; c < connections; c++) {
            for (long j = 0; j < 3; j++) {
                assertEquals(START + (j * connections + c) * 1_000_000L, s.dueNs(j * connections + c));
            }
        }
    }

    @Test
    void rampGoesFromTheFirstRateToTheSecondOverTheWindow() {
        Schedule s = new Schedule(START, SECOND, 10 * SECOND, 100, 5100);
        // warm-up at the first rate
        assertEquals(START + SECOND / 2, s.dueNs(50));
        // the count of requests due is the integral of the rate: 100·1 + (100 + 5100)/2·10 = 26,100
        assertEquals(26_100.0, s.dueBefore(START + 11 * SECOND), 1e-6);
        assertEquals(START + 11 * SECOND, s.dueNs(26_100), 1_000);
        // instantaneous rate: 100/s at the start of the window, 2600/s in the middle, 5100/s at the end
        assertEquals(100.0, rateAround(s, START + SECOND + 1_000_000), 1.0);
        assertEquals(2600.0, rateAround(s, START + 6 * SECOND), 2.0);
        assertEquals(5100.0, rateAround(s, START + 11 * SECOND - 2_000_000), 3.0);
        long previous = Long.MIN_VALUE;
        for (long k = 0; k < 26_100; k++) {
            long due = s.dueNs(k);
            assertTrue(due >= previous, "due times never go back, k=" + k);
            assertEquals(k, s.dueBefore(due), 0.01, "dueNs and dueBefore agree at k=" + k);
            previous = due;
        }
    }

    @Test
    void rampDownWorksToo() {
        Schedule s = new Schedule(START, 0, 10 * SECOND, 5000, 1000);
        assertEquals(30_000.0, s.dueBefore(START + 10 * SECOND), 1e-6);
        assertEquals(START + 10 * SECOND, s.dueNs(30_000), 1_000);
    }

    private static double rateAround(Schedule s, long tNs) {
        long half = 1_000_000L;
        return (s.dueBefore(tNs + half) - s.dueBefore(tNs - half)) / 0.002;
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(START, 0, SECOND, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(START, 0, 0, 100, 100));
    }
}
