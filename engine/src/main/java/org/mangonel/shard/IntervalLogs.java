package org.mangonel.shard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.mangonel.results.Run;
import org.mangonel.results.Second;

/**
 * The shards' interval logs of one window, added second by second: intervals are matched by
 * their wall-clock start (the shards share a start, so second k of one is second k of all).
 */
final class IntervalLogs {
    private IntervalLogs() {
    }

    /** The merged series and where its log was written (relative to the merged folder). */
    record Merged(List<Second> seconds, String hlog) {
    }

    /**
     * @return the merged series, or null when a shard has no interval log for this window
     */
    static Merged merge(List<Path> dirs, List<Run> parts, Path out, String relative) throws IOException {
        if (relative == null) {
            return null;
        }
        Map<Long, Histogram> bySecond = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String hlog = parts.get(i).hlog();
            Path file = hlog == null ? null : dirs.get(i).resolve(hlog);
            if (file == null || !Files.isRegularFile(file)) {
                return null;
            }
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                Histogram interval = (Histogram) h;
                long startMs = interval.getStartTimeStamp();
                bySecond.computeIfAbsent(startMs / 1000 * 1000, k -> new Histogram(interval.getHighestTrackableValue(),
                        interval.getNumberOfSignificantValueDigits())).add(interval);
            }
        }
        // Second 0 is where the measured window began: the first interval that was not warm-up.
        List<Second> template = parts.get(0).series();
        long firstMs = bySecond.isEmpty() ? 0 : bySecond.keySet().iterator().next();
        int firstT = template.isEmpty() ? 0 : template.get(0).t();
        // The log keeps every interval (a drain straddler too); the series keeps the seconds the
        // shards' own series have, so the merged chart ends with the window as theirs do.
        Set<Integer> shown = new HashSet<>();
        for (Run p : parts) {
            p.series().forEach(s -> shown.add(s.t()));
        }
        List<Second> seconds = new ArrayList<>();
        Path merged = out.resolve(relative);
        Files.createDirectories(merged.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(merged); PrintStream print = new PrintStream(os, false,
                StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(print);
            writer.outputComment("Mangonel: " + parts.size() + " shards' intervals added second by second;"
                    + " latency from when each request was due, microseconds");
            writer.outputLogFormatVersion();
            writer.outputStartTime(firstMs);
            writer.setBaseTime(firstMs);
            writer.outputLegend();
            for (Map.Entry<Long, Histogram> e : bySecond.entrySet()) {
                Histogram h = e.getValue();
                h.setStartTimeStamp(e.getKey());
                h.setEndTimeStamp(e.getKey() + 1000);
                writer.outputIntervalHistogram(h);
                int t = firstT + (int) ((e.getKey() - firstMs) / 1000);
                if (!shown.contains(t)) {
                    continue;
                }
                long errors = 0;
                for (Run p : parts) {
                    errors += p.series().stream().filter(s -> s.t() == t).mapToLong(Second::errors).sum();
                }
                boolean any = h.getTotalCount() > 0;
                seconds.add(new Second(t, t < 0, h.getTotalCount(), errors,
                        any ? h.getValueAtPercentile(50) / 1000.0 : 0, any ? h.getValueAtPercentile(99) / 1000.0 : 0,
                        any ? h.getMaxValue() / 1000.0 : 0));
            }
        }
        return new Merged(seconds, relative);
    }
}
