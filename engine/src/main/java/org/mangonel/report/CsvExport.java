package org.mangonel.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mangonel.results.BenchmarkResult;
import org.mangonel.results.FrameworkResult;
import org.mangonel.results.Level;
import org.mangonel.results.ResultsFile;
import org.mangonel.results.Run;

/**
 * A results file as CSV (RFC 4180), one row per measured window: benchmark, framework, level,
 * repetition, status, throughput, requests, errors by kind, latency percentiles (ms, from when
 * each request was due), CPU, and last the level's status (superseded: a capacity search measured
 * a lower load instead) — for spreadsheets and scripts. Stateless.
 */
public final class CsvExport {
    private static final List<String> ERROR_KINDS = List.of("connect", "timeout", "reset", "closed", "protocol",
            "status", "body", "unfinished", "total");

    private CsvExport() {
    }

    public static String of(ResultsFile results) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("benchmark", "protocol", "framework", "concurrency", "rate",
                "repetition", "status", "duration_s", "rps", "requests"));
        ERROR_KINDS.forEach(k -> header.add("errors_" + k));
        header.addAll(List.of("latency_min_ms", "latency_mean_ms", "latency_p50_ms", "latency_p90_ms",
                "latency_p99_ms", "latency_p999_ms", "latency_max_ms", "uncorrected_p50_ms", "uncorrected_p99_ms",
                "server_cpu_pct", "server_rss_max_bytes", "client_cpu_pct", "level_status"));
        line(out, header);
        for (BenchmarkResult b : results.benchmarks()) {
            for (FrameworkResult f : b.frameworks()) {
                for (Level l : f.levels()) {
                    for (Run r : l.runs()) {
                        List<String> row = new ArrayList<>(List.of(b.name(), b.protocol(), f.name(),
                                String.valueOf(l.concurrency()), l.rate() == null ? "" : l.rate().label(),
                                String.valueOf(r.repetition()), r.status(), number(r.durationS()), number(r.rps()),
                                String.valueOf(r.requests())));
                        ERROR_KINDS.forEach(k -> row.add(String.valueOf(r.errors().getOrDefault(k, 0L))));
                        row.addAll(List.of(number(r.latencyMs().min()), number(r.latencyMs().mean()),
                                number(r.latencyMs().p50()), number(r.latencyMs().p90()), number(r.latencyMs().p99()),
                                number(r.latencyMs().p999()), number(r.latencyMs().max()),
                                number(r.latencyUncorrectedMs().p50()), number(r.latencyUncorrectedMs().p99()),
                                r.server() == null ? "" : number(r.server().cpuPct()),
                                r.server() == null ? "" : String.valueOf(r.server().rssMaxBytes()),
                                r.client() == null ? "" : number(r.client().cpuPct()), l.status()));
                        line(out, row);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}
