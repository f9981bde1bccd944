package org.mangonel.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.ChatWorkload;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.Rates;
import org.mangonel.scenario.Expect;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Source;
import org.mangonel.scenario.UrlSpec;
import org.mangonel.scenario.Workload;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a scenario file into a {@link Scenario}, or a {@link ScenarioException} listing every
 * problem with its line and column. Stateless; each call reads one file on the calling thread.
 */
public final class ScenarioLoader {
    /** Scenario files are small; anything bigger than this is a mistake. */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** A request (head and body) must fit the event loop's send buffer; this leaves room for the head. */
    static final int MAX_BODY_BYTES = 60 * 1024;

    static final List<String> SETTINGS_KEYS = List.of("duration", "warmup", "repetitions", "aggregate",
            "concurrency", "timeout", "threads", "connect_timeout", "client_cpus", "rate");
    static final List<String> TOP_KEYS = concat(List.of("name", "title", "description"), SETTINGS_KEYS,
            List.of("frameworks", "benchmarks"));
    static final List<String> FRAMEWORK_KEYS = List.of("name", "title", "start", "url", "cwd", "env", "requires",
            "ready", "version", "stop_grace", "cpus");
    static final List<String> RAMP_KEYS = List.of("from", "to");
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    static final List<String> HTTP_KEYS = List.of("urls", "order", "keepalive", "expect", "limits", "pipeline");
    static final List<String> CHAT_KEYS = List.of("join", "message_rate", "message_size", "terminator", "drain");
    static final List<String> BENCHMARK_KEYS = concat(List.of("name", "title", "description", "frameworks", "protocol",
            "verify"), SETTINGS_KEYS, HTTP_KEYS, CHAT_KEYS);
    static final List<String> URL_KEYS = List.of("path", "method", "headers", "body", "weight", "expect");
    static final List<String> EXPECT_KEYS = List.of("status", "body", "contains", "length");
    static final List<String> LIMIT_KEYS = List.of("header", "body");
    static final List<String> REQUIRE_KEYS = List.of("command", "hint");
    static final List<String> PROTOCOLS = List.of("http", "chat");

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final String BUILTIN_PREFIX = "builtin:";

