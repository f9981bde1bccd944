package org.mangonel.protocol.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.mangonel.load.LoadRun;
import org.mangonel.load.Probe;
import org.mangonel.scenario.Share;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Section;
import org.mangonel.protocol.websocket.WebSocketTransport;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.ChatWorkload;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.stats.RunStats;
import org.mangonel.transport.Endpoint;

/**
 * Chat fan-out: every client sends lines on a fixed schedule and the server relays each to every
 * other client. Always the open model; a concurrency level is a number of clients.
 */
public final class ChatProtocol implements Protocol<ChatWorkload> {
    static final List<String> KEYS = List.of("join", "message_rate", "message_size", "terminator", "drain");

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public Class<ChatWorkload> workloadType() {
        return ChatWorkload.class;
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public List<String> schemes() {
        return List.of("tcp", "tls", "ws", "wss");
    }

    @Override
    public ChatWorkload read(Section m) {
        String join = m.string("join");
        Double rate = m.rate("message_rate");
        Integer size = m.integer("message_size", ChatWorkload.MIN_MESSAGE_SIZE, 65_536);
        String terminator = m.choice("terminator", List.of("lf", "crlf"));
        Duration drain = m.duration("drain", Duration.ZERO);
        boolean failed = (m.has("message_rate") && rate == null) || (m.has("message_size") && size == null)
                || (m.has("terminator") && terminator == null) || (m.has("drain") && drain == null)
                || (m.has("join") && join == null);
        if (m.has("rate")) {
            m.error("rate", "'rate' is for http benchmarks; a chat sets 'message_rate' per client");
            failed = true;
        }
        if (failed) {
            return null;
        }
        return new ChatWorkload(join, rate == null ? 1.0 : rate, size == null ? 64 : size,
                "crlf".equals(terminator) ? "\r\n" : "\n", drain == null ? Duration.ofSeconds(1) : drain);
    }

    @Override
    public String levelUnit() {
        return "client";
    }

    @Override
    public String successUnit() {
        return "deliveries";
    }

    @Override
    public boolean openModel(ChatWorkload workload, RunSettings settings) {
        return true;
    }

    @Override
    public String levelProblem(ChatWorkload workload, int concurrency) {
        return concurrency < 2 ? "a chat needs at least 2 clients, found concurrency " + concurrency : null;
    }

    @Override
    public ChatWorkload atLoad(ChatWorkload w, Capacity.Vary vary, double load) {
        return vary != Capacity.Vary.MESSAGE_RATE ? w
                : new ChatWorkload(w.join(), load, w.messageSize(), w.terminator(), w.drain());
    }

    @Override
    public long shortfall(RunStats s) {
        return Math.max(0, s.counter(ChatCounter.DELIVERIES_EXPECTED) - s.requests());
    }

    @Override
    public boolean countsLosses() {
        return true;
    }

    @Override
    public List<Capacity.Vary> capacityVaries() {
        return List.of(Capacity.Vary.CONCURRENCY, Capacity.Vary.MESSAGE_RATE);
    }

    @Override
    public int counters() {
        return ChatCounter.values().length;
    }

    @Override
    public Optional<String> verify(ChatWorkload w, Endpoint endpoint, RunSettings s) {
        return Probe.run(new ChatCheck(spec(w, endpoint, s, 2, Share.ALL), s.timeout().toMillis()),
                s.timeout().toNanos());
    }

    @Override
    public LoadRun load(ChatWorkload w, Endpoint endpoint, RunSettings s, int concurrency, Rate rate, Share share) {
        return loadRun(spec(w, endpoint, s, concurrency, share));
    }

    /** The run: scheduled messages, deliveries awaited for the drain period after the window. */
    public static LoadRun loadRun(ChatLoadSpec spec) {
        AtomicInteger joined = new AtomicInteger();
        return new LoadRun(spec.threads(), spec.localClients(), spec.drainNs(), ChatCounter.values().length,
                (loop, ready, i, n, first, count) -> new ChatWorker(loop, ready, spec, joined, i, n));
    }

    /**
     * Over {@code ws://} or {@code wss://}, each line is one text message with no terminator: the
     * endpoint's transport (TCP or TLS) is wrapped in WebSocket framing.
     */
    private static ChatLoadSpec spec(ChatWorkload w, Endpoint endpoint, RunSettings s, int clients, Share share) {
        boolean framed = endpoint.scheme().startsWith("ws");
        Endpoint reached = !framed ? endpoint : new Endpoint(endpoint.url(), endpoint.address(), endpoint.authority(),
                endpoint.basePath(), new WebSocketTransport(endpoint.transport(),
                endpoint.basePath().isEmpty() ? "/" : endpoint.basePath(), endpoint.authority(), MAX_MESSAGE_BYTES));
        byte[] terminator = framed ? new byte[0] : w.terminator().getBytes(StandardCharsets.US_ASCII);
        return new ChatLoadSpec(reached, clients, share, s.threads(), w.messageRate(), w.messageSize(), terminator,
                w.join(), s.connectTimeout().toNanos(), w.drain().toNanos());
    }

    /** A WebSocket message longer than this is a protocol error (a chat line is far shorter). */
    static final long MAX_MESSAGE_BYTES = 1 << 20;

    @Override
    public String nothingMeasured(RunStats s) {
        long sent = s.counter(ChatCounter.MESSAGES_SENT);
        long unsent = s.counter(ChatCounter.MESSAGES_UNSENT);
        if (sent == 0) {
            return unsent == 0 ? "no message was delivered: none was due in the window"
                    : String.format(Locale.ROOT, "no message was delivered: none of the %,d due was sent", unsent);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "no message was delivered: %,d sent, %,d deliveries expected", sent,
                s.counter(ChatCounter.DELIVERIES_EXPECTED)));
        if (s.counter(ChatCounter.DUPLICATES) > 0) {
            out.append(String.format(Locale.ROOT, ", %,d duplicated", s.counter(ChatCounter.DUPLICATES)));
        }
        if (s.counter(ChatCounter.CORRUPTED) > 0) {
            out.append(String.format(Locale.ROOT, ", %,d corrupted", s.counter(ChatCounter.CORRUPTED)));
        }
        return out.toString();
    }

