package org.mangonel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mangonel.load.LoadResult;
import org.mangonel.load.LoadRun;
import org.mangonel.load.ProgressListener;
import org.mangonel.protocol.http.HttpLoadSpec;
import org.mangonel.protocol.http.HttpProtocol;
import org.mangonel.protocol.http.RequestMix;
import org.mangonel.results.Figures;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.Share;
import org.mangonel.scenario.Threshold;
import org.mangonel.scenario.UrlSpec;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.RunStats;
import org.mangonel.stats.Series;
import org.mangonel.transport.Endpoint;
import org.mangonel.transport.TlsTransport;
import org.mangonel.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code engine load URL}: one load run against one URL, no scenario, like {@code wrk URL}: for a
 * quick measurement, or to compare clients side by side. It builds the HTTP workload, endpoint and
 * {@code HttpLoadSpec} itself and runs {@code HttpProtocol.loadRun} directly (no plan, no runner,
 * no results file). The {@code key=value} lines it prints last ({@code requests=}, {@code rps=},
 * {@code latency=}, {@code errors=}, {@code alloc_bytes_per_request=}) are for scripts:
 * {@code bench/clients.sh} reads {@code requests=} and {@code rps=}, and {@code bench/hiccup.sh}
 * reads the {@code Latency (from due)} line.
 */
@Command(name = "load", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.INVALID,
        exitCodeOnExecutionException = ExitCodes.RUN_FAILED, versionProvider = Main.VersionProvider.class,
        sortOptions = false, abbreviateSynopsis = true,
        footer = {"", "Exit codes: 0 ok; 2 invalid usage; 3 nothing succeeded (e.g. a closed port); 4 a --threshold"
            + " was crossed; 130 interrupted (the figures measured until then are printed)."},
        description = {"Load one URL for a while and print the figures, like wrk (no scenario, no report).",
            "The closed model by default; with --rate, the open model (latency from when each request was due)."})
