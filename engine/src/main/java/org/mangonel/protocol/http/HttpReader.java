package org.mangonel.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mangonel.protocol.Section;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.Expect;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.UrlSpec;

/** Reads an HTTP benchmark's keys into an {@link HttpWorkload}. Stateless. */
final class HttpReader {
    static final List<String> KEYS = List.of("urls", "order", "keepalive", "expect", "limits", "pipeline");
    static final List<String> URL_KEYS = List.of("path", "method", "headers", "body", "weight", "expect");
    static final List<String> EXPECT_KEYS = List.of("status", "body", "contains", "length");
    static final List<String> LIMIT_KEYS = List.of("header", "body");
    /** A request (head and body) must fit the event loop's send buffer; this leaves room for the head. */
    static final int MAX_BODY_BYTES = 60 * 1024;

    private HttpReader() {
    }

    static HttpWorkload read(Section m) {
        String order = m.choice("order", List.of("weighted", "sequential", "random"));
        Boolean keepalive = m.bool("keepalive");
        Expect expect = m.has("expect") ? expect(m.section("expect", EXPECT_WHAT, EXPECT_KEYS)) : null;
        HttpWorkload.Limits limits = m.has("limits") ? limits(m.section("limits", "limits (header, body)", LIMIT_KEYS))
                : null;
        Integer pipeline = m.integer("pipeline", 1, 1024);
        List<UrlSpec> urls = urls(m);
        if (urls == null || (m.has("order") && order == null) || (m.has("expect") && expect == null)
                || (m.has("limits") && limits == null) || (m.has("pipeline") && pipeline == null)) {
            return null;
        }
        if (pipeline != null && pipeline > 1 && Boolean.FALSE.equals(keepalive)) {
            m.error("pipeline", "'pipeline' needs keep-alive: a connection that closes after each response cannot"
                    + " carry several requests");
            return null;
        }
        return new HttpWorkload(urls, order == null ? Order.WEIGHTED
                : Order.valueOf(order.toUpperCase(Locale.ROOT)), keepalive == null || keepalive, expect,
                limits, pipeline == null ? 1 : pipeline);
    }

    private static final String EXPECT_WHAT = "an expectation (status, body, contains, length)";

    private static List<UrlSpec> urls(Section m) {
        if (!m.require("urls")) {
            return null;
        }
        List<Section.Item> items = m.list("urls");
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            m.error("urls", "'urls' is empty; give at least one, e.g. - path: /");
            return null;
        }
        List<UrlSpec> out = new ArrayList<>();
        for (Section.Item item : items) {
            UrlSpec url = url(item);
            if (url != null) {
                out.add(url);
            }
        }
        return out.size() == items.size() ? out : null;
    }

    private static UrlSpec url(Section.Item item) {
        String plain = item.scalar();
        if (plain != null) {
            String path = path(plain);
            if (path == null) {
                item.error(pathProblem(plain));
                return null;
            }
            return new UrlSpec(path, "GET", List.of(), "", 1, null);
        }
        Section m = item.section("a URL (path, method, headers, body, weight, expect)", URL_KEYS);
        if (m == null) {
            return null;
        }
        String rawPath = m.require("path") ? m.string("path") : null;
        String path = rawPath == null ? null : path(rawPath);
        if (rawPath != null && path == null) {
            m.error("path", pathProblem(rawPath));
        }
        String method = m.string("method");
        if (method != null && !UrlSpec.isToken(method)) {
            m.error("method", "'method' must be an HTTP method such as GET or POST, found '" + method + "'");
            method = null;
        }
        List<UrlSpec.Header> headers = headers(m);
        String body = m.string("body");
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            m.error("body", "'body' is larger than " + MAX_BODY_BYTES / 1024 + " KiB; a request must fit"
                    + " the client's 64 KiB send buffer");
            body = null;
            path = null;
        }
        Integer weight = m.integer("weight", 1, 1_000_000);
        Expect expect = m.has("expect") ? expect(m.section("expect", EXPECT_WHAT, EXPECT_KEYS)) : null;
        boolean failed = path == null || (m.has("method") && method == null) || headers == null
                || (m.has("weight") && weight == null) || (m.has("expect") && expect == null);
        if (failed) {
            return null;
        }
        return new UrlSpec(path, method == null ? "GET" : method.toUpperCase(Locale.ROOT), headers, body,
                weight == null ? 1 : weight, expect);
    }

    /** The path when it is a valid request target, else null. */
    private static String path(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return null;
            }
        }
        return path;
    }

    private static String pathProblem(String path) {
        return path.startsWith("/")
                ? "a URL path cannot hold spaces or control characters; percent-encode them (%20)"
                : "a URL path must start with '/', found '" + path + "'";
    }

    private static List<UrlSpec.Header> headers(Section m) {
        Map<String, String> map = m.stringMap("headers");
        if (map == null) {
            return m.has("headers") ? null : List.of();
        }
        List<UrlSpec.Header> out = new ArrayList<>();
        for (var e : map.entrySet()) {
            String name = e.getKey();
            if (!UrlSpec.isToken(name)) {
                m.error("headers", "header name '" + name + "' is not a valid HTTP token");
                return null;
            }
            if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) {
                m.error("headers", "header '" + name + "' is set by the engine from 'body'");
                return null;
            }
            if (e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\n') >= 0) {
                m.error("headers", "the value of header '" + name + "' cannot hold a line break");
                return null;
            }
            out.add(new UrlSpec.Header(name, e.getValue()));
        }
        return out;
    }

    private static Expect expect(Section m) {
        if (m == null) {
            return null;
        }
        List<Integer> statuses = new ArrayList<>();
        boolean ok = true;
        List<Section.Item> items = m.list("status");
        if (items != null) {
            for (Section.Item item : items) {
                Integer status = item.integer("status", 100, 599);
                ok &= status != null;
                if (status != null) {
                    statuses.add(status);
                }
            }
        } else {
            ok &= !m.has("status");
        }
        String body = m.string("body");
        String contains = m.string("contains");
        if (body != null && contains != null) {
            m.error("contains", "give either 'body' (exact) or 'contains', not both");
            ok = false;
        }
        ok &= !(m.has("body") && body == null) && !(m.has("contains") && contains == null);
        Long length = m.size("length", 0);
        ok &= !(m.has("length") && length == null);
        if (body != null && length != null && body.getBytes(StandardCharsets.UTF_8).length != length) {
            m.error("length", "'length' is " + length + " but 'body' is "
                    + body.getBytes(StandardCharsets.UTF_8).length + " bytes");
            ok = false;
        }
        return ok ? new Expect(statuses, body, contains, length) : null;
    }

    private static HttpWorkload.Limits limits(Section m) {
        if (m == null) {
            return null;
        }
        Long header = m.size("header", 256);
        Long body = m.size("body", 0);
        if ((m.has("header") && header == null) || (m.has("body") && body == null)) {
            return null;
        }
        if (header != null && header > Integer.MAX_VALUE / 2) {
            m.error("header", "'header' limit is too large; keep it under 1GiB");
            return null;
        }
        HttpWorkload.Limits d = HttpWorkload.Limits.DEFAULTS;
        return new HttpWorkload.Limits(header == null ? d.maxHeaderBytes() : header.intValue(),
                body == null ? d.maxBodyBytes() : body);
    }
}