    @Override
    public Map<String, Object> describe(ChatWorkload chat) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("join", chat.join());
        out.put("message_rate_per_client", chat.messageRate());
        out.put("message_bytes", chat.messageSize());
        out.put("terminator", chat.terminator().equals("\r\n") ? "crlf" : "lf");
        out.put("drain_s", chat.drain().toMillis() / 1000.0);
        return out;
    }

    /** Counts are summed; the share delivered follows from the sums. */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> mergeFigures(List<Map<String, Object>> shards) {
        Map<String, Object> out = org.mangonel.protocol.Figures.sum(shards);
        if (out.get("messages") instanceof Map<?, ?> m) {
            Map<String, Object> messages = (Map<String, Object>) m;
            long expected = ((Number) messages.getOrDefault("expected", 0L)).longValue();
            long delivered = ((Number) messages.getOrDefault("delivered", 0L)).longValue();
            messages.put("lost", Math.max(0, expected - delivered));
            messages.put("delivered_pct", expected == 0 ? 0.0 : Math.round(100_000.0 * delivered / expected) / 1000.0);
        }
        return out;
    }

    @Override
    public String summary(ChatWorkload workload, RunStats s) {
        long expected = s.counter(ChatCounter.DELIVERIES_EXPECTED);
        long unsent = s.counter(ChatCounter.MESSAGES_UNSENT);
        return String.format(Locale.ROOT, " of %,d expected (%,d lost%s)", expected,
                Math.max(0, expected - s.requests()), unsent == 0 ? ""
                        : String.format(Locale.ROOT, "; %,d messages due never sent", unsent));
    }

    @Override
    public void figures(ChatWorkload workload, RunStats s, Map<String, Object> out) {
        long expected = s.counter(ChatCounter.DELIVERIES_EXPECTED);
        long delivered = s.requests();
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("sent", s.counter(ChatCounter.MESSAGES_SENT));
        messages.put("unsent", s.counter(ChatCounter.MESSAGES_UNSENT));
        messages.put("expected", expected);
        messages.put("delivered", delivered);
        messages.put("lost", Math.max(0, expected - delivered));
        messages.put("duplicated", s.counter(ChatCounter.DUPLICATES));
        messages.put("corrupted", s.counter(ChatCounter.CORRUPTED));
        messages.put("delivered_pct", expected == 0 ? 0.0 : Math.round(100_000.0 * delivered / expected) / 1000.0);
        out.put("messages", messages);
    }
}
