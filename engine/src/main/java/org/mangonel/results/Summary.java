package org.mangonel.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A level's published figures: for best and median, the chosen repetition's; for mean, counts and
 * throughput averaged and latency from all repetitions' samples merged. Always with the spread
 * of the throughput across repetitions.
 *
 * @param method           best, median or mean
 * @param of               how many repetitions it was chosen from
 * @param partial          only an interrupted window measured anything
 * @param chosenRepetition the repetition shown (best, median), or null (mean; or the median of
 *                         an even count: the lower of the two middle runs, as the page says)
 */
@JsonPropertyOrder({"method", "of", "partial", "chosen_repetition", "requests", "errors", "status_codes",
    "duration_s", "rps", "bytes_received", "bytes_sent", "connections_opened", "latency_ms",
    "latency_uncorrected_ms", "open_model", "tls"})
public record Summary(String method, int of, boolean partial, Integer chosenRepetition, long requests,
                      Map<String, Long> errors, Map<String, Long> statusCodes, double durationS, double rps,
                      long bytesReceived, long bytesSent, long connectionsOpened, Latency latencyMs,
                      Latency latencyUncorrectedMs, OpenModel openModel, Tls tls, String histogram,
                      ServerFigures server, ClientFigures client, Spread spread, boolean clientSaturated,
                      @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) implements Figures {
    public Summary {
        errors = errors == null ? Map.of() : errors;
        statusCodes = statusCodes == null ? Map.of() : statusCodes;
        extra = extra == null ? new LinkedHashMap<>() : extra;
        latencyMs = latencyMs == null ? Latency.NONE : latencyMs;
        latencyUncorrectedMs = latencyUncorrectedMs == null ? Latency.NONE : latencyUncorrectedMs;
    }

    /**
     * How the throughput varied over the repetitions: min, max, coefficient of variation; and the
     * range of p99 and of p50 latency (what compare uses to call a change "within noise", each
     * figure by its own range). p50's range is absent from files written before it was kept.
     */
    public record Spread(double rpsMin, double rpsMax, double rpsCvPct, Double p99Min, Double p99Max,
                         Double p50Min, Double p50Max) {
    }
}
