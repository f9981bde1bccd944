package org.mangonel.protocol.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mangonel.load.LoadRun;
import org.mangonel.load.PacedWorker;
import org.mangonel.load.Probe;
import org.mangonel.scenario.Share;
import org.mangonel.load.Worker;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Section;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.UrlSpec;
import org.HdrHistogram.Histogram;
import org.mangonel.stats.HistogramCodec;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.RunStats;
import org.mangonel.transport.Endpoint;

/** HTTP/1.1: a URL mix over keep-alive (or not) connections, closed or open model, optionally pipelined. */
public final class HttpProtocol implements Protocol<HttpWorkload> {
    @Override
    public String name() {
        return "http";
    }

    @Override
    public Class<HttpWorkload> workloadType() {
        return HttpWorkload.class;
    }

    @Override
    public List<String> keys() {
        return HttpReader.KEYS;
    }

    @Override
    public List<String> schemes() {
        return List.of("http", "https");
    }

    @Override
    public HttpWorkload read(Section benchmark) {
        return HttpReader.read(benchmark);
    }

    @Override
    public String levelUnit() {
        return "connection";
    }

    @Override
    public String successUnit() {
        return "requests";
    }

    @Override
    public boolean openModel(HttpWorkload workload, RunSettings settings) {
        return settings.openModel();
    }

    @Override
    public Optional<String> verify(HttpWorkload w, Endpoint endpoint, RunSettings s) {
        long timeoutMs = s.timeout().toMillis();
        HttpCheck check = new HttpCheck(endpoint, mix(w, endpoint), w.keepalive(), w.limits().maxHeaderBytes(),
                w.limits().maxBodyBytes(), timeoutMs);
        long perUrlNs = s.timeout().toNanos() + s.connectTimeout().toNanos();
        return Probe.run(check, perUrlNs * w.urls().size());
    }

    @Override
    public LoadRun load(HttpWorkload w, Endpoint endpoint, RunSettings s, int concurrency, Rate rate, Share share) {
        return loadRun(new HttpLoadSpec(endpoint, mix(w, endpoint), w.keepalive(), share.part(concurrency),
                s.threads(), s.timeout().toNanos(), s.connectTimeout().toNanos(), w.limits().maxHeaderBytes(),
                w.limits().maxBodyBytes(), w.pipeline(), rate, share));
    }

    /**
     * The run for a resolved spec. After the window it drains: requests due in it are awaited
     * until answered or timed out (one request timeout at most; it ends as soon as nothing is
     * outstanding), so none vanishes from both the requests and the errors.
     */
    public static LoadRun loadRun(HttpLoadSpec spec) {
        return new LoadRun(spec.threads(), spec.connections(), spec.timeoutNs() + Worker.SCAN_INTERVAL_NS, 0,
                (loop, ready, i, n, first, count) -> new PacedWorker(loop, ready, 0, spec.connections(), spec.share(),
                        spec.rate(), first, count, (worker, number) -> new HttpSession(worker, spec, number)));
    }

    private static RequestMix mix(HttpWorkload w, Endpoint endpoint) {
        return new RequestMix(w, endpoint.authority(), endpoint.basePath());
    }

    @Override
    public String nothingMeasured(RunStats stats) {
        return "no successful request";
    }

    @Override
    public Map<String, Object> describe(HttpWorkload http) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> urls = new ArrayList<>();
        for (UrlSpec u : http.urls()) {
            Map<String, Object> url = new LinkedHashMap<>();
            url.put("method", u.method());
            url.put("path", u.path());
            url.put("weight", u.weight());
            urls.add(url);
        }
        out.put("urls", urls);
        out.put("order", http.order().word());
        out.put("keepalive", http.keepalive());
        out.put("pipeline", http.pipeline());
        return out;
    }

    /**
     * With a mix of several URLs, each URL's figures ({@code urls}: requests, errors, rate,
     * latency from the due time, and its histogram so that shards and re-renders can merge them).
     */
    @Override
    public void figures(HttpWorkload workload, RunStats stats, Map<String, Object> out) {
        List<RunStats.Part> parts = stats.parts();
        if (parts.isEmpty()) {
            return;
        }
        List<Object> urls = new ArrayList<>();
        for (int i = 0; i < parts.size() && i < workload.urls().size(); i++) {
            RunStats.Part p = parts.get(i);
            UrlSpec u = workload.urls().get(i);
            urls.add(url(u.method() + " " + u.path(), p.latency(), p.errors(), stats.durationNs()));
        }
        out.put("urls", urls);
    }

    private static Map<String, Object> url(String name, Histogram latency, long errors,
                                           long durationNs) {
        LatencySummary l = LatencySummary.of(latency);
        Map<String, Object> url = new LinkedHashMap<>();
        url.put("url", name);
        url.put("requests", latency.getTotalCount());
        url.put("errors", errors);
        url.put("rps", durationNs <= 0 ? 0.0 : Math.round(latency.getTotalCount() * 1e11 / durationNs) / 100.0);
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("mean", round3(l.meanMs()));
        ms.put("p50", round3(l.p50Ms()));
        ms.put("p90", round3(l.p90Ms()));
        ms.put("p99", round3(l.p99Ms()));
        ms.put("max", round3(l.maxMs()));
        url.put("latency_ms", ms);
        url.put("histogram", HistogramCodec.encode(latency));
        return url;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Shards of one window: per URL, counts and rates added, histograms merged, percentiles recomputed. */
    @Override
    public Map<String, Object> mergeFigures(List<Map<String, Object>> shards) {
        Map<String, Object> out = Protocol.super.mergeFigures(shards);
        List<List<?>> lists = shards.stream().map(m -> m.get("urls")).filter(List.class::isInstance)
                .<List<?>>map(l -> (List<?>) l).toList();
        if (lists.isEmpty()) {
            return out;
        }
        List<Object> merged = new ArrayList<>();
        for (int i = 0; i < lists.get(0).size(); i++) {
            Histogram h = null;
            long errors = 0;
            double rps = 0;
            String name = null;
            for (List<?> l : lists) {
                if (i < l.size() && l.get(i) instanceof Map<?, ?> m) {
                    name = String.valueOf(m.get("url"));
                    errors += m.get("errors") instanceof Number n ? n.longValue() : 0;
                    rps += m.get("rps") instanceof Number n ? n.doubleValue() : 0;
                    if (m.get("histogram") instanceof String enc) {
                        Histogram one = HistogramCodec.decode(enc);
                        if (h == null) {
                            h = one;
                        } else {
                            h.add(one);
                        }
                    }
                }
            }
            if (h == null) {
                continue;
            }
            Map<String, Object> url = url(name, h, errors, 0);
            url.put("rps", Math.round(rps * 100) / 100.0);
            merged.add(url);
        }
        out.put("urls", merged);
        return out;
    }
}
