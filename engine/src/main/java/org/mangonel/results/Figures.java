package org.mangonel.results;

import java.util.Map;

/**
 * What a measured window reports, and a level's summary too (the summary's figures are the
 * chosen run's, or their mean): the accessors both {@link Run} and {@link Summary} have.
 */
public interface Figures {
    long requests();

    /** Errors by kind, and {@code total}. */
    Map<String, Long> errors();

    Map<String, Long> statusCodes();

    double durationS();

    double rps();

    long bytesReceived();

    long bytesSent();

    long connectionsOpened();

    Latency latencyMs();

    Latency latencyUncorrectedMs();

    OpenModel openModel();

    /**
     * The error share, percent: failures, and in the open model requests never sent, of all the
     * requests due (what an {@code errors} threshold and compare judge). Never sent is a failure
     * to load the server as asked: left out, a run that sent less than half its schedule passed
     * {@code errors < 0.1%}.
     */
    default double errorPct() {
        return errorPct(requests(), errorTotal() + (openModel() == null ? 0 : openModel().unsent()));
    }

    /** {@link #errorPct()} from the successes and the failures (never sent included). */
    static double errorPct(long succeeded, long failed) {
        long all = succeeded + failed;
        return all == 0 ? 0 : 100.0 * failed / all;
    }

    Tls tls();

    /** The run's HdrHistogram of corrected latencies, microseconds, compressed, base64. */
    String histogram();

    ServerFigures server();

    ClientFigures client();

    /** A protocol's own figures (chat's {@code messages}, ...), by key. */
    Map<String, Object> extra();

    /** Total errors. */
    default long errorTotal() {
        Long total = errors().get("total");
        return total == null ? 0 : total;
    }

    /** Open model: what was asked and what the server carried. */
    record OpenModel(double targetRps, double achievedRps, double achievedPct, long delayed, long unsent) {
    }

    /** What a secure run negotiated, and its handshakes (connections opened in the window). */
    record Tls(String protocol, String cipher, long handshakes, double handshakesPerS) {
    }

    /** What a framework's processes used during a window (from /proc). */
    record ServerFigures(double cpuS, double cpuPct, long rssMaxBytes, long rssMeanBytes, int processes) {
    }

    /**
     * What the client used during a window.
     *
     * @param loopBusyMaxPct the busiest event loop thread's share of one core
     * @param saturated      the busiest loop was (nearly) always busy: the client may have limited the figures
     */
    record ClientFigures(double cpuS, double cpuPct, double loopBusyMaxPct, int threads, boolean saturated,
                         double allocBytesPerRequest) {
    }
}
