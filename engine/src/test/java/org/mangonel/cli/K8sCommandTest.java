package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.cli.CliTest.Outcome;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code engine k8s}: the printed manifest, read back with SnakeYAML (and, where kubectl is
 * installed, with kubectl's own YAML reader through a client-side dry run), and
 * {@code engine k8s await-shards}, the merge Job's wait.
 */
class K8sCommandTest {
    static final String IMAGE = "registry.example.com/mangonel:0.1.0";
    static final String SCENARIO = """
            # Servers running elsewhere: reached, not started.
            name: remote
            duration: 5s
            frameworks:
              - name: nginx
                url: http://nginx.bench.svc.cluster.local:8080
              - name: caddy
                url: http://caddy.bench.svc.cluster.local:8080
            benchmarks:
              - name: hello
                urls: [/]
            """;

    static Path scenario(Path dir, String text) throws IOException {
        return scenario(dir, "remote.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    static Path scenario(Path dir, String fileName, byte[] bytes) throws IOException {
        Path file = dir.resolve(fileName);
        Files.write(file, bytes);
        return file;
    }

    static String future() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(yaml)) {
            docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    /** Follows a path of map keys and list indexes. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<Object>) node).get(i) : ((Map<String, Object>) node).get(step);
        }
        return (T) node;
    }

    static Map<String, Object> kind(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> d.get("kind").equals(kind) && at(d, "metadata", "name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + docs));
    }

    /** What Kubernetes does to a container's args: $(VAR) from the container's env, $$ for a literal $. */
    static List<String> expand(List<String> args, Map<String, String> env) {
        Pattern ref = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            Matcher m = ref.matcher(arg);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = m.group(1) == null ? "$" : env.getOrDefault(m.group(1), m.group());
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void printsAConfigMapAVolumeAnIndexedJobAndAMergeJob(@TempDir Path dir) throws Exception {
        Path file = scenario(dir, SCENARIO);
        String start = future();
        Outcome o = CliTest.run("k8s", file.toString(), "--shards", "3", "--image", IMAGE, "--start-at", start,
                "--name", "remote-run", "--cpu", "2", "--memory", "1Gi", "--", "--duration", "30s", "-c", "10,20");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("remote-run: 3 shard(s) of remote.yaml, all starting at " + start), o.err());
        assertTrue(o.out().startsWith("# Mangonel sharded run remote-run"), o.out());
        List<Map<String, Object>> docs = documents(o.out());
        assertEquals(List.of("ConfigMap", "PersistentVolumeClaim", "Job", "Job"),
                docs.stream().map(d -> d.get("kind")).toList());
        for (Map<String, Object> d : docs) {
            assertEquals("remote-run", at(d, "metadata", "labels", "app.kubernetes.io/instance"));
            assertNull(at(d, "metadata", "namespace"));
        }

        // the scenario, byte for byte
        Map<String, Object> configMap = kind(docs, "ConfigMap", "remote-run-scenario");
        assertEquals(Map.of("remote.yaml", SCENARIO), configMap.get("data"));

        Map<String, Object> pvc = kind(docs, "PersistentVolumeClaim", "remote-run-results");
        assertEquals(List.of("ReadWriteMany"), at(pvc, "spec", "accessModes"));
        assertEquals("1Gi", at(pvc, "spec", "resources", "requests", "storage"));
        assertNull(at(pvc, "spec", "storageClassName"), "the cluster's default class");

        Map<String, Object> job = kind(docs, "Job", "remote-run");
        assertEquals("batch/v1", job.get("apiVersion"));
        assertEquals("Indexed", at(job, "spec", "completionMode"));
        assertEquals(3, (Integer) at(job, "spec", "completions"));
        assertEquals(3, (Integer) at(job, "spec", "parallelism"));
        assertEquals(0, (Integer) at(job, "spec", "backoffLimit"));
        Map<String, Object> pod = at(job, "spec", "template", "spec");
        assertEquals("Never", pod.get("restartPolicy"));
        List<Object> containers = at(pod, "containers");
        assertEquals(1, containers.size());
        Map<String, Object> engine = at(containers, 0);
        assertEquals(IMAGE, engine.get("image"));
        assertEquals(Map.of("name", "JOB_COMPLETION_INDEX", "valueFrom", Map.of("fieldRef",
                Map.of("fieldPath", "metadata.annotations['batch.kubernetes.io/job-completion-index']"))),
                at(engine, "env", 0));
        assertEquals(Map.of("cpu", "2", "memory", "1Gi"), at(engine, "resources", "requests"));
        List<String> args = at(engine, "args");
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("/scenario/remote.yaml", "--shard", i + "/3", "--start-at", start,
                    "--out", "/results/remote-run/shard-" + i, "--duration", "30s", "-c", "10,20"),
                    expand(args, Map.of("JOB_COMPLETION_INDEX", String.valueOf(i))), "shard " + i);
        }
        assertEquals(List.of(Map.of("name", "scenario", "mountPath", "/scenario", "readOnly", true),
                Map.of("name", "results", "mountPath", "/results")), (Object) engine.get("volumeMounts"));
        assertEquals(Map.of("name", "scenario", "configMap", Map.of("name", "remote-run-scenario",
                "items", List.of(Map.of("key", "remote.yaml", "path", "remote.yaml")))), at(pod, "volumes", 0));
        assertEquals(Map.of("name", "results", "persistentVolumeClaim", Map.of("claimName", "remote-run-results")),
                at(pod, "volumes", 1));
        Map<String, Object> spread = at(pod, "affinity", "podAntiAffinity",
                "preferredDuringSchedulingIgnoredDuringExecution", 0);
        assertEquals("kubernetes.io/hostname", at(spread, "podAffinityTerm", "topologyKey"));
        Object podLabels = at(job, "spec", "template", "metadata", "labels");
        assertEquals(podLabels, at(spread, "podAffinityTerm", "labelSelector", "matchLabels"),
                "spreads the shards of this run");
        assertTrue(at(spread, "podAffinityTerm", "labelSelector", "matchLabels").toString().contains("shard"));

        Map<String, Object> merge = kind(docs, "Job", "remote-run-merge");
        assertNull(at(merge, "spec", "completionMode"));
        assertEquals(0, (Integer) at(merge, "spec", "backoffLimit"));
        Map<String, Object> mergePod = at(merge, "spec", "template", "spec");
        assertEquals("Never", mergePod.get("restartPolicy"));
        String until = Instant.parse(start).plus(Duration.ofHours(2)).toString();
        assertEquals(List.of("k8s", "await-shards", "/results/remote-run", "--shards", "3", "--until", until),
                at(mergePod, "initContainers", 0, "args"));
        assertEquals(List.of("merge", "/results/remote-run/shard-0", "/results/remote-run/shard-1",
                "/results/remote-run/shard-2", "--out", "/results/remote-run/merged"),
                at(mergePod, "containers", 0, "args"));
        assertEquals(IMAGE, at(mergePod, "initContainers", 0, "image"));
        assertEquals(IMAGE, at(mergePod, "containers", 0, "image"));
        for (String c : List.of("initContainers", "containers")) {
            assertEquals(List.of(Map.of("name", "results", "mountPath", "/results")),
                    at(mergePod, c, 0, "volumeMounts"));
        }
        assertEquals(List.of(Map.of("name", "results", "persistentVolumeClaim",
                Map.of("claimName", "remote-run-results"))), mergePod.get("volumes"));

        // one start time in the whole manifest
        String objects = o.out().substring(o.out().indexOf("\n---\n"));
        Matcher times = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ").matcher(objects);
        List<String> found = new ArrayList<>();
        while (times.find()) {
            found.add(times.group());
        }
        assertEquals(List.of(start, until), found, "the shards' --start-at, the merge's --until");
    }

    @Test
    void theDefaultStartIsAMinuteAwayAndTheDefaultNameTheScenarioAndTime(@TempDir Path dir) throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Outcome o = CliTest.run("k8s", scenario(dir, SCENARIO).toString(), "--shards", "2", "--image", IMAGE);
        Instant after = Instant.now();
        assertEquals(0, o.code(), o.err());
        Map<String, Object> job = documents(o.out()).get(2);
        List<String> args = at(job, "spec", "template", "spec", "containers", 0, "args");
        Instant start = Instant.parse(args.get(args.indexOf("--start-at") + 1));
        assertFalse(start.isBefore(before.plusSeconds(60)), start + " vs " + before);
        assertFalse(start.isAfter(after.plusSeconds(60)), start + " vs " + after);
        String name = at(job, "metadata", "name");
        assertTrue(name.matches("remote-\\d{8}-\\d{6}"), name);
        assertTrue(name.length() <= K8sCommand.MAX_NAME);
        Outcome zero = CliTest.run("k8s", scenario(dir, SCENARIO).toString(), "--shards", "2", "--image", IMAGE,
                "--start-in", "0s");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--start-in must be more than 0"), zero.err());
    }

    @Test
    void defaultNamesAreDnsLabels() {
        Instant t = Instant.parse("2026-11-27T12:00:00Z");
        assertEquals("hello-20261127-120000", K8sCommand.defaultName("hello", t));
        assertEquals("my-bench-v2-20261127-120000", K8sCommand.defaultName("My_Bench.v2", t));
        assertEquals("mangonel-20261127-120000", K8sCommand.defaultName("___", t));
        String longName = K8sCommand.defaultName("x".repeat(100), t);
        assertTrue(longName.length() <= K8sCommand.MAX_NAME && longName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"),
                longName);
        assertEquals("my-scenario.yaml", K8sCommand.configKey("my scenario.yaml"));
    }

    @Test
    void anExistingClaimANamespaceAndAStorageClass(@TempDir Path dir) throws Exception {
        Path file = scenario(dir, SCENARIO);
        Outcome o = CliTest.run("k8s", file.toString(), "--shards", "2", "--image", IMAGE, "--start-at", future(),
                "--name", "r", "--namespace", "bench", "--output-volume", "shared-results");
        assertEquals(0, o.code(), o.err());
        List<Map<String, Object>> docs = documents(o.out());
        assertEquals(List.of("ConfigMap", "Job", "Job"), docs.stream().map(d -> d.get("kind")).toList());
        for (Map<String, Object> d : docs) {
            assertEquals("bench", at(d, "metadata", "namespace"));
        }
        assertEquals("shared-results", at(docs.get(1), "spec", "template", "spec", "volumes", 1,
                "persistentVolumeClaim", "claimName"));
        assertEquals("shared-results", at(docs.get(2), "spec", "template", "spec", "volumes", 0,
                "persistentVolumeClaim", "claimName"));

        o = CliTest.run("k8s", file.toString(), "--shards", "1", "--image", IMAGE, "--storage-class", "nfs-client",
                "--volume-size", "5Gi");
        assertEquals(0, o.code(), o.err());
        Map<String, Object> pvc = documents(o.out()).get(1);
        assertEquals("nfs-client", at(pvc, "spec", "storageClassName"));
        assertEquals("5Gi", at(pvc, "spec", "resources", "requests", "storage"));
    }

    @Test
    void aScenarioThatStartsItsServersIsRefused() {
        Outcome o = CliTest.run("k8s", CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--shards", "2",
                "--image", IMAGE);
        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertEquals("engine k8s: frameworks in a sharded run are reached, not started: mangonel-hello, python-asyncio,"
                + " python-http-server and node-http have 'start:'; give each a url: of a server running elsewhere\n",
                o.err());
        o = CliTest.run("k8s", CliTest.REPO.resolve("scenarios/hello.yaml").toString(), "--shards", "2",
                "--image", IMAGE, "--", "--only", "node-http");
        assertEquals(2, o.code());
        assertEquals("engine k8s: frameworks in a sharded run are reached, not started: node-http has 'start:'; "
                + "give it a url: of a server running elsewhere\n", o.err());
    }

    @Test
    void onlyTheFrameworksRunMustBeReachable(@TempDir Path dir) throws Exception {
        Path file = scenario(dir, SCENARIO.replace("frameworks:\n", "frameworks:\n  - {name: local, start: \"builtin:hello\"}\n"));
        assertEquals(2, CliTest.run("k8s", file.toString(), "--shards", "2", "--image", IMAGE).code());
        Outcome o = CliTest.run("k8s", file.toString(), "--shards", "2", "--image", IMAGE, "--",
                "--only", "nginx,caddy");
        assertEquals(0, o.code(), o.err());
    }

    @Test
    void usageMistakesExitTwoAndPrintNothing(@TempDir Path dir) throws Exception {
        String file = scenario(dir, SCENARIO).toString();
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of(file, "--shards", "0", "--image", IMAGE), "--shards must be at least 1");
        cases.put(List.of(file, "--image", IMAGE), "--shards N is required");
        cases.put(List.of(file, "--shards", "2"), "--image IMAGE is required");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--start-at", "2001-01-01T00:00:00Z"),
                "is already past");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--start-at", "tomorrow"), "ISO-8601");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--start-at", future(), "--start-in", "1m"),
                "not both");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--name", "Not_A_Label"), "DNS-1123");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--output-volume", "x", "--volume-size", "2Gi"),
                "one or the other");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--cpu", "two"), "quantity");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "--out", "/x"), "--out cannot be passed");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "--shard=1/2"), "--shard cannot be passed");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "--no-such-option"),
                "not the engine's: Unknown option: '--no-such-option'");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "--only", "nope"), "unknown framework 'nope'");
        // values each pod's engine would refuse, refused here rather than in every pod
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "--duration", "5"),
                "the engine options after --: --duration");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "--rate", "fast"),
                "the engine options after --: --rate");
        cases.put(List.of(file, "--shards", "2", "--image", IMAGE, "--", "-c", "0"),
                "the engine options after --: --concurrency levels must be at least 1");
        cases.put(List.of(file, "other.yaml", "--shards", "2", "--image", IMAGE), "go after --");
        cases.put(List.of(dir.resolve("missing.yaml").toString(), "--shards", "2", "--image", IMAGE), "no such file");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("k8s"));
            args.addAll(c.getKey());
            Outcome o = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, o.code(), c.getKey() + ": " + o.err());
            assertEquals("", o.out(), c.getKey().toString());
            assertTrue(o.err().contains(c.getValue()), c.getKey() + ": " + o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
    }

    @Test
    void anInvalidScenarioIsReportedWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = scenario(dir, "name: x\nduraton: 5s\nframeworks: [{name: a, url: 'http://a:1'}]\n"
                + "benchmarks: [{name: b, urls: [/]}]\n");
        Outcome o = CliTest.run("k8s", file.toString(), "--shards", "2", "--image", IMAGE);
        assertEquals(2, o.code());
        assertTrue(o.err().contains(file + ":2:1: unknown key 'duraton'"), o.err());
        assertEquals("", o.out());
    }

    @Test
    void passThroughDollarParenthesesStayLiteral(@TempDir Path dir) throws Exception {
        Outcome o = CliTest.run("k8s", scenario(dir, SCENARIO).toString(), "--shards", "1", "--image", IMAGE,
                "--", "--templates", "/t/$(HOME)");
        assertEquals(0, o.code(), o.err());
        List<String> args = at(documents(o.out()).get(2), "spec", "template", "spec", "containers", 0, "args");
        assertEquals("/t/$(HOME)", expand(args, Map.of("HOME", "/root", "JOB_COMPLETION_INDEX", "0")).get(8));
    }

    /** Scenario files whose bytes a careless YAML writer would change. */
    static List<byte[]> trickyScenarios() {
        String body = "frameworks:\n  - name: a\n    url: http://a.example:8080\nbenchmarks:\n  - {name: b, urls: [/]}\n";
        return List.of(
                ("  # indented first line\nname: t1   \n\n" + body + "\n\n\n").getBytes(StandardCharsets.UTF_8),
                ("\n\n# starts with empty lines, ends without a newline\nname: t2\n" + body.strip())
                        .getBytes(StandardCharsets.UTF_8),
                ("#\ttab\tcomment\ntitle: \"Grüße — ✓ 🚀\"\n   \n" + body + "# ... --- not a marker\n")
                        .getBytes(StandardCharsets.UTF_8),
                ("name: t4\r\n" + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8),
                ("name: t5\n" + body + "#  \"quotes\" and \\backslashes\\ and $(HOME) and '\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theConfigMapHoldsTheScenarioByteForByte(@TempDir Path dir) throws Exception {
        int i = 0;
        for (byte[] bytes : trickyScenarios()) {
            Path file = scenario(dir, "s" + i++ + ".yaml", bytes);
            Outcome o = CliTest.run("k8s", file.toString(), "--shards", "1", "--image", IMAGE);
            assertEquals(0, o.code(), o.err());
            String text = at(documents(o.out()).get(0), "data", file.getFileName().toString());
            assertEquals(new String(bytes, StandardCharsets.UTF_8), text, o.out());
        }
    }

    @Test
    void awkwardStringsAreQuotedSoTheyReadBackTheSame() {
        List<String> strings = awkwardStrings();
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            doc.put(strings.get(i), List.of(strings.get(i), Map.of("v", strings.get(i))));
        }
        Object back = new Yaml().load(KubeYaml.document(doc));
        assertEquals(doc, back, KubeYaml.document(doc));
    }

    static List<String> awkwardStrings() {
        return List.of("yes", "No", "on", "OFF", "y", "null", "~", "", " ", "true", "1", "0x1F", "1e3", "1:30", ".inf",
                "-.5", "+1", "2026-11-27", "2026-11-27T12:00:00Z", "<<", "=", "a: b", "#x", "a #b", "- x", "[x]", "{x}",
                "*a", "&a", "!t", "%p", "@x", "`x", "'q'", "\"q\"", "? q", "| x", "> x", "lead ", " trail",
                "multi\nline\n", "tab\tx", "cr\r\nlf", "\u0085nel", "ls\u2028ps\u2029", "\uFEFFbom", "bell\u0007",
                "del\u007F", "rocket 🚀", "back\\slash", "$(VAR)", "---", "...", "\n\n", "x\n  y\n\n");
    }

    // ---- kubectl: the manifest through Kubernetes' own YAML reader ----

    static Path onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * {@code kubectl apply --dry-run=client --validate=false -f -}: kubectl still asks the API
     * server which kinds exist (discovery) and whether each object exists, so a stand-in on the
     * loopback answers exactly that: ConfigMaps, PersistentVolumeClaims and Jobs exist, and no
     * object does yet. kubectl then decodes every document with its own YAML reader and prints the
     * objects it would create as JSON, which is compared with what was meant.
     */
    static Object kubectlDryRun(Path dir, String manifest) throws Exception {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not installed: skipping the client-side dry run"
                + " (the manifest's structure is still checked with SnakeYAML)");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = switch (path) {
                case "/version" -> "{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\"v1.30.0\"}";
                case "/api" -> "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                        + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}";
                case "/apis" -> "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[" + group("batch")
                        + "," + group("apps") + "]}";
                case "/api/v1" -> "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":["
                        + resource("configmaps", "ConfigMap") + "," + resource("persistentvolumeclaims",
                        "PersistentVolumeClaim") + "," + resource("services", "Service") + "]}";
                case "/apis/batch/v1" -> "{\"kind\":\"APIResourceList\",\"groupVersion\":\"batch/v1\",\"resources\":["
                        + resource("jobs", "Job") + "]}";
                case "/apis/apps/v1" -> "{\"kind\":\"APIResourceList\",\"groupVersion\":\"apps/v1\",\"resources\":["
                        + resource("deployments", "Deployment") + "]}";
                default -> null;
            };
            byte[] bytes = (body != null ? body : "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"reason\":\"NotFound\",\"code\":404}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        });
        server.start();
        try {
            Path config = dir.resolve("kubeconfig");
            Files.writeString(config, "apiVersion: v1\nkind: Config\nclusters: [{name: stand-in, cluster: {server: "
                    + "\"http://127.0.0.1:" + server.getAddress().getPort() + "\"}}]\n"
                    + "contexts: [{name: stand-in, context: {cluster: stand-in, user: nobody, namespace: default}}]\n"
                    + "users: [{name: nobody, user: {}}]\ncurrent-context: stand-in\n");
            ProcessBuilder pb = new ProcessBuilder(kubectl.toString(), "apply", "--dry-run=client", "--validate=false",
                    "-o", "json", "-f", "-");
            pb.environment().put("KUBECONFIG", config.toString());
            pb.environment().put("HOME", dir.toString());
            Path stdout = dir.resolve("kubectl.out");
            Path stderr = dir.resolve("kubectl.err");
            pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(manifest.getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kubectl did not finish");
            assertEquals(0, p.exitValue(), "kubectl: " + Files.readString(stderr));
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(Files.readString(stdout), Object.class);
        } finally {
            server.stop(0);
        }
    }

    static String group(String name) {
        String version = "{\"groupVersion\":\"" + name + "/v1\",\"version\":\"v1\"}";
        return "{\"name\":\"" + name + "\",\"versions\":[" + version + "],\"preferredVersion\":" + version + "}";
    }

    static String resource(String plural, String kind) {
        return "{\"name\":\"" + plural + "\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"" + kind
                + "\",\"verbs\":[\"create\",\"get\",\"list\",\"patch\",\"update\",\"delete\"]}";
    }

    @Test
    void kubectlReadsTheManifestAsMeant(@TempDir Path dir) throws Exception {
        String start = future();
        Outcome o = CliTest.run("k8s", scenario(dir, SCENARIO).toString(), "--shards", "4", "--image", IMAGE,
                "--start-at", start, "--name", "remote-run", "--namespace", "bench", "--cpu", "500m", "--",
                "--duration", "30s");
        assertEquals(0, o.code(), o.err());
        Object applied = kubectlDryRun(dir, o.out());
        List<Object> items = at(applied, "items");
        assertEquals(List.of("ConfigMap", "PersistentVolumeClaim", "Job", "Job"),
                items.stream().map(i -> at(i, "kind")).toList());
        assertEquals(SCENARIO, at(items.get(0), "data", "remote.yaml"));
        assertEquals("bench", at(items.get(2), "metadata", "namespace"));
        assertEquals("Indexed", at(items.get(2), "spec", "completionMode"));
        assertEquals(4L, ((Number) at(items.get(2), "spec", "completions")).longValue());
        assertEquals(4L, ((Number) at(items.get(2), "spec", "parallelism")).longValue());
        assertEquals(List.of("/scenario/remote.yaml", "--shard", "$(JOB_COMPLETION_INDEX)/4", "--start-at", start,
                "--out", "/results/remote-run/shard-$(JOB_COMPLETION_INDEX)", "--duration", "30s"),
                at(items.get(2), "spec", "template", "spec", "containers", 0, "args"));
        assertEquals("500m", at(items.get(2), "spec", "template", "spec", "containers", 0, "resources", "requests",
                "cpu"));
        assertEquals("merge", at(items.get(3), "spec", "template", "spec", "containers", 0, "args", 0));
        // and with SnakeYAML: the same objects (kubectl adds only its last-applied annotation)
        List<Map<String, Object>> docs = documents(o.out());
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(json(withoutAnnotations(docs.get(i))), json(withoutAnnotations(items.get(i))));
        }
    }

    @Test
    void kubectlReadsTrickyScenariosAndStringsByteForByte(@TempDir Path dir) throws Exception {
        StringBuilder manifest = new StringBuilder();
        List<String> texts = new ArrayList<>();
        int i = 0;
        for (byte[] bytes : trickyScenarios()) {
            Path file = scenario(dir, "s" + i + ".yaml", bytes);
            Outcome o = CliTest.run("k8s", file.toString(), "--shards", "1", "--image", IMAGE, "--name", "t" + i++);
            assertEquals(0, o.code(), o.err());
            manifest.append(o.out());
            texts.add(new String(bytes, StandardCharsets.UTF_8));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> strings = awkwardStrings();
        for (int k = 0; k < strings.size(); k++) {
            data.put("k" + k, strings.get(k));
        }
        manifest.append(KubeYaml.document(K8sCommand.map("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", K8sCommand.map("name", "strings"), "data", data)));
        List<Object> items = at(kubectlDryRun(dir, manifest.toString()), "items");
        List<Object> configMaps = items.stream().filter(x -> at(x, "kind").equals("ConfigMap")).toList();
        for (int k = 0; k < texts.size(); k++) {
            assertEquals(texts.get(k), at(configMaps.get(k), "data", "s" + k + ".yaml"), "scenario " + k);
        }
        for (int k = 0; k < strings.size(); k++) {
            assertEquals(strings.get(k), at(configMaps.get(texts.size()), "data", "k" + k), "string " + k);
        }
    }

    @Test
    void theShippedExampleIsAcceptedAndItsServerManifestReads(@TempDir Path dir) throws Exception {
        Path example = CliTest.REPO.resolve("deploy/kubernetes");
        Outcome o = CliTest.run("k8s", example.resolve("remote-hello.yaml").toString(), "--shards", "2",
                "--image", IMAGE);
        assertEquals(0, o.code(), o.err());
        assertFalse(o.err().contains("warning"), o.err());
        String server = Files.readString(example.resolve("hello-server.yaml"));
        List<Map<String, Object>> docs = documents(server);
        assertEquals(List.of("Deployment", "Service"), docs.stream().map(d -> d.get("kind")).toList());
        assertEquals(List.of("serve", "hello", "--port", "8080", "--host", "0.0.0.0"),
                at(docs.get(0), "spec", "template", "spec", "containers", 0, "args"));
        List<Object> items = at(kubectlDryRun(dir, server + o.out()), "items");
        assertEquals(List.of("Deployment", "Service", "ConfigMap", "PersistentVolumeClaim", "Job", "Job"),
                items.stream().map(i -> at(i, "kind")).toList());
    }

    @SuppressWarnings("unchecked")
    static Object withoutAnnotations(Object doc) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) doc);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) copy.get("metadata"));
        metadata.remove("annotations");
        metadata.remove("namespace");
        copy.put("metadata", metadata);
        return sorted(copy);
    }

    /** Maps with sorted keys and integers as longs, so two readers' trees compare. */
    @SuppressWarnings("unchecked")
    static Object sorted(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, sorted(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(K8sCommandTest::sorted).toList();
        }
        return node instanceof Integer i ? Long.valueOf(i) : node;
    }

    // ---- engine k8s await-shards ----

    static String json(Object tree) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);
    }

    static void results(Path run, int shard, String status, String frameworkStatus) throws IOException {
        Path dir = Files.createDirectories(run.resolve("shard-" + shard));
        Files.writeString(dir.resolve("results.json"), json(Map.of("schema", "mangonel-results/2", "status", status, "benchmarks",
                List.of(Map.of("name", "hello", "frameworks", List.of(Map.of("name", "nginx", "status",
                        frameworkStatus)))))));
    }

    static Outcome await(Path run, int shards, Instant until) {
        return CliTest.run("k8s", "await-shards", run.toString(), "--shards", String.valueOf(shards),
                "--until", until.toString(), "--poll", "20ms");
    }

    @Test
    void awaitShardsReturnsOnceEveryShardHasFinished(@TempDir Path run) throws Exception {
        results(run, 0, "ok", "ok");
        results(run, 1, "running", "ok");
        Thread finisher = new Thread(() -> {
            try {
                Thread.sleep(300);
                results(run, 1, "ok", "ok");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        finisher.start();
        Outcome o = await(run, 2, Instant.now().plusSeconds(30));
        finisher.join();
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("1/2 finished; shard-1: running"), o.out());
        assertTrue(o.out().contains("all 2 shard(s)"), o.out());
    }

    @Test
    void awaitShardsRefusesToMergeAFailedOrInterruptedShard(@TempDir Path run) throws Exception {
        results(run, 0, "ok", "ok");
        results(run, 1, "interrupted", "interrupted");
        Outcome o = await(run, 2, Instant.now().plusSeconds(30));
        assertEquals(1, o.code(), o.out());
        assertTrue(o.out().contains("shard-1: the run ended interrupted"), o.out());
        results(run, 1, "ok", "failed");
        o = await(run, 2, Instant.now().plusSeconds(30));
        assertEquals(1, o.code(), o.out());
        assertTrue(o.out().contains("shard-1: finished, but framework(s) failed: hello/nginx"), o.out());
    }

    @Test
    void awaitShardsGivesUpAtItsDeadline(@TempDir Path run) throws Exception {
        results(run, 0, "ok", "ok");
        Outcome o = await(run, 3, Instant.now().plusMillis(200));
        assertEquals(3, o.code(), o.out());
        assertTrue(o.out().contains("shard-1: no folder yet; shard-2: no folder yet"), o.out());
        assertTrue(o.out().contains("gave up"), o.out());
        assertEquals(2, CliTest.run("k8s", "await-shards", run.toString(), "--shards", "0", "--until",
                "2026-01-01T00:00:00Z").code());
        assertEquals(2, CliTest.run("k8s", "await-shards", run.toString(), "--shards", "1").code());
    }
}
