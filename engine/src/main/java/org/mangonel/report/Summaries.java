package org.mangonel.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.mangonel.results.Figures;
import org.mangonel.results.Run;
import org.mangonel.results.Summary;
import org.mangonel.stats.HistogramCodec;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.Recorder;

/**
 * A level's summary from its runs as the results file holds them (so a merge or a re-render
 * computes exactly what the run did). Best: the run with the most successes per second. Median:
 * the run in the middle by successes per second; with an even count, the lower of the two middle
 * runs (the page says so). Mean: counts and rates averaged, latency from all runs' samples merged,
 * the protocol's own figures (chat's messages, HTTP's per-URL figures) averaged key by key.
 * Stateless.
 */
public final class Summaries {
    private Summaries() {
    }

    /** The summary of {@code runs} by {@code method} (best, median, mean); null when nothing was measured. */
    public static Summary of(List<Run> runs, String method) {
        List<Run> ok = runs.stream().filter(r -> r.status().equals("ok")).toList();
        boolean partial = false;
        if (ok.isEmpty()) {
            // Only an interrupted window: show what it measured, marked as partial.
            ok = runs.stream().filter(r -> r.status().equals("interrupted") && r.requests() > 0).toList();
            partial = true;
        }
        if (ok.isEmpty()) {
            return null;
        }
        Summary.Spread spread = spread(ok);
        boolean saturated = ok.stream().anyMatch(r -> r.client() != null && r.client().saturated());
        if (method.equals("mean")) {
            return mean(ok, partial, spread, saturated);
        }
        List<Run> byRate = new ArrayList<>(ok);
        byRate.sort(Comparator.comparingDouble(Run::rps).reversed());
        Run chosen = method.equals("best") ? byRate.get(0) : byRate.get(byRate.size() / 2);
        return new Summary(method, ok.size(), partial, chosen.repetition(), chosen.requests(), chosen.errors(),
                chosen.statusCodes(), chosen.durationS(), chosen.rps(), chosen.bytesReceived(), chosen.bytesSent(),
                chosen.connectionsOpened(), chosen.latencyMs(), chosen.latencyUncorrectedMs(), chosen.openModel(),
                chosen.tls(), chosen.histogram(), chosen.server(), chosen.client(), spread, saturated,
                new LinkedHashMap<>(chosen.extra()));
    }