final class LoadCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "URL", description = "e.g. http://127.0.0.1:8080/")
    String url;

    @Option(names = {"-c", "--connections"}, defaultValue = "50", paramLabel = "N",
            description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", paramLabel = "TIME",
            description = "Measured time (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "1s", paramLabel = "TIME",
            description = "Unrecorded traffic first, so the JIT has compiled the client (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", paramLabel = "N",
            description = "Event-loop threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = {"-R", "--rate"}, paramLabel = "RATE", description = "Open model: e.g. 5000/s, or a ramp 100/s..5000/s.")
    String rate;

    @Option(names = "--pipeline", defaultValue = "1", paramLabel = "N",
            description = "Requests in flight per connection (default: ${DEFAULT-VALUE}).")
    int pipeline;

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "TIME",
            description = "Per request (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--connect-timeout", defaultValue = "5s", paramLabel = "TIME",
            description = "Per connect attempt, TLS handshake included (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = {"-m", "--method"}, defaultValue = "GET", paramLabel = "METHOD", description = "HTTP method.")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "A request header (repeatable).")
    List<String> headers;

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body.")
    String body;

    @Option(names = "--no-keepalive", description = "A new connection for every request (with https: a TLS handshake each).")
    boolean noKeepalive;

    @Option(names = {"-k", "--insecure"}, description = "https: accept any certificate (a self-signed test server's).")
    boolean insecure;

    @Option(names = "--ca", paramLabel = "FILE", description = "https: trust the certificates in this PEM file.")
    Path ca;

    @Option(names = "--tls-protocols", split = ",", paramLabel = "PROTOCOL",
            description = "https: offer only these, e.g. TLSv1.2 alone; default the JDK's offer,"
                    + " narrowed to the version the server chose once it chose an older one (a TLS 1.3 offer costs"
                    + " two key shares per new connection that a TLS 1.2 server never uses).")
    List<String> tlsProtocols;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Option(names = "--threshold", paramLabel = "CONDITION",
            description = "Fail (exit 4) unless this holds, e.g. 'p99<50ms', 'mean<10ms', 'rps>10000', 'errors<0.1%%'"
                    + " (repeatable).")
    List<String> thresholds;

    LoadCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        URI uri;
        Duration measure;
        Duration warm;
        Duration perRequest;
        Duration perConnect;
        Rate schedule;
        List<UrlSpec.Header> extra = new ArrayList<>();
        List<Threshold> conditions = new ArrayList<>();
        try {
            uri = uri(url);
            if (uri == null || uri.getScheme() == null
                    || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("URL must be http://HOST[:PORT]/PATH or https://..., found " + url);
            }
            if ((insecure || ca != null || tlsProtocols != null) && !uri.getScheme().equalsIgnoreCase("https")) {
                throw new IllegalArgumentException("--insecure, --ca and --tls-protocols are for https:// URLs");
            }
            for (String p : tlsProtocols == null ? List.<String>of() : tlsProtocols) {
                if (!Framework.Tls.PROTOCOLS.contains(p)) {
                    throw new IllegalArgumentException("--tls-protocols may list " + String.join(", ",
                            Framework.Tls.PROTOCOLS) + ", found " + p);
                }
            }
            measure = EngineCommand.duration("--duration", duration, false);
            warm = EngineCommand.duration("--warmup", warmup, true);
            perRequest = EngineCommand.duration("--timeout", timeout, false);
            perConnect = EngineCommand.duration("--connect-timeout", connectTimeout, false);
            schedule = rate == null ? null : EngineCommand.rate(rate);
            if (connections < 1 || threads < 1 || pipeline < 1) {
                throw new IllegalArgumentException("connections, threads and pipeline must be positive");
            }
            if (pipeline > 1 && noKeepalive) {
                throw new IllegalArgumentException("--pipeline needs keep-alive: a connection that closes after each"
                        + " response cannot carry several requests (leave out --no-keepalive)");
            }
            if (!UrlSpec.isToken(method)) {
                throw new IllegalArgumentException("--method must be an HTTP method such as GET or POST, found '"
                        + method + "'");
            }
            for (String h : headers == null ? List.<String>of() : headers) {
                int colon = h.indexOf(':');
                if (colon <= 0 || !UrlSpec.isToken(h.substring(0, colon).trim())) {
                    throw new IllegalArgumentException("header must be 'Name: value', found '" + h + "'");
                }
                extra.add(new UrlSpec.Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
            }
            for (String t : thresholds == null ? List.<String>of() : thresholds) {
                conditions.add(Threshold.parse(t, Threshold.REQUEST_METRICS));
            }
        } catch (IllegalArgumentException e) {
            err.println("engine load: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpWorkload workload = new HttpWorkload(List.of(new UrlSpec(path, method.toUpperCase(Locale.ROOT), extra, body,
                1, null)), Order.WEIGHTED, !noKeepalive, null, null, pipeline);
        URI base = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
        Endpoint endpoint;
        try {
            Endpoint plain = Endpoint.resolve(base, Transport.PLAIN);
            endpoint = !uri.getScheme().equalsIgnoreCase("https") ? plain : Endpoint.resolve(base, TlsTransport.of(
                    new Framework.Tls(!insecure, ca == null ? null : ca.toAbsolutePath().toString(), null,
                            tlsProtocols == null ? List.of() : tlsProtocols),
                    uri.getHost(), plain.address().getPort(), Path.of(".")));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            err.println("engine load: " + e.getMessage());
            return ExitCodes.INVALID;
        }
        RequestMix mix = new RequestMix(workload, endpoint.authority(), "");
        HttpLoadSpec spec = new HttpLoadSpec(endpoint, mix, !noKeepalive, connections, threads, perRequest.toNanos(),
                perConnect.toNanos(),
                HttpWorkload.Limits.DEFAULTS.maxHeaderBytes(), HttpWorkload.Limits.DEFAULTS.maxBodyBytes(), pipeline,
                schedule, Share.ALL);
        // Concatenated, not printf: a Formatter for a locale other than en_US loads the locale's
        // number symbols first (about 10 ms before the first request); the figures after the run
        // still use printf.
        String nl = System.lineSeparator();
        out.print("Running " + duration + " load @ " + url + " (after " + warmup + " of warm-up)" + nl + "  " + threads
                + " thread(s), " + connections + " connection(s), "
                + (schedule == null ? "closed model" : "open model at " + schedule.label())
                + (pipeline > 1 ? ", pipeline " + pipeline : "") + nl);
        long warmNs = warm.toNanos();
        // By the clock, not by whether anything measured has finished: a stalled server shows as
        // 0 req/s in the window, never as a warm-up that goes on. Then the drain, if it is long.
        ProgressListener progress = quiet ? ProgressListener.NONE
                : (elapsedNs, totalNs, phase, perSecond, errors, p99Us) -> err.printf(Locale.ROOT, "  %4.1fs  %s%n",
                        elapsedNs / 1e9, switch (phase) {
                            case WARMING_UP -> "warming up";
                            case MEASURING -> String.format(Locale.ROOT, "%,.0f req/s  %,d errors  p99 %s  (measured so"
                                    + " far)", perSecond, errors, perSecond > 0
                                    ? String.format(Locale.ROOT, "%.3fms", p99Us / 1000.0) : "n/a");
                            case DRAINING -> "draining: awaiting the window's requests still owed";
                        });
        LoadRun run = HttpProtocol.loadRun(spec);
        // Like wrk, an interrupt prints what was measured until then; a second one quits at once.
        Interrupts interrupts = Interrupts.install(err::println, "printing what was measured");
        LoadResult result;
        try {
            interrupts.attach(Interrupts.stopping(run::stop));
            result = run.execute(warmNs, measure.toNanos(), 10_000_000_000L, progress, () -> { });
        } finally {
            interrupts.uninstall();
        }
        print(result, measure.toNanos());
        if (interrupts.received()) {
            err.printf(Locale.ROOT, "engine load: interrupted; the figures above are of the %.2fs measured before"
                    + " it%n", result.stats().durationNs() / 1e9);
            return ExitCodes.INTERRUPTED;
        }
        if (result.stats().requests() == 0) {
            err.println("engine load: nothing succeeded" + errorsText(result.stats())
                    + (result.connectFailureToSay() == null ? "" : "; connecting: " + result.connectFailureToSay()));
            return ExitCodes.RUN_FAILED;
        }
        boolean passed = true;
        for (Threshold t : conditions) {
            double actual = actual(t, result.stats());
            boolean holds = t.holds(actual);
            passed &= holds;
            out.printf(Locale.ROOT, "threshold %s: %s (was %.3f%s)%n", t, holds ? "passed" : "FAILED", actual,
                    t.unit().equals("/s") ? "/s" : t.unit());
        }
        return passed ? ExitCodes.OK : ExitCodes.THRESHOLD_CROSSED;
    }

    /** The URL parsed, or null when it is not a URI at all (e.g. 127.0.0.1:8080, without a scheme). */
    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static double actual(Threshold t, RunStats s) {
        LatencySummary l = s.latency();
        return switch (t.metric()) {
            case "mean" -> l.meanMs();
            case "p50" -> l.p50Ms();
            case "p90" -> l.p90Ms();
            case "p99" -> l.p99Ms();
            case "p999" -> l.p999Ms();
            case "max" -> l.maxMs();
            case "rps" -> s.rate();
            default -> Figures.errorPct(s.requests(), s.errorTotal() + s.unsent()); // never sent counts as failed
        };
    }

    private static String errorsText(RunStats s) {
        StringBuilder out = new StringBuilder();
        for (ErrorKind kind : ErrorKind.values()) {
            if (s.errors(kind) > 0) {
                out.append(out.length() == 0 ? ": " : ", ").append(s.errors(kind)).append(' ').append(kind.key());
            }
        }
        return out.toString();
    }

    private void print(LoadResult result, long windowNs) {
        RunStats s = result.stats();
        LatencySummary c = s.latency();
        LatencySummary u = s.uncorrectedLatency();
        if (s.requests() == 0) {
            out.printf("  Latency              n/a: nothing succeeded%n");
        } else {
            out.printf(Locale.ROOT, "  Latency (from due)   mean %.3fms  p50 %.3fms  p90 %.3fms  p99 %.3fms"
                    + "  p99.9 %.3fms  max %.3fms%n", c.meanMs(), c.p50Ms(), c.p90Ms(), c.p99Ms(), c.p999Ms(), c.maxMs());
            out.printf(Locale.ROOT, "  Latency (from write) mean %.3fms  p50 %.3fms  p90 %.3fms  p99 %.3fms"
                    + "  p99.9 %.3fms  max %.3fms%n", u.meanMs(), u.p50Ms(), u.p90Ms(), u.p99Ms(), u.p999Ms(), u.maxMs());
        }
        StringBuilder errors = new StringBuilder();
        for (ErrorKind kind : ErrorKind.values()) {
            long n = s.errors(kind);
            if (n > 0) {
                errors.append(errors.length() == 0 ? " (" : ", ").append(kind.key()).append(' ').append(n);
            }
        }
        if (errors.length() > 0) {
            errors.append(')');
        }
        out.printf(Locale.ROOT, "  %,d requests in %.2fs, %,d bytes read, %,d errors%s%n", s.requests(),
                s.durationNs() / 1e9, s.bytesReceived(), s.errorTotal(), errors);
        if (s.delayed() + s.unsent() > 0) {
            out.printf(Locale.ROOT, "  open model: %,d requests sent over 1 ms late, %,d never sent%n", s.delayed(),
                    s.unsent());
        }
        if (s.durationNs() > windowNs && s.unsent() == 0) {
            out.printf(Locale.ROOT, "  behind: the requests due in the %.2fs window took %.2fs to send (the server or"
                    + " this client could not keep up); requests/s is over those %.2fs%n", windowNs / 1e9,
                    s.durationNs() / 1e9, s.durationNs() / 1e9);
        } else if (s.durationNs() > windowNs) {
            out.printf(Locale.ROOT, "  behind: the requests due in the %.2fs window went out over %.2fs, until the drain"
                    + " (one request timeout) ended with %,d never sent; requests/s is over those %.2fs%n",
                    windowNs / 1e9, s.durationNs() / 1e9, s.unsent(), s.durationNs() / 1e9);
        }
        if (result.security() != null) {
            out.printf(Locale.ROOT, "  tls: %s, %,d handshakes in the window (%,.1f/s)%n", result.security(),
                    s.connectionsOpened(), s.connectionsOpened() * 1e9 / Math.max(1, s.durationNs()));
        }
        out.printf(Locale.ROOT, "  client: %.2f s CPU (%.0f%% of a core), busiest loop %.0f%%, %.2f bytes allocated"
                        + " per request%n", result.clientCpuNs() / 1e9, result.clientCpuPct(), result.loopBusyMaxPct(),
                result.allocatedBytesPerRequest());
        long heapPeak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        out.printf(Locale.ROOT, "  jvm: heap peak %.1f MiB of max %.1f MiB, %d connections opened during the window%n",
                heapPeak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, s.connectionsOpened());
        // Everything this process sent and had answered, warm-up and drain included, first: a harness
        // that divides the whole process's CPU time by a request count (peer-bench reads the first
        // of total_requests= and requests=) must divide by the requests that CPU paid for, not only
        // by the measured window's.
        long total = 0;
        for (Series.Interval second : s.series()) {
            total += second.histogram().getTotalCount() + second.errorCount();
        }
        out.printf(Locale.ROOT, "total_requests=%d%n", total);
        out.printf(Locale.ROOT, "requests=%d%nrps=%.2f%nlatency=%s%nerrors=%d%nalloc_bytes_per_request=%.2f%n",
                s.requests(), s.rate(), s.requests() == 0 ? "n/a" : String.format(Locale.ROOT,
                        "mean %.3fms, p50 %.3fms, p99 %.3fms, max %.3fms (from due)", c.meanMs(), c.p50Ms(), c.p99Ms(),
                        c.maxMs()), s.errorTotal(), result.allocatedBytesPerRequest());
    }
}
