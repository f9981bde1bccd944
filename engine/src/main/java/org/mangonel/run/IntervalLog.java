package org.mangonel.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.mangonel.stats.Series;

/**
 * Writes a window's time series as an HdrHistogram interval log ({@code .hlog}): one interval
 * histogram per second, warm-up included, values in microseconds, stamped with wall-clock times.
 * HdrHistogram's own {@code HistogramLogProcessor} reads it.
 */
final class IntervalLog {
    private IntervalLog() {
    }

    /**
     * {@code stem.hlog}, or {@code stem-2.hlog}, {@code stem-3.hlog}... whichever does not exist
     * yet under {@code dir}: a run's log is never overwritten.
     */
    static String unused(Path dir, String stem) {
        String relative = stem + ".hlog";
        for (int n = 2; Files.exists(dir.resolve(relative)); n++) {
            relative = stem + "-" + n + ".hlog";
        }
        return relative;
    }

    /**
     * @param file           where to write it (its folders are made)
     * @param series         the window's seconds
     * @param measureStartAt the wall-clock instant second 0 began
     */
    static void write(Path file, java.util.List<Series.Interval> series, Instant measureStartAt) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long originMs = measureStartAt.toEpochMilli();
        try (OutputStream out = Files.newOutputStream(file);
             PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(print);
            long firstMs = series.isEmpty() ? originMs : originMs + series.get(0).t() * 1000L;
            log.outputComment("Mangonel: latency from when each request was due, microseconds; one interval a"
                    + " second, warm-up (negative seconds) included");
            log.outputLogFormatVersion();
            log.outputStartTime(firstMs);
            log.setBaseTime(firstMs);
            log.outputLegend();
            for (Series.Interval i : series) {
                Histogram h = i.histogram().copy();
                long startMs = originMs + i.t() * 1000L;
                h.setStartTimeStamp(startMs);
                h.setEndTimeStamp(startMs + 1000L);
                log.outputIntervalHistogram(h);
            }
        }
    }
}
