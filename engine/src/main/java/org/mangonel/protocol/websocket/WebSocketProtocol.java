package org.mangonel.protocol.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mangonel.load.LoadRun;
import org.mangonel.load.PacedWorker;
import org.mangonel.load.Probe;
import org.mangonel.scenario.Share;
import org.mangonel.load.Worker;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Section;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.WebSocketWorkload;
import org.mangonel.stats.RunStats;
import org.mangonel.transport.Endpoint;

/**
 * WebSocket request/response (RFC 6455): each connection sends a message of the mix and waits for
 * its answer, in the closed model or on a schedule ({@code rate:}), like HTTP. (Chat over
 * WebSocket is the chat protocol with a {@code ws://} URL.)
 */
public final class WebSocketProtocol implements Protocol<WebSocketWorkload> {
    static final List<String> KEYS = List.of("messages", "order", "expect");
    static final List<String> MESSAGE_KEYS = List.of("text", "binary_size", "weight");
    static final List<String> EXPECT_KEYS = List.of("echo", "text");
    /** An answer longer than this is a protocol error. */
    static final long MAX_MESSAGE_BYTES = 16L << 20;

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public Class<WebSocketWorkload> workloadType() {
        return WebSocketWorkload.class;
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public List<String> schemes() {
        return List.of("ws", "wss");
    }

    @Override
    public WebSocketWorkload read(Section m) {
        String order = m.choice("order", List.of("weighted", "sequential", "random"));
        List<WebSocketWorkload.Message> messages = messages(m);
        WebSocketWorkload.Answer expect = m.has("expect")
                ? answer(m.section("expect", "an expectation (echo, or text)", EXPECT_KEYS)) : null;
        if (messages == null || (m.has("order") && order == null) || (m.has("expect") && expect == null)) {
            return null;
        }
        return new WebSocketWorkload(messages, order == null ? Order.WEIGHTED
                : Order.valueOf(order.toUpperCase(Locale.ROOT)), expect);
    }

    private static List<WebSocketWorkload.Message> messages(Section m) {
        if (!m.require("messages")) {
            return null;
        }
        List<Section.Item> items = m.list("messages");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            m.error("messages", "'messages' is empty; give at least one, e.g. - text: hello");
            return null;
        }
        List<WebSocketWorkload.Message> out = new ArrayList<>();
        for (Section.Item item : items) {
            Section s = item.section("a message (text or binary_size, weight)", MESSAGE_KEYS);
            if (s == null) {
                continue;
            }
            String text = s.string("text");
            Long size = s.size("binary_size", 0);
            Integer weight = s.integer("weight", 1, 1_000_000);
            if (s.has("text") == s.has("binary_size")) {
                item.error("a message has either 'text' or 'binary_size'");
                continue;
            }
            if (size != null && size > MAX_MESSAGE_BYTES / 4) {
                s.error("binary_size", "'binary_size' is above " + (MAX_MESSAGE_BYTES / 4 >> 20) + " MiB");
                continue;
            }
            if ((s.has("text") && text == null) || (s.has("binary_size") && size == null)
                    || (s.has("weight") && weight == null)) {
                continue;
            }
            out.add(new WebSocketWorkload.Message(text, size == null ? 0 : size.intValue(),
                    weight == null ? 1 : weight));
        }
        return out.size() == items.size() ? out : null;
    }

    private static WebSocketWorkload.Answer answer(Section e) {
        if (e == null) {
            return null;
        }
        Boolean echo = e.bool("echo");
        String text = e.string("text");
        if (e.has("echo") == e.has("text")) {
            e.error("echo", "give either 'echo: true' or 'text'");
            return null;
        }
        if (echo != null && !echo) {
            e.error("echo", "'echo: false' says nothing; give 'text' for a fixed answer instead");
            return null;
        }
        return echo != null ? WebSocketWorkload.Answer.ECHO : text == null ? null
                : new WebSocketWorkload.Answer(false, text);
    }

    @Override
    public String levelUnit() {
        return "connection";
    }

    @Override
    public String successUnit() {
        return "messages";
    }

    @Override
    public boolean openModel(WebSocketWorkload workload, RunSettings settings) {
        return settings.openModel();
    }

    @Override
    public Optional<String> verify(WebSocketWorkload w, Endpoint endpoint, RunSettings s) {
        WebSocketLoadSpec spec = spec(w, endpoint, s, 1, null);
        long perMessageNs = s.timeout().toNanos();
        return Probe.run(new WebSocketCheck(spec, s.timeout().toMillis()),
                s.connectTimeout().toNanos() + perMessageNs * (w.messages().size() + 1));
    }

    @Override
    public LoadRun load(WebSocketWorkload w, Endpoint endpoint, RunSettings s, int concurrency, Rate rate,
                        Share share) {
        int connections = share.part(concurrency);
        WebSocketLoadSpec spec = spec(w, endpoint, s, connections, rate);
        return new LoadRun(s.threads(), connections, spec.timeoutNs() + Worker.SCAN_INTERVAL_NS, 0,
                (loop, ready, i, n, first, count) -> new PacedWorker(loop, ready, 0, connections, share, rate, first,
                        count, (worker, number) -> new WebSocketSession(worker, spec, number)));
    }

    private static WebSocketLoadSpec spec(WebSocketWorkload w, Endpoint endpoint, RunSettings s, int connections,
                                          Rate rate) {
        String target = endpoint.basePath().isEmpty() ? "/" : endpoint.basePath();
        Endpoint framed = new Endpoint(endpoint.url(), endpoint.address(), endpoint.authority(), endpoint.basePath(),
                new WebSocketTransport(endpoint.transport(), target, endpoint.authority(), MAX_MESSAGE_BYTES));
        return new WebSocketLoadSpec(framed, new WebSocketMix(w), connections, s.threads(), s.timeout().toNanos(),
                s.connectTimeout().toNanos(), rate);
    }

    @Override
    public String nothingMeasured(RunStats stats) {
        return "no message was answered";
    }

    @Override
    public Map<String, Object> describe(WebSocketWorkload w) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> messages = new ArrayList<>();
        for (WebSocketWorkload.Message m : w.messages()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(m.binary() ? "binary_size" : "text", m.binary() ? m.binarySize() : m.text());
            one.put("weight", m.weight());
            messages.add(one);
        }
        out.put("messages", messages);
        out.put("order", w.order().word());
        out.put("expect", w.expect().echo() ? "echo" : w.expect().text());
        return out;
    }
}
