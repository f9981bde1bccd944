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
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.Benchmark;
import org.mangonel.scenario.Capacity;
import org.mangonel.scenario.Rate;
import org.mangonel.scenario.Rates;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Scenario;
import org.mangonel.scenario.Source;
import org.mangonel.scenario.Threshold;
import org.mangonel.scenario.Workload;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns a scenario file into a {@link Scenario}, or a {@link ScenarioException} listing every
 * problem with its line and column. Stateless; each call reads one file on the calling thread.
 */
public final class ScenarioLoader {
    /** Scenario files are small; anything bigger than this is a mistake. */
    static final int MAX_FILE_BYTES = 1 << 20;

    static final List<String> SETTINGS_KEYS = List.of("duration", "warmup", "repetitions", "aggregate",
            "concurrency", "timeout", "threads", "connect_timeout", "client_cpus", "rate");
    static final List<String> TOP_KEYS = concat(List.of("name", "title", "description"), SETTINGS_KEYS,
            List.of("thresholds", "frameworks", "benchmarks", "host", "ssh"));
    static final List<String> CAPACITY_KEYS = List.of("slo", "vary", "from", "to", "probes", "errors");
    static final List<String> SLO_KEYS = List.of("p99");
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*(<=|>=|<|>|=)\\s*(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|%|/s)?\\s*");
    static final List<String> FRAMEWORK_KEYS = List.of("name", "title", "start", "url", "cwd", "env", "requires",
            "ready", "version", "stop_grace", "cpus", "tls", "host");
    static final List<String> TLS_KEYS = List.of("verify", "ca", "server_name", "protocols");
    /** The TLS versions a scenario may ask for (the JDK's names). */
    static final List<String> TLS_PROTOCOLS = Framework.Tls.PROTOCOLS;
    static final List<String> RAMP_KEYS = List.of("from", "to");
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    /** Keys every benchmark has, whatever its protocol; each protocol adds its own. */
    static final List<String> BENCHMARK_KEYS = concat(List.of("name", "title", "description", "frameworks", "protocol",
            "verify", "capacity", "thresholds"), SETTINGS_KEYS);
    static final List<String> REQUIRE_KEYS = List.of("command", "hint");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final String BUILTIN_PREFIX = "builtin:";
    private static final String DEFAULT_URL = "http://127.0.0.1:{port}";

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
            // What Yaml.compose does, without building a Yaml: its constructor and representer
            // (java.beans introspection) are never used here and cost start-up (engine --dry-run).
            Node root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(),
                    options).getSingleNode();
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
        String plain = plainWords(problem, e);
        if (plain != null) {
            return "this is not valid YAML: " + plain;
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

    /** The parser's most common complaints, which are about indentation, in a user's words; else null. */
    private static String plainWords(String problem, MarkedYAMLException e) {
        if (problem.startsWith("expected <block end>")) {
            String block = e.getContextMark() == null ? "the block above"
                    : "the block that starts at line " + (e.getContextMark().getLine() + 1) + ", column "
                    + (e.getContextMark().getColumn() + 1);
            return "this line is indented differently from " + block + "; the keys of one mapping, and the"
                    + " items of one list, start in the same column";
        }
        if (problem.startsWith("mapping values are not allowed here")) {
            return "a 'key: value' where only a value may be: the line is indented deeper than the key above"
                    + " it, or a value holds ': ' (then quote the value)";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return e.getContextMark() == null ? "a line without the ':' of 'key: value'"
                    : "no ':' of 'key: value' from line " + (e.getContextMark().getLine() + 1) + ", column "
                    + (e.getContextMark().getColumn() + 1) + " to here (a key without its colon?)";
        }
        return null;
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

    /** A URL template with its placeholders ({port}, {host}) filled in with stand-ins, to be parsed. */
    private static String withoutPlaceholders(String url) {
        return url.replace("{port}", "1").replace("{host}", "localhost");
    }

    /** "an http", "a chat". */
    static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 || word.startsWith("http") ? "an " : "a ") + word;
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
        /** Where each framework's url is (or the framework itself, when it has the default url). */
        private final java.util.Map<String, Node> urlNodes = new java.util.HashMap<>();
        /** The scenario's own thresholds, which every benchmark checks unless it sets the same metric. */
        private List<Threshold> scenarioThresholds = List.of();
        /** Frameworks whose url was left out (their scheme follows their benchmarks' protocol). */
        private final Set<String> defaulted = new HashSet<>();

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
            scenarioThresholds = top.has("thresholds") ? thresholds(top) : List.of();
            List<Framework> frameworks = frameworks(top);
            // host: at the top moves every started framework that names no host of its own
            String host = SshKeys.host(doc, top);
            frameworks = frameworks.stream().map(f -> f.managed() && f.host() == null ? f.withHost(host) : f)
                    .map(f -> SshKeys.LOCAL.equals(f.host()) ? f.withHost(null) : f).toList();
            org.mangonel.scenario.Ssh ssh = top.has("ssh") ? SshKeys.ssh(doc, top.value("ssh"),
                    Path.of(source.directory())) : null;
            List<Benchmark> benchmarks = benchmarks(top, frameworks);
            frameworks = defaultUrls(frameworks, benchmarks);
            for (Benchmark b : benchmarks) {
                schemes(Protocols.of(b.workload()), b.name(), scenarioFrameworks(frameworks, b));
            }
            if (!doc.problems().isEmpty()) {
                return null;
            }
            return new Scenario(name, title, description, source, settings, frameworks, benchmarks, ssh);
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
                if (out.contains(rate)) {
                    // two levels at one rate would be one level measured twice, one log over the other
                    doc.error(item, "rate " + rate.label() + " is listed twice");
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
            if (name != null) {
                urlNodes.put(name, m.has("url") ? m.value("url") : m.node());
                if (!m.has("url")) {
                    defaulted.add(name);
                }
            }
            String cwd = m.string("cwd");
            Map<String, String> env = m.stringMap("env");
            List<Framework.Requirement> requires = requirements(m);
            Duration ready = m.duration("ready", Duration.ofMillis(1));
            String version = m.string("version");
            Duration grace = m.duration("stop_grace", Duration.ZERO);
            String cpus = cpus(m, "cpus");
            Framework.Tls tls = m.has("tls") ? tls(m.value("tls")) : null;
            String host = SshKeys.host(doc, m);
            if (name == null || url == null || (m.has("start") && start == null) || (m.has("cpus") && cpus == null)
                    || (m.has("tls") && tls == null) || (m.has("host") && host == null)) {
                return null;
            }
            if (tls != null && !Framework.Tls.secure(URI.create(withoutPlaceholders(url)).getScheme())) {
                doc.error(m.value("tls"), "'tls' is for a secure url (https://, wss:// or tls://); this framework's"
                        + " url is '" + url + "'");
                return null;
            }
            if (cpus != null && start == null) {
                doc.error(m.value("cpus"), "'cpus' pins a server the engine starts; this framework has no 'start'");
                return null;
            }
            return new Framework(name, title, start, url, cwd, env, requires, ready, version, grace, cpus, tls, host);
        }

        /** tls: {verify, ca, server_name, protocols}. */
        private Framework.Tls tls(Node node) {
            MappingReader t = new MappingReader(doc, node, "tls settings (verify, ca, server_name, protocols)",
                    TLS_KEYS);
            Boolean verify = t.bool("verify");
            String ca = t.string("ca");
            if (ca != null && !Files.isReadable(Path.of(source.directory()).resolve(ca))) {
                doc.error(t.value("ca"), "'ca' names a file that cannot be read: " + Path.of(source.directory())
                        .resolve(ca).normalize());
                ca = null;
            }
            String serverName = t.string("server_name");
            List<String> protocols = new ArrayList<>();
            List<Node> items = t.list("protocols");
            boolean ok = !(t.has("verify") && verify == null) && !(t.has("ca") && ca == null)
                    && !(t.has("server_name") && serverName == null) && !(t.has("protocols") && items == null);
            for (Node item : items == null ? List.<Node>of() : items) {
                String p = item instanceof ScalarNode sn ? sn.getValue() : null;
                if (p == null || !TLS_PROTOCOLS.contains(p)) {
                    doc.error(item, "'protocols' may list " + String.join(", ", TLS_PROTOCOLS) + ", found "
                            + Values.describe(item) + (p == null ? "" : Suggest.hint(p, TLS_PROTOCOLS)));
                    ok = false;
                } else {
                    protocols.add(p);
                }
            }
            if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode) || !ok) {
                return null;
            }
            return new Framework.Tls(verify == null || verify, ca, serverName, protocols);
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
                return DEFAULT_URL;
            }
            Node at = m.value("url");
            var placeholders = PLACEHOLDER.matcher(url);
            while (placeholders.find()) {
                String p = placeholders.group(1);
                if (!p.equals("port") && !p.equals("host")) {
                    doc.error(at, "unknown placeholder {" + p + "} in 'url'; the placeholders are {port} and {host}");
                    return null;
                }
                if (!started && p.equals("port")) {
                    doc.error(at, "'url' uses {port}, which only a framework the engine starts has; add 'start' or"
                            + " write the port");
                    return null;
                }
            }
            try {
                URI uri = new URI(withoutPlaceholders(url));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                List<String> schemes = Protocols.all().stream().flatMap(p -> p.schemes().stream()).distinct().toList();
                if (!schemes.contains(scheme)) {
                    doc.error(at, "'url' must start with " + String.join(", ", schemes.stream().map(x -> x + "://")
                            .toList()) + ", found '" + url + "'");
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
            for (Node item : items) {
                Benchmark benchmark = benchmark(item, names, frameworks);
                if (benchmark != null) {
                    out.add(benchmark);
                }
            }
            return out;
        }

        private Benchmark benchmark(Node node, Set<String> names, List<Framework> frameworks) {
            Protocol<?> protocol = protocolOf(node);
            List<String> keys = protocol == null ? allBenchmarkKeys() : concat(BENCHMARK_KEYS, protocol.keys());
            String what = protocol == null ? "a benchmark" : article(protocol.name()) + " benchmark";
            MappingReader m = new MappingReader(doc, node, what, keys, key -> elsewhere(key, protocol));
            String name = m.require("name") ? m.name("name") : null;
            if (name != null && !names.add(name)) {
                doc.error(m.value("name"), "duplicate benchmark name '" + name + "'");
            }
            String title = m.string("title");
            String description = m.string("description");
            List<String> known = frameworks.stream().map(Framework::name).toList();
            List<String> subset = frameworkSubset(m, known);
            if (m.has("protocol")) {
                m.choice("protocol", Protocols.names());
            }
            Boolean verify = m.bool("verify");
            RunSettings settings = settings(m);
            List<Threshold> thresholds = m.has("thresholds") ? thresholds(m) : List.of();
            if (thresholds != null && protocol != null && !protocol.countsLosses()
                    && thresholds.stream().anyMatch(t -> t.metric().equals("lost"))) {
                doc.error(m.value("thresholds"), "'lost' counts deliveries lost, which " + protocol.name()
                        + " benchmarks do not have; leave it out");
                thresholds = null;
            }
            Capacity capacity = m.has("capacity") && protocol != null ? capacity(m, protocol) : null;
            Workload workload = protocol == null || !(node instanceof org.yaml.snakeyaml.nodes.MappingNode) ? null
                    : protocol.read(new NodeSection(m));
            if (name == null || workload == null || (m.has("verify") && verify == null)
                    || (m.has("thresholds") && thresholds == null) || (m.has("capacity") && capacity == null)) {
                return null;
            }
            List<Threshold> all = new ArrayList<>(thresholds);
            for (Threshold t : scenarioThresholds) {
                if (thresholds.stream().noneMatch(own -> own.metric().equals(t.metric()))) {
                    all.add(t);
                }
            }
            return new Benchmark(name, title, description, subset, settings, workload, verify == null || verify,
                    capacity, all);
        }

        /** thresholds: {p99: "< 50ms", rps: "> 10000", errors: "< 0.1%", lost: "= 0"}; null when wrong. */
        private List<Threshold> thresholds(MappingReader m) {
            MappingReader t = new MappingReader(doc, m.value("thresholds"),
                    "thresholds (" + String.join(", ", Threshold.METRICS) + ")", Threshold.METRICS);
            if (!(m.value("thresholds") instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                return null;
            }
            List<Threshold> out = new ArrayList<>();
            boolean ok = true;
            for (String metric : Threshold.METRICS) {
                if (!t.has(metric)) {
                    continue;
                }
                String text = t.string(metric);
                Threshold threshold = text == null ? null : threshold(metric, text, t.value(metric));
                ok &= threshold != null;
                if (threshold != null) {
                    out.add(threshold);
                }
            }
            return ok ? out : null;
        }

        private Threshold threshold(String metric, String text, Node at) {
            var matcher = CONDITION.matcher(text);
            String example = switch (metric) {
                case "rps" -> "> 10000";
                case "errors" -> "< 0.1%";
                case "lost" -> "= 0";
                default -> "< 50ms";
            };
            if (!matcher.matches()) {
                doc.error(at, "'" + metric + "' should be a comparison such as \"" + example + "\", found '" + text + "'");
                return null;
            }
            double value = Double.parseDouble(matcher.group(2));
            String unit = matcher.group(3) == null ? "" : matcher.group(3);
            boolean latency = !List.of("rps", "errors", "lost").contains(metric);
            if (latency) {
                double perUnit = switch (unit) {
                    case "us", "µs" -> 0.001;
                    case "ms" -> 1;
                    case "s" -> 1000;
                    default -> Double.NaN;
                };
                if (Double.isNaN(perUnit)) {
                    doc.error(at, "'" + metric + "' is a latency: give its unit, e.g. \"" + example + "\" (found '"
                            + text + "')");
                    return null;
                }
                value *= perUnit;
            } else if (metric.equals("errors") && !unit.equals("%")) {
                doc.error(at, "'errors' is a share of all outcomes: give it in percent, e.g. \"< 0.1%\" (found '"
                        + text + "')");
                return null;
            } else if (!metric.equals("errors") && !unit.isEmpty() && !(metric.equals("rps") && unit.equals("/s"))) {
                doc.error(at, "'" + metric + "' takes a plain number, e.g. \"" + example + "\" (found '" + text + "')");
                return null;
            }
            return new Threshold(metric, matcher.group(1), value);
        }

        /** capacity: {slo: {p99: 50ms}, vary, from, to, probes, errors}; null when wrong. */
        private Capacity capacity(MappingReader m, Protocol<?> protocol) {
            Node node = m.value("capacity");
            MappingReader c = new MappingReader(doc, node, "a capacity search (" + String.join(", ", CAPACITY_KEYS)
                    + ")", CAPACITY_KEYS);
            if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                return null;
            }
            List<String> varies = protocol.capacityVaries().stream().map(Capacity.Vary::word).toList();
            String vary = c.require("vary") ? c.choice("vary", varies) : null;
            Duration slo = null;
            if (c.require("slo")) {
                MappingReader s = new MappingReader(doc, c.value("slo"), "an SLO (p99)", SLO_KEYS);
                slo = s.require("p99") ? s.duration("p99", Duration.ofNanos(1000)) : null;
            }
            Integer probes = c.integer("probes", 2, 50);
            Double errors = null;
            if (c.has("errors")) {
                String text = c.string("errors");
                var p = text == null ? null : Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*%\\s*").matcher(text);
                if (p != null && p.matches()) {
                    errors = Double.parseDouble(p.group(1));
                } else if (text != null) {
                    doc.error(c.value("errors"), "'errors' is the share of failures tolerated, e.g. 0.1%, found '"
                            + text + "'");
                }
            }
            Double from = vary == null || !c.require("from") ? null : load(c, "from", vary);
            Double to = vary == null || !c.require("to") ? null : load(c, "to", vary);
            if (vary == null || slo == null || from == null || to == null || (c.has("probes") && probes == null)
                    || (c.has("errors") && errors == null)) {
                return null;
            }
            if (!(to > from)) {
                doc.error(c.value("to"), "'to' must be above 'from'");
                return null;
            }
            return new Capacity(slo.toNanos() / 1e6, errors == null ? 0.1 : errors,
                    Capacity.Vary.valueOf(vary.toUpperCase(Locale.ROOT)), from, to, probes == null ? 8 : probes);
        }

        /** A load of a capacity search: a rate (e.g. 5000/s), or a number of connections or clients. */
        private Double load(MappingReader c, String key, String vary) {
            if (vary.equals("concurrency")) {
                Integer n = c.integer(key, 1, 1_000_000);
                return n == null ? null : n.doubleValue();
            }
            Node value = c.value(key);
            if (!(value instanceof ScalarNode s)) {
                doc.error(value, "'" + key + "' should be a rate such as 1000/s");
                return null;
            }
            try {
                return Rates.parse(s.getValue());
            } catch (IllegalArgumentException e) {
                doc.error(value, "'" + key + "' " + e.getMessage());
                return null;
            }
        }

        /** The protocol a benchmark names (http when it names none), or null when the name is unknown. */
        private Protocol<?> protocolOf(Node node) {
            String word = "http";
            if (node instanceof org.yaml.snakeyaml.nodes.MappingNode mapping) {
                // its own key, else one a merge key brings (<<: *websocket-defaults)
                List<org.yaml.snakeyaml.nodes.NodeTuple> tuples = new ArrayList<>(mapping.getValue());
                tuples.addAll(MappingReader.merged(mapping));
                for (var tuple : tuples) {
                    if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals("protocol")
                            && tuple.getValueNode() instanceof ScalarNode v) {
                        word = v.getValue().toLowerCase(Locale.ROOT);
                        break;
                    }
                }
            }
            return Protocols.named(word).orElse(null);
        }

        /** For a key this benchmark's protocol does not have: which protocol has it, or null. */
        private static String elsewhere(String key, Protocol<?> protocol) {
            for (Protocol<?> other : Protocols.all()) {
                if (other != protocol && other.keys().contains(key) && (protocol == null || !protocol.keys().contains(key))) {
                    return "'" + key + "' is for " + other.name() + " benchmarks; add 'protocol: " + other.name()
                            + "' or remove it";
                }
            }
            return null;
        }

        private static List<String> allBenchmarkKeys() {
            List<String> all = new ArrayList<>(BENCHMARK_KEYS);
            Protocols.all().forEach(p -> all.addAll(p.keys()));
            return all;
        }

        /** The frameworks a benchmark runs on (all when it names none). */
        private static List<Framework> scenarioFrameworks(List<Framework> all, Benchmark b) {
            return b.frameworks().isEmpty() ? all : all.stream().filter(f -> b.frameworks().contains(f.name())).toList();
        }

        /**
         * A started framework without a 'url' listens on 127.0.0.1:{port} in the scheme of the
         * protocol its benchmarks speak (tcp:// for a chat server, http:// for an HTTP one). One that
         * serves benchmarks of several protocols keeps http:// and is checked like any other.
         */
        private List<Framework> defaultUrls(List<Framework> frameworks, List<Benchmark> benchmarks) {
            List<Framework> out = new ArrayList<>();
            for (Framework f : frameworks) {
                List<Protocol<?>> protocols = benchmarks.stream()
                        .filter(b -> b.frameworks().isEmpty() || b.frameworks().contains(f.name()))
                        .<Protocol<?>>map(b -> Protocols.of(b.workload())).distinct().toList();
                if (defaulted.contains(f.name()) && protocols.size() == 1) {
                    String url = protocols.get(0).schemes().get(0) + "://127.0.0.1:{port}";
                    out.add(f.withUrl(url));
                } else {
                    out.add(f);
                }
            }
            return out;
        }

        /** Every framework a benchmark runs on must have a URL its protocol can use. */
        private void schemes(Protocol<?> protocol, String benchmark, List<Framework> on) {
            for (Framework f : on) {
                String scheme = URI.create(withoutPlaceholders(f.url())).getScheme().toLowerCase(Locale.ROOT);
                if (!protocol.schemes().contains(scheme)) {
                    doc.error(urlNodes.get(f.name()), "framework '" + f.name() + "' has a " + scheme + ":// url, but"
                            + " benchmark '" + benchmark + "' speaks " + protocol.name() + ", which needs "
                            + String.join(", ", protocol.schemes().stream().map(x -> x + "://").toList())
                            + "; give it a suitable 'url', or leave it out of the benchmark's 'frameworks'");
                }
            }
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

    }
}
