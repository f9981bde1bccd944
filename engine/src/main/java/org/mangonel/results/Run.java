package org.mangonel.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured window (a repetition of a level).
 *
 * @param status  ok, failed or interrupted
 * @param series  one entry per second, warm-up included (version 2)
 * @param hlog    its HdrHistogram interval log, relative to the results file (version 2)
 * @param lateMs  in a run with a common start, how late this window's traffic began (version 2)
 * @param histogramUncorrected the latencies from the actual send, encoded like {@code histogram} (version 2)
 * @param extra   a protocol's own figures (chat: {@code messages})
 */
@JsonPropertyOrder({"repetition", "started_at", "status", "reason", "requests", "errors", "status_codes",
    "duration_s", "rps", "bytes_received", "bytes_sent", "connections_opened", "latency_ms",
    "latency_uncorrected_ms", "open_model", "tls"})
public record Run(int repetition, String startedAt, String status, String reason, long requests,
                  Map<String, Long> errors, Map<String, Long> statusCodes, double durationS, double rps,
                  long bytesReceived, long bytesSent, long connectionsOpened, Latency latencyMs,
                  Latency latencyUncorrectedMs, OpenModel openModel, Tls tls, String histogram,
                  String histogramUncorrected, List<Second> series, String hlog, Double lateMs, ServerFigures server,
                  ClientFigures client,
                  @JsonAnyGetter @JsonAnySetter Map<String, Object> extra) implements Figures {
    public Run {
        errors = errors == null ? Map.of() : errors;
        statusCodes = statusCodes == null ? Map.of() : statusCodes;
        series = series == null ? List.of() : series;
        extra = extra == null ? new LinkedHashMap<>() : extra;
        latencyMs = latencyMs == null ? Latency.NONE : latencyMs;
        latencyUncorrectedMs = latencyUncorrectedMs == null ? Latency.NONE : latencyUncorrectedMs;
    }
}
