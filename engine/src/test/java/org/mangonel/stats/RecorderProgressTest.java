package org.mangonel.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The progress snapshot a loop publishes: counts always current, the 99th percentile recomputed
 * at most once a second but always on the last publication (no assertion here depends on how
 * long a step takes: a stalled machine may only make the percentile fresher).
 */
class RecorderProgressTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsAreCurrentAndTheLastPublicationHasTheFinalPercentile() {
        Recorder recorder = new Recorder(0);
        assertEquals(Progress.ZERO, recorder.progress());
        recorder.publishProgress(false); // nothing yet: a p99 of 0 is looked at again next time
        assertEquals(0, recorder.progress().p99Us());

        for (int i = 0; i < 100; i++) {
            recorder.success(2 * MS, 1 * MS);
        }
        recorder.publishProgress(false);
        Progress first = recorder.progress();
        assertEquals(100, first.requests());
        assertEquals(2_000, first.p99Us(), 2_000 * 0.001, "the first publication with samples computes it");

        for (int i = 0; i < 100; i++) {
            recorder.success(50 * MS, 1 * MS); // the slow half: p99 moves to ~50 ms
        }
        recorder.error(ErrorKind.TIMEOUT);
        recorder.publishProgress(false);
        Progress second = recorder.progress();
        assertEquals(200, second.requests(), "counts are published every time");
        assertEquals(1, second.errors());
        assertTrue(second.atNs() >= first.atNs());

        recorder.publishProgress(true);
        assertEquals(50_000, recorder.progress().p99Us(), 50_000 * 0.001, "the last publication is exact");
    }
}
