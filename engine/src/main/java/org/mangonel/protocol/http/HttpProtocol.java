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
    public String nothingMeasured() {
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
}