    private static Summary mean(List<Run> ok, boolean partial, Summary.Spread spread, boolean saturated) {
        int n = ok.size();
        Histogram all = new Histogram(Recorder.HIGHEST_TRACKABLE_US, 3);
        for (Run r : ok) {
            if (r.histogram() != null) {
                all.add(HistogramCodec.decode(r.histogram()));
            }
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        ok.get(0).errors().keySet().forEach(k -> errors.put(k, Math.round(ok.stream()
                .mapToLong(r -> r.errors().getOrDefault(k, 0L)).average().orElse(0))));
        Map<String, Long> codes = new LinkedHashMap<>();
        ok.forEach(r -> r.statusCodes().forEach((k, v) -> codes.merge(k, v, Long::sum)));
        codes.replaceAll((k, v) -> Math.round((double) v / n));
        Run first = ok.get(0);
        return new Summary("mean", n, partial, null, Math.round(avg(ok, Run::requests)), errors, codes,
                Results.round(avg(ok, Run::durationS), 3), Results.round(avg(ok, Run::rps), 2),
                Math.round(avg(ok, Run::bytesReceived)), Math.round(avg(ok, Run::bytesSent)),
                Math.round(avg(ok, Run::connectionsOpened)), Results.latency(LatencySummary.of(all)),
                first.latencyUncorrectedMs(), first.openModel(), first.tls(), HistogramCodec.encode(all),
                meanServer(ok), meanClient(ok), spread, saturated, meanExtra(ok.stream().map(Run::extra).toList()));
    }

    /**
     * A protocol's own figures averaged over the runs, key by key at every depth (lists element by
     * element): numbers averaged (whole numbers rounded), anything else taken from the first run.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> meanExtra(List<Map<String, Object>> extras) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : extras.get(0).entrySet()) {
            List<Object> values = extras.stream().map(m -> m.get(e.getKey())).toList();
            out.put(e.getKey(), meanValue(values));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object meanValue(List<Object> values) {
        Object first = values.get(0);
        if (first instanceof Number && values.stream().allMatch(Number.class::isInstance)) {
            double mean = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0);
            return values.stream().allMatch(v -> v instanceof Long || v instanceof Integer)
                    ? (Object) Math.round(mean) : (Object) (Math.round(mean * 1000) / 1000.0);
        }
        if (first instanceof Map<?, ?> && values.stream().allMatch(Map.class::isInstance)) {
            return meanExtra(values.stream().map(v -> (Map<String, Object>) v).toList());
        }
        if (first instanceof List<?> l && values.stream().allMatch(v -> v instanceof List<?> o && o.size() == l.size())) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                int at = i;
                out.add(meanValue(values.stream().map(v -> ((List<?>) v).get(at)).map(v -> (Object) v).toList()));
            }
            return out;
        }
        return first;
    }

    private interface Value {
        double of(Run r);
    }

    private static double avg(List<Run> runs, Value v) {
        return runs.stream().mapToDouble(v::of).average().orElse(0);
    }

    private static Summary.Spread spread(List<Run> ok) {
        double[] rates = ok.stream().mapToDouble(Run::rps).toArray();
        double mean = java.util.Arrays.stream(rates).average().orElse(0);
        double var = java.util.Arrays.stream(rates).map(v -> (v - mean) * (v - mean)).sum() / rates.length;
        double[] p99 = ok.stream().mapToDouble(r -> r.latencyMs().p99()).toArray();
        double[] p50 = ok.stream().mapToDouble(r -> r.latencyMs().p50()).toArray();
        return new Summary.Spread(Results.round(java.util.Arrays.stream(rates).min().orElse(0), 2),
                Results.round(java.util.Arrays.stream(rates).max().orElse(0), 2),
                Results.round(mean == 0 ? 0 : 100 * Math.sqrt(var) / mean, 2),
                java.util.Arrays.stream(p99).min().orElse(0), java.util.Arrays.stream(p99).max().orElse(0),
                java.util.Arrays.stream(p50).min().orElse(0), java.util.Arrays.stream(p50).max().orElse(0));
    }

    private static Figures.ServerFigures meanServer(List<Run> runs) {
        List<Figures.ServerFigures> all = runs.stream().map(Run::server).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new Figures.ServerFigures(Results.round(all.stream().mapToDouble(Figures.ServerFigures::cpuS)
                .average().orElse(0), 3), Results.round(all.stream().mapToDouble(Figures.ServerFigures::cpuPct)
                .average().orElse(0), 1), all.stream().mapToLong(Figures.ServerFigures::rssMaxBytes).max().orElse(0),
                Math.round(all.stream().mapToLong(Figures.ServerFigures::rssMeanBytes).average().orElse(0)),
                all.stream().mapToInt(Figures.ServerFigures::processes).max().orElse(0));
    }

    private static Figures.ClientFigures meanClient(List<Run> runs) {
        List<Figures.ClientFigures> all = runs.stream().map(Run::client).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new Figures.ClientFigures(Results.round(all.stream().mapToDouble(Figures.ClientFigures::cpuS)
                .average().orElse(0), 3), Results.round(all.stream().mapToDouble(Figures.ClientFigures::cpuPct)
                .average().orElse(0), 1), all.stream().mapToDouble(Figures.ClientFigures::loopBusyMaxPct).max()
                .orElse(0), all.get(0).threads(), all.stream().anyMatch(Figures.ClientFigures::saturated),
                Results.round(all.stream().mapToDouble(Figures.ClientFigures::allocBytesPerRequest).average()
                        .orElse(0), 2));
    }
}