    private ScenarioLoader() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario load(Path file) throws ScenarioException {
        String shown = file.toString();
        Doc fileDoc = new Doc(shown, "");
        byte[] bytes = null;
        if (Files.isDirectory(file)) {
            fileDoc.fileError("is a directory, not a scenario file");
        } else if (!Files.exists(file)) {
            fileDoc.fileError("no such file");
        } else {
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    fileDoc.fileError("is larger than " + MAX_FILE_BYTES + " bytes; a scenario file is small text");
                } else {
                    bytes = Files.readAllBytes(file);
                }
            } catch (IOException e) {
                fileDoc.fileError("cannot be read: " + e.getMessage());
            }
        }
        if (bytes == null) {
            throw new ScenarioException(fileDoc.problems());
        }
        Path directory = file.toAbsolutePath().normalize().getParent();
        return parse(bytes, shown, directory == null ? "/" : directory.toString(), baseName(file));
    }

    /**
     * Validates a scenario given as bytes.
     *
     * @param bytes       the file's content
     * @param shownName   the file name to show in messages
     * @param directory   absolute directory that relative paths and commands start from
     * @param defaultName the scenario name when the file does not set one
     */
    public static Scenario parse(byte[] bytes, String shownName, String directory, String defaultName)
            throws ScenarioException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            Doc doc = new Doc(shownName, "");
            doc.fileError("is not UTF-8 text");
            throw new ScenarioException(doc.problems());
        }
        Doc doc = new Doc(shownName, text);
        Node root = compose(doc, text);
        if (root == null) {
            throw new ScenarioException(doc.problems());
        }
        Scenario scenario = new ScenarioReader(doc, new Source(shownName, directory, sha256(bytes)), defaultName)
                .read(root);
        if (!doc.problems().isEmpty()) {
            throw new ScenarioException(doc.problems());
        }
        return scenario;
    }

    private static Node compose(Doc doc, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by MappingReader, with a position
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setAllowRecursiveKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null || root.getTag().equals(Tag.NULL) && root instanceof ScalarNode s && s.getValue().isEmpty()) {
                doc.fileError("is empty; a scenario needs at least 'frameworks' and 'benchmarks'");
                return null;
            }
            return root;
        } catch (MarkedYAMLException e) {
            doc.error(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), syntaxMessage(e));
            return null;
        } catch (YAMLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            doc.fileError("this is not usable YAML: " + message
                    + (message.contains("aliases") ? " (an alias bomb?); refusing it" : ""));
            return null;
        }
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? String.valueOf(e.getMessage()) : e.getProblem();
        if (problem.contains("Global tag is not allowed")) {
            return "tags are not allowed in scenarios (" + problem.substring(problem.indexOf(':') + 1).trim()
                    + "); a scenario holds only plain values";
        }
        if (problem.contains("\\t") || problem.contains("(TAB)")) {
            return "this is not valid YAML: a tab character where YAML expects spaces; indent with spaces";
        }
        StringBuilder out = new StringBuilder("this is not valid YAML: ").append(problem);
        if (e.getContext() != null) {
            out.append(" (").append(e.getContext());
            if (e.getContextMark() != null && e.getProblemMark() != null
                    && e.getContextMark().getLine() != e.getProblemMark().getLine()) {
                out.append(" that starts at line ").append(e.getContextMark().getLine() + 1).append(", column ")
                        .append(e.getContextMark().getColumn() + 1);
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String baseName(Path file) {
        Path name = file.getFileName();
        String base = name == null ? "scenario" : name.toString().replaceFirst("\\.ya?ml$", "");
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        return safe.isEmpty() ? "scenario" : safe;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> part : parts) {
            out.addAll(part);
        }
        return List.copyOf(out);
    }

    /** Reads the tree of one document; collects problems into its {@link Doc}. */
    private static final class ScenarioReader {
        private final Doc doc;
        private final Source source;
        private final String defaultName;

        ScenarioReader(Doc doc, Source source, String defaultName) {
            this.doc = doc;
            this.source = source;
            this.defaultName = defaultName;
        }

        Scenario read(Node root) {
            doc.visit(root);
            MappingReader top = new MappingReader(doc, root, "the scenario", TOP_KEYS);
            if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                return null;
            }
            String name = top.has("name") ? top.name("name") : defaultName;
            String title = top.string("title");
            String description = top.string("description");
            RunSettings settings = settings(top);
            List<Framework> frameworks = frameworks(top);
            List<Benchmark> benchmarks = benchmarks(top, frameworks);
            if (!doc.problems().isEmpty()) {
                return null;
            }
            return new Scenario(name, title, description, source, settings, frameworks, benchmarks);
        }

        RunSettings settings(MappingReader m) {
            String aggregate = m.choice("aggregate", List.of("best", "median", "mean"));
            return new RunSettings(
                    m.duration("duration", Duration.ofMillis(1)),
                    m.duration("warmup", Duration.ZERO),
                    m.integer("repetitions", 1, 1000),
                    aggregate == null ? null : Aggregate.valueOf(aggregate.toUpperCase(Locale.ROOT)),
                    concurrency(m),
                    m.duration("timeout", Duration.ofMillis(1)),
                    m.integer("threads", 1, 256),
                    m.duration("connect_timeout", Duration.ofMillis(1)),
                    cpus(m, "client_cpus"),
                    rates(m));
        }

        /** A taskset CPU list such as 0, 1-3 or 0,2; null when absent or wrong (then reported). */
        private String cpus(MappingReader m, String key) {
            String text = m.string(key);
            if (text != null && !CPU_LIST.matcher(text.replace(" ", "")).matches()) {
                doc.error(m.value(key), "'" + key + "' should be a list of CPU numbers such as 1, 0-3 or 0,2, found '"
                        + text + "'");
                return null;
            }
            return text == null ? null : text.replace(" ", "");
        }

        /** rate: 5000/s | [1000/s, 2000/s] | {from: 100/s, to: 5000/s} | a list mixing both. */
        private List<Rate> rates(MappingReader m) {
            Node value = m.value("rate");
            if (value == null) {
                return null;
            }
            List<Node> items = value instanceof org.yaml.snakeyaml.nodes.MappingNode ? List.of(value) : m.list("rate");
            if (items == null) {
                return null;
            }
            if (items.isEmpty()) {
                doc.error(value, "'rate' needs at least one rate, e.g. 5000/s");
                return null;
            }
            List<Rate> out = new ArrayList<>();
            for (Node item : items) {
                Rate rate;
                if (item instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                    MappingReader ramp = new MappingReader(doc, item, "a ramp (from, to)", RAMP_KEYS);
                    Double from = ramp.require("from") ? rate(ramp, "from") : null;
                    Double to = ramp.require("to") ? rate(ramp, "to") : null;
                    rate = from == null || to == null ? null : new Rate(from, to);
                } else {
                    Double r = rateValue(item, "rate");
                    rate = r == null ? null : Rate.constant(r);
                }
                if (rate == null) {
                    return null;
                }
                out.add(rate);
            }
            return out;
        }

        private Double rate(MappingReader m, String key) {
            return rateValue(m.value(key), key);
        }

        private Double rateValue(Node node, String key) {
            if (!(node instanceof ScalarNode s) || !Values.plainTag(node) || node.getTag().equals(Tag.NULL)) {
                doc.error(node, "'" + key + "' should be a rate such as 5000/s, found " + Values.describe(node));
                return null;
            }
            try {
                return Rates.parse(s.getValue());
            } catch (IllegalArgumentException e) {
                doc.error(node, "'" + key + "' " + e.getMessage());
                return null;
            }
        }

        private List<Integer> concurrency(MappingReader m) {
            List<Node> items = m.list("concurrency");
            if (items == null) {
                return null;
            }
            if (items.isEmpty()) {
                doc.error(m.value("concurrency"), "'concurrency' needs at least one level, e.g. [10, 100]");
                return null;
            }
            List<Integer> levels = new ArrayList<>();
            for (Node item : items) {
                Integer level = Values.integer(doc, item, "concurrency", 1, 1_000_000);
                if (level != null) {
                    if (levels.contains(level)) {
                        doc.error(item, "concurrency level " + level + " is listed twice");
                    }
                    levels.add(level);
                }
            }
            return levels.size() == items.size() ? levels : null;
        }

        List<Framework> frameworks(MappingReader top) {
            List<Framework> out = new ArrayList<>();
            if (!top.require("frameworks")) {
                return out;
            }
            List<Node> items = top.list("frameworks");
            if (items == null) {
                return out;
            }
            if (items.isEmpty()) {
                doc.error(top.value("frameworks"), "'frameworks' is empty; declare at least one server to measure");
            }
            Set<String> names = new HashSet<>();
            for (Node item : items) {
                Framework framework = framework(item, names);
                if (framework != null) {
                    out.add(framework);
                }
            }
            return out;
        }

        private Framework framework(Node node, Set<String> names) {
            MappingReader m = new MappingReader(doc, node, "a framework", FRAMEWORK_KEYS);
            String name = m.require("name") ? m.name("name") : null;
            if (name != null && !names.add(name)) {
                doc.error(m.value("name"), "duplicate framework name '" + name + "'");
            }
            String title = m.string("title");
            Framework.Start start = start(m);
            String url = url(m, m.has("start"));
            String cwd = m.string("cwd");
            Map<String, String> env = m.stringMap("env");
            List<Framework.Requirement> requires = requirements(m);
            Duration ready = m.duration("ready", Duration.ofMillis(1));
            String version = m.string("version");
            Duration grace = m.duration("stop_grace", Duration.ZERO);
            String cpus = cpus(m, "cpus");
            if (name == null || url == null || (m.has("start") && start == null) || (m.has("cpus") && cpus == null)) {
                return null;
            }
            if (cpus != null && start == null) {
                doc.error(m.value("cpus"), "'cpus' pins a server the engine starts; this framework has no 'start'");
                return null;
            }
            return new Framework(name, title, start, url, cwd, env, requires, ready, version, grace, cpus);
        }

        private Framework.Start start(MappingReader m) {
            String start = m.string("start");
            if (start == null) {
                return null;
            }
            if (start.isBlank()) {
                doc.error(m.value("start"), "'start' is empty; give a shell command, or builtin:hello, or leave"
                        + " 'start' out for a server that is already running");
                return null;
            }
            if (start.startsWith(BUILTIN_PREFIX)) {
                String server = start.substring(BUILTIN_PREFIX.length()).trim();
                if (!Framework.Builtin.NAMES.contains(server)) {
                    doc.error(m.value("start"), "unknown built-in server '" + server + "'; the built-in servers are "
                            + String.join(", ", Framework.Builtin.NAMES.stream().map(s -> BUILTIN_PREFIX + s).toList())
                            + Suggest.hint(server, Framework.Builtin.NAMES));
                    return null;
                }
                return new Framework.Builtin(server);
            }
            return new Framework.Command(start);
        }

        private String url(MappingReader m, boolean started) {
            String url = m.string("url");
            if (url == null) {
                if (m.has("url")) {
                    return null;
                }
                if (!started) {
                    doc.error(m.node(), "a framework without 'start' needs a 'url' (the running server to measure)");
                    return null;
                }
                return "http://127.0.0.1:{port}";
            }
            Node at = m.value("url");
            var placeholders = PLACEHOLDER.matcher(url);
            while (placeholders.find()) {
                String p = placeholders.group(1);
                if (!p.equals("port")) {
                    doc.error(at, "unknown placeholder {" + p + "} in 'url'; the only one is {port}");
                    return null;
                }
                if (!started) {
                    doc.error(at, "'url' uses {port}, which only a framework the engine starts has; add 'start' or"
                            + " write the port");
                    return null;
                }
            }
            try {
                URI uri = new URI(url.replace("{port}", "1"));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("tcp")) {
                    doc.error(at, "'url' must start with http:// (or tcp:// for line protocols), found '" + url + "'"
                            + (scheme.equals("https") ? "; TLS is not supported yet" : ""));
                    return null;
                }
                if (uri.getHost() == null) {
                    doc.error(at, "'url' needs a host, e.g. http://127.0.0.1:{port}, found '" + url + "'");
                    return null;
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    doc.error(at, "'url' is the server's base address; put queries in the benchmark's 'urls'");
                    return null;
                }
            } catch (URISyntaxException e) {
                doc.error(at, "'url' is not a valid URL: " + e.getReason() + " in '" + url + "'");
                return null;
            }
            return url;
        }

        private List<Framework.Requirement> requirements(MappingReader m) {
            List<Node> items = m.list("requires");
            if (items == null) {
                return List.of();
            }
            List<Framework.Requirement> out = new ArrayList<>();
            for (Node item : items) {
                if (item instanceof ScalarNode s && Values.plainTag(item) && !item.getTag().equals(Tag.NULL)) {
                    out.add(new Framework.Requirement(s.getValue(), null));
                    continue;
                }
                MappingReader r = new MappingReader(doc, item, "a requirement (a command, or {command, hint})",
                        REQUIRE_KEYS);
                String command = r.require("command") ? r.string("command") : null;
                String hint = r.string("hint");
                if (command != null) {
                    out.add(new Framework.Requirement(command, hint));
                }
            }
            return out;
        }

        List<Benchmark> benchmarks(MappingReader top, List<Framework> frameworks) {
            List<Benchmark> out = new ArrayList<>();
            if (!top.require("benchmarks")) {
                return out;
            }
            List<Node> items = top.list("benchmarks");
            if (items == null) {
                return out;
            }
            if (items.isEmpty()) {
                doc.error(top.value("benchmarks"), "'benchmarks' is empty; declare at least one");
            }
            Set<String> names = new HashSet<>();
            List<String> known = frameworks.stream().map(Framework::name).toList();
            for (Node item : items) {
                Benchmark benchmark = benchmark(item, names, known);
                if (benchmark != null) {
                    out.add(benchmark);
                }
            }
            return out;
        }

        private Benchmark benchmark(Node node, Set<String> names, List<String> knownFrameworks) {
            MappingReader m = new MappingReader(doc, node, "a benchmark", BENCHMARK_KEYS);
            String name = m.require("name") ? m.name("name") : null;
            if (name != null && !names.add(name)) {
                doc.error(m.value("name"), "duplicate benchmark name '" + name + "'");
            }
            String title = m.string("title");
            String description = m.string("description");
            List<String> subset = frameworkSubset(m, knownFrameworks);
            String protocol = m.has("protocol") ? m.choice("protocol", PROTOCOLS) : "http";
            RunSettings settings = settings(m);
            Workload workload = null;
            if ("http".equals(protocol)) {
                misplaced(m, CHAT_KEYS, "chat");
                workload = httpWorkload(m);
            } else if ("chat".equals(protocol)) {
                misplaced(m, HTTP_KEYS, "http");
                workload = chatWorkload(m);
                if (m.has("rate")) {
                    doc.error(m.value("rate"), "'rate' is for http benchmarks; a chat sets 'message_rate' per client");
                    workload = null;
                }
            }
            if (name == null || workload == null) {
                return null;
            }
            return new Benchmark(name, title, description, subset, settings, workload);
        }

        /** Reports keys that belong to the other protocol. */
        private void misplaced(MappingReader m, List<String> keys, String owner) {
            for (String key : keys) {
                if (m.has(key)) {
                    doc.error(m.value(key), "'" + key + "' is for " + owner + " benchmarks; add 'protocol: " + owner
                            + "' or remove it");
                }
            }
        }

        private ChatWorkload chatWorkload(MappingReader m) {
            String join = m.string("join");
            Double rate = null;
            if (m.has("message_rate")) {
                String text = m.string("message_rate");
                if (text != null) {
                    try {
                        rate = Rates.parse(text);
                    } catch (IllegalArgumentException e) {
                        doc.error(m.value("message_rate"), "'message_rate' " + e.getMessage());
                        return null;
                    }
                }
            }
            Integer size = m.integer("message_size", ChatWorkload.MIN_MESSAGE_SIZE, 65_536);
            String terminator = m.choice("terminator", List.of("lf", "crlf"));
            Duration drain = m.duration("drain", Duration.ZERO);
            Boolean verify = m.bool("verify");
            boolean failed = (m.has("message_rate") && rate == null) || (m.has("message_size") && size == null)
                    || (m.has("terminator") && terminator == null) || (m.has("drain") && drain == null)
                    || (m.has("join") && join == null);
            if (failed) {
                return null;
            }
            return new ChatWorkload(join, rate == null ? 1.0 : rate, size == null ? 64 : size,
                    "crlf".equals(terminator) ? "\r\n" : "\n", drain == null ? Duration.ofSeconds(1) : drain,
                    verify == null || verify);
        }

        private List<String> frameworkSubset(MappingReader m, List<String> known) {
            List<Node> items = m.list("frameworks");
            if (items == null) {
                return List.of();
            }
            if (items.isEmpty()) {
                doc.error(m.value("frameworks"), "'frameworks' is empty; leave it out to run on every framework");
            }
            List<String> out = new ArrayList<>();
            for (Node item : items) {
                if (!(item instanceof ScalarNode s) || !Values.plainTag(item) || item.getTag().equals(Tag.NULL)) {
                    doc.error(item, "expected a framework name, found " + Values.describe(item));
                    continue;
                }
                String fw = s.getValue();
                if (!known.contains(fw)) {
                    doc.error(item, "unknown framework '" + fw + "'; the scenario declares "
                            + (known.isEmpty() ? "none" : String.join(", ", known)) + Suggest.hint(fw, known));
                } else if (out.contains(fw)) {
                    doc.error(item, "framework '" + fw + "' is listed twice");
                } else {
                    out.add(fw);
                }
            }
            return out;
        }

        private HttpWorkload httpWorkload(MappingReader m) {
            String order = m.choice("order", List.of("weighted", "sequential", "random"));
            Boolean keepalive = m.bool("keepalive");
            Boolean verify = m.bool("verify");
            Expect expect = m.has("expect") ? expect(m.value("expect")) : null;
            HttpWorkload.Limits limits = m.has("limits") ? limits(m.value("limits")) : null;
            Integer pipeline = m.integer("pipeline", 1, 1024);
            List<UrlSpec> urls = urls(m);
            if (urls == null || (m.has("order") && order == null) || (m.has("expect") && expect == null)
                    || (m.has("limits") && limits == null) || (m.has("pipeline") && pipeline == null)) {
                return null;
            }
            if (pipeline != null && pipeline > 1 && Boolean.FALSE.equals(keepalive)) {
                doc.error(m.value("pipeline"), "'pipeline' needs keep-alive: a connection that closes after each "
                        + "response cannot carry several requests");
                return null;
            }
            return new HttpWorkload(urls, order == null ? HttpWorkload.Order.WEIGHTED
                    : HttpWorkload.Order.valueOf(order.toUpperCase(Locale.ROOT)),
                    keepalive == null || keepalive, expect, verify == null || verify, limits,
                    pipeline == null ? 1 : pipeline);
        }

        private List<UrlSpec> urls(MappingReader m) {
            if (!m.require("urls")) {
                return null;
            }
            List<Node> items = m.list("urls");
            if (items == null) {
                return null;
            }
            if (items.isEmpty()) {
                doc.error(m.value("urls"), "'urls' is empty; give at least one, e.g. - path: /");
                return null;
            }
            List<UrlSpec> out = new ArrayList<>();
            for (Node item : items) {
                UrlSpec url = url(item);
                if (url != null) {
                    out.add(url);
                }
            }
            return out.size() == items.size() ? out : null;
        }

        private UrlSpec url(Node node) {
            if (node instanceof ScalarNode s && Values.plainTag(node) && !node.getTag().equals(Tag.NULL)) {
                String path = path(node, s.getValue());
                return path == null ? null : new UrlSpec(path, "GET", List.of(), "", 1, null);
            }
            MappingReader m = new MappingReader(doc, node, "a URL (path, method, headers, body, weight, expect)",
                    URL_KEYS);
            String rawPath = m.require("path") ? m.string("path") : null;
            String path = rawPath == null ? null : path(m.value("path"), rawPath);
            String method = m.string("method");
            if (method != null && !TOKEN.matcher(method).matches()) {
                doc.error(m.value("method"), "'method' must be an HTTP method such as GET or POST, found '" + method + "'");
                method = null;
            }
            List<UrlSpec.Header> headers = headers(m);
            String body = m.string("body");
            if (body != null && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                doc.error(m.value("body"), "'body' is larger than " + MAX_BODY_BYTES / 1024 + " KiB; a request must fit"
                        + " the client's 64 KiB send buffer");
                body = null;
                path = null;
            }
            Integer weight = m.integer("weight", 1, 1_000_000);
            Expect expect = m.has("expect") ? expect(m.value("expect")) : null;
            boolean failed = path == null || (m.has("method") && method == null) || headers == null
                    || (m.has("weight") && weight == null) || (m.has("expect") && expect == null);
            if (failed) {
                return null;
            }
            return new UrlSpec(path, method == null ? "GET" : method.toUpperCase(Locale.ROOT), headers, body,
                    weight == null ? 1 : weight, expect);
        }

        private String path(Node at, String path) {
            if (!path.startsWith("/")) {
                doc.error(at, "a URL path must start with '/', found '" + path + "'");
                return null;
            }
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c <= ' ' || c == 0x7f) {
                    doc.error(at, "a URL path cannot hold spaces or control characters; percent-encode them (%20)");
                    return null;
                }
            }
            return path;
        }

        private List<UrlSpec.Header> headers(MappingReader m) {
            Map<String, String> map = m.stringMap("headers");
            if (map == null) {
                return m.has("headers") ? null : List.of();
            }
            List<UrlSpec.Header> out = new ArrayList<>();
            for (var e : map.entrySet()) {
                String name = e.getKey();
                if (!TOKEN.matcher(name).matches()) {
                    doc.error(m.value("headers"), "header name '" + name + "' is not a valid HTTP token");
                    return null;
                }
                if (name.equalsIgnoreCase("content-length") || name.equalsIgnoreCase("transfer-encoding")) {
                    doc.error(m.value("headers"), "header '" + name + "' is set by the engine from 'body'");
                    return null;
                }
                if (e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\n') >= 0) {
                    doc.error(m.value("headers"), "the value of header '" + name + "' cannot hold a line break");
                    return null;
                }
                out.add(new UrlSpec.Header(name, e.getValue()));
            }
            return out;
        }

        private Expect expect(Node node) {
            MappingReader m = new MappingReader(doc, node, "an expectation (status, body, contains, length)",
                    EXPECT_KEYS);
            List<Integer> statuses = new ArrayList<>();
            boolean ok = true;
            List<Node> items = m.list("status");
            if (items != null) {
                for (Node item : items) {
                    Integer status = Values.integer(doc, item, "status", 100, 599);
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
                doc.error(m.value("contains"), "give either 'body' (exact) or 'contains', not both");
                ok = false;
            }
            ok &= !(m.has("body") && body == null) && !(m.has("contains") && contains == null);
            Long length = m.size("length", 0);
            ok &= !(m.has("length") && length == null);
            if (body != null && length != null && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length != length) {
                doc.error(m.value("length"), "'length' is " + length + " but 'body' is "
                        + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes");
                ok = false;
            }
            if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                return null;
            }
            return ok ? new Expect(statuses, body, contains, length) : null;
        }

        private HttpWorkload.Limits limits(Node node) {
            MappingReader m = new MappingReader(doc, node, "limits (header, body)", LIMIT_KEYS);
            Long header = m.size("header", 256);
            Long body = m.size("body", 0);
            if ((m.has("header") && header == null) || (m.has("body") && body == null)
                    || !(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                return null;
            }
            if (header != null && header > Integer.MAX_VALUE / 2) {
                doc.error(m.value("header"), "'header' limit is too large; keep it under 1GiB");
                return null;
            }
            HttpWorkload.Limits d = HttpWorkload.Limits.DEFAULTS;
            return new HttpWorkload.Limits(header == null ? d.maxHeaderBytes() : header.intValue(),
                    body == null ? d.maxBodyBytes() : body);
        }
    }
}
