package org.mangonel.protocol.http;

import java.net.InetSocketAddress;
import java.net.URI;
import org.mangonel.load.LoadResult;
import org.mangonel.load.ProgressListener;
import org.mangonel.transport.Endpoint;
import org.mangonel.transport.Transport;
import java.util.List;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.Expect;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.UrlSpec;

/** Builds and runs HTTP loads against a loopback port, for the load tests. */
final class HttpRuns {
    private HttpRuns() {
    }

    /** The options a test varies; everything else has a sensible default. */
    record Options(String path, boolean keepalive, Expect expect, int connections, int threads, long timeoutMs,
                   int pipeline, Rate rate) {
        static Options of(String path) {
            return new Options(path, true, null, 4, 1, 2000, 1, null);
        }

        Options keepalive(boolean v) {
            return new Options(path, v, expect, connections, threads, timeoutMs, pipeline, rate);
        }

        Options expect(Expect v) {
            return new Options(path, keepalive, v, connections, threads, timeoutMs, pipeline, rate);
        }

        Options connections(int v) {
            return new Options(path, keepalive, expect, v, threads, timeoutMs, pipeline, rate);
        }

        Options threads(int v) {
            return new Options(path, keepalive, expect, connections, v, timeoutMs, pipeline, rate);
        }

        Options timeoutMs(long v) {
            return new Options(path, keepalive, expect, connections, threads, v, pipeline, rate);
        }

        Options pipeline(int v) {
            return new Options(path, keepalive, expect, connections, threads, timeoutMs, v, rate);
        }

        Options rate(Rate v) {
            return new Options(path, keepalive, expect, connections, threads, timeoutMs, pipeline, v);
        }
    }

    static HttpLoadSpec spec(int port, Options o) {
        HttpWorkload workload = new HttpWorkload(List.of(new UrlSpec(o.path(), "GET", List.of(), "", 1, null)),
                Order.WEIGHTED, o.keepalive(), o.expect(), null, o.pipeline());
        RequestMix mix = new RequestMix(workload, "127.0.0.1:" + port, "");
        Endpoint endpoint = new Endpoint(URI.create("http://127.0.0.1:" + port), new InetSocketAddress("127.0.0.1",
                port), "127.0.0.1:" + port, "", Transport.PLAIN);
        return new HttpLoadSpec(endpoint, mix, o.keepalive(), o.connections(),
                o.threads(), o.timeoutMs() * 1_000_000L, 500_000_000L, 64 * 1024, 1 << 20, o.pipeline(), o.rate(),
                org.mangonel.scenario.Share.ALL);
    }

    static LoadResult run(int port, Options o, long warmupMs, long durationMs) throws InterruptedException {
        return HttpProtocol.loadRun(spec(port, o)).execute(warmupMs * 1_000_000L, durationMs * 1_000_000L, 2_000_000_000L,
                ProgressListener.NONE, () -> { });
    }
}
