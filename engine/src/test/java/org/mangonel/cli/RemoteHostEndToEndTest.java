package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.fixtures.TestSshd;

/**
 * Frameworks on another host over SSH, end to end: a private sshd on 127.0.0.2 stands in for the
 * second machine (so the traffic is still loopback; what is real is everything else: ssh, the
 * remote shell, /proc read there, the processes started and stopped there). After each run the
 * host's process list is read over a separate connection: nothing of the run may be left there.
 * The unreachable-host test needs no sshd (it needs only the ssh client); the others skip, saying
 * why, when not root or when sshd is missing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RemoteHostEndToEndTest {
    private static TestSshd sshd;
    private static Path sshdDir;

    @BeforeAll
    static void startSshd() throws Exception {
        if (TestSshd.why() == null) {
            sshdDir = Files.createTempDirectory("mangonel-sshd");
            sshd = TestSshd.start(sshdDir);
        }
    }

    @AfterAll
    static void stopSshd() throws IOException {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static void needSshd() {
        Assumptions.assumeTrue(sshd != null, TestSshd.why());
    }

    /** A scenario folder with the Python hello server in servers/. */
    private static Path scenarioDir(Path dir) throws IOException {
        Path scenario = dir.resolve("scenario");
        Files.createDirectories(scenario.resolve("servers"));
        Files.copy(CliTest.REPO.resolve("scenarios/servers/hello_asyncio.py"),
                scenario.resolve("servers/hello_asyncio.py"));
        return scenario;
    }

    private static Map<String, Map<String, Object>> frameworks(Map<String, Object> results) {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Map<String, Object> b : ResultsTree.list(results.get("benchmarks"))) {
            for (Map<String, Object> f : ResultsTree.list(b.get("frameworks"))) {
                byName.put((String) f.get("name"), f);
            }
        }
        return byName;
    }

    private static Map<String, Object> firstRun(Map<String, Object> fw) {
        return ResultsTree.list(ResultsTree.list(fw.get("levels")).get(0).get("runs")).get(0);
    }

    /** Nothing of the run on the host: no process in or from a run folder, no run folder. */
    private static void assertNothingLeftOnTheHost() throws Exception {
        String left = "";
        for (int i = 0; i < 50; i++) { // a leash that lost its connection stops its server by itself, soon
            left = sshd.runProcesses();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("", left, "no process of the run is left on the host");
        assertEquals("", sshd.runFolders(), "the run's folder on the host was removed");
    }

    private static void assertNothingListensAt(String url) {
        URI uri = URI.create(url);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            throw new AssertionError("something still listens at " + url);
        } catch (IOException expected) {
            // refused: the server is gone
        }
    }

    @Test
    void theBuiltinAndAPythonServerAreStartedMeasuredSampledAndStoppedOnTheHost(@TempDir Path dir) throws Exception {
        needSshd();
        Path scenario = scenarioDir(dir);
        String host = sshd.destination();
        Files.writeString(scenario.resolve("remote.yaml"), """
                name: remote
                concurrency: [50]
                threads: 1
                %s  sync: servers
                frameworks:
                  - name: builtin-remote
                    start: builtin:hello
                    host: %s
                  - name: python-remote
                    start: python3 servers/hello_asyncio.py --host {host} --port {port}
                    host: %s
                    requires:
                      - command: python3 -c "import asyncio"
                        hint: "no python3 there"
                    version: python3 -c "import sys; print('Python', sys.version.split()[0])"
                    cpus: "0"
                  - name: builtin-local
                    start: builtin:hello
                benchmarks:
                  - name: hello
                    urls: [/]
                    expect: {status: 200}
                """.formatted(sshd.sshSection(), host, host));
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(scenario.resolve("remote.yaml").toString(), "--duration", "1s",
                "--warmup", "300ms", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Map<String, Object> results = ResultsTree.read(out);
        Map<String, Map<String, Object>> fws = frameworks(results);

        for (String name : List.of("builtin-remote", "python-remote", "builtin-local")) {
            Map<String, Object> fw = fws.get(name);
            assertEquals("ok", fw.get("status"), name + ": " + fw.get("reason"));
            Map<String, Object> run = firstRun(fw);
            assertTrue(ResultsTree.number(run.get("requests")) > 0, name);
            assertEquals(0L, ResultsTree.map(run.get("errors")).get("total"), name);
            Map<String, Object> server = ResultsTree.map(run.get("server"));
            assertNotNull(server, name + ": the server was sampled");
            assertTrue(((Number) server.get("cpu_s")).doubleValue() > 0, name + ": server CPU " + server);
            assertTrue(ResultsTree.number(server.get("rss_max_bytes")) > 1_000_000, name + ": server RSS " + server);
            assertTrue(ResultsTree.number(server.get("processes")) >= 1, name + ": " + server);
            Map<String, Object> latency = ResultsTree.map(run.get("latency_ms"));
            System.out.printf(Locale.ROOT, "FIGURES %s: %.0f req/s, p50 %.3f ms, p99 %.3f ms, server CPU %.1f%%,"
                    + " RSS %.1f MB%n", name, ((Number) run.get("rps")).doubleValue(),
                    ((Number) latency.get("p50")).doubleValue(), ((Number) latency.get("p99")).doubleValue(),
                    ((Number) server.get("cpu_pct")).doubleValue(),
                    ResultsTree.number(server.get("rss_max_bytes")) / 1e6);
        }
        // the remote ones are reached at the host's address, the local one at the default
        assertTrue(((String) fws.get("builtin-remote").get("url")).startsWith("http://127.0.0.2:"));
        assertTrue(((String) fws.get("python-remote").get("url")).startsWith("http://127.0.0.2:"));
        assertTrue(((String) fws.get("builtin-local").get("url")).startsWith("http://127.0.0.1:"));
        // requires, version and cpus were run there
        assertTrue(((String) fws.get("python-remote").get("version")).startsWith("Python 3"));
        assertEquals("0", fws.get("python-remote").get("cpus"));
        assertEquals(null, fws.get("python-remote").get("cpus_note"), "pinned there with taskset");
        // the python server has its shell and python; the builtin is one JVM
        assertEquals(1L, ResultsTree.number(ResultsTree.map(firstRun(fws.get("builtin-remote")).get("server"))
                .get("processes")));
        // the logs came back
        assertTrue(Files.readString(out.resolve("logs/python-remote.log")).contains("listening on 127.0.0.2:"),
                Files.readString(out.resolve("logs/python-remote.log")));
        assertTrue(Files.readString(out.resolve("logs/builtin-remote.log")).contains("server listening on 127.0.0.2:"));
        assertTrue(Files.readString(out.resolve("logs/builtin-remote.log")).contains("=== mangonel: stopped"));

        // where things ran
        Map<String, Object> env = ResultsTree.map(results.get("environment"));
        Map<String, Object> client = ResultsTree.map(env.get("client"));
        assertTrue(ResultsTree.number(client.get("cores")) > 0, client.toString());
        Map<String, Object> there = ResultsTree.map(ResultsTree.map(env.get("servers")).get(host));
        assertNotNull(there, env.toString());
        assertEquals("127.0.0.2", there.get("address"));
        assertTrue(ResultsTree.number(there.get("cores")) > 0, there.toString());
        assertTrue(ResultsTree.number(there.get("memory_bytes")) > 0, there.toString());
        assertTrue(((String) there.get("os")).length() > 0, there.toString());
        assertTrue(((String) there.get("cpu_model")).length() > 0, there.toString());
        assertTrue(((String) there.get("java")).contains("version"), "Java was checked there: " + there);
        Map<String, Object> rtt = ResultsTree.map(there.get("rtt_ms"));
        assertTrue(((Number) rtt.get("median")).doubleValue() > 0, rtt.toString());
        assertEquals(List.of("builtin-remote", "python-remote"), there.get("frameworks"));
        String setup = Files.readString(out.resolve("report.md"));
        assertTrue(setup.contains("**Servers over SSH:**") && setup.contains("round trip"), "the page says where");

        assertNothingLeftOnTheHost();
        for (String name : List.of("builtin-remote", "python-remote")) {
            assertNothingListensAt((String) fws.get(name).get("url"));
        }
        assertNoProcessLeftHere();
    }

    /** No process of ours here but the test's sshd (without sessions: the engine closed its connection). */
    private static void assertNoProcessLeftHere() throws InterruptedException {
        List<ProcessHandle> left = List.of();
        for (int i = 0; i < 50; i++) {
            java.util.Set<Long> theHost = new java.util.HashSet<>();
            if (sshd != null) { // the host's side (checked over SSH by the tests)
                theHost.add(sshd.pid());
                ProcessHandle.of(sshd.pid()).ifPresent(h -> h.descendants().forEach(d -> theHost.add(d.pid())));
            }
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .filter(p -> !theHost.contains(p.pid())).toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
                "no process of the run is left here");
    }

    @Test
    void anUnreachableHostFailsItsFrameworkWithOneLineAtOnceAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")), "needs the ssh client");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(TestSshd.ADDRESS))) {
            closed = s.getLocalPort(); // free, and closed once this returns
        }
        String host = "ssh://root@" + TestSshd.ADDRESS + ":" + closed;
        Path scenario = dir.resolve("unreachable.yaml");
        Files.writeString(scenario, """
                name: unreachable
                concurrency: [8]
                threads: 1
                ssh:
                  connect_timeout: 3s
                frameworks:
                  - name: far
                    start: builtin:hello
                    host: %s
                  - name: near
                    start: builtin:hello
                benchmarks:
                  - name: hello
                    urls: [/]
                """.formatted(host));
        Path out = dir.resolve("run");
        long t0 = System.nanoTime();
        CliTest.Outcome o = CliTest.run(scenario.toString(), "--duration", "1s", "--warmup", "300ms", "--out",
                out.toString());
        double tookS = (System.nanoTime() - t0) / 1e9;
        assertEquals(ExitCodes.EXPECTATION_FAILED, o.code(), "a framework failed: " + o.err());
        Map<String, Map<String, Object>> fws = frameworks(ResultsTree.read(out));
        Map<String, Object> far = fws.get("far");
        assertEquals("failed", far.get("status"));
        String reason = (String) far.get("reason");
        assertFalse(reason.contains("\n"), "one line: " + reason);
        assertTrue(reason.contains(host) && reason.contains("Connection refused"), reason);
        assertEquals("ok", fws.get("near").get("status"), "the run went on");
        // 1.3 s of load for the local one; the unreachable host cost no more than its connect timeout
        assertTrue(tookS < 1.3 + 3 + 10, "took " + tookS + " s");
        Map<String, Object> servers = ResultsTree.map(ResultsTree.map(ResultsTree.read(out).get("environment"))
                .get("servers"));
        assertEquals(reason, ResultsTree.map(servers.get(host)).get("error"));
        assertNoProcessLeftHere();
    }

    @Test
    void aRefusedKeyAnUnknownAndAChangedHostKeyEachFailWithTheirReason(@TempDir Path dir) throws Exception {
        needSshd();
        Path otherKey = dir.resolve("other_key");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString())
                .redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assertTrue(keygen.waitFor(30, TimeUnit.SECONDS) && keygen.exitValue() == 0);
        Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
        Path wrong = Files.writeString(dir.resolve("wrong_known_hosts"), "[" + TestSshd.ADDRESS + "]:" + sshd.port()
                + " " + Files.readString(Path.of(otherKey + ".pub")).strip() + "\n");
        Map<String, String> sections = new java.util.LinkedHashMap<>();
        sections.put("authentication refused: root@127.0.0.2: Permission denied (publickey)", "ssh:\n  identity: " + otherKey
                + "\n  options: [-o, UserKnownHostsFile=" + sshd.knownHosts() + "]\n");
        sections.put("host key is not known", "ssh:\n  identity: " + sshd.userKey()
                + "\n  options: [-o, UserKnownHostsFile=" + empty + "]\n");
        sections.put("REMOTE HOST IDENTIFICATION HAS CHANGED", "ssh:\n  identity: " + sshd.userKey()
                + "\n  options: [-o, UserKnownHostsFile=" + wrong + "]\n");
        int i = 0;
        for (Map.Entry<String, String> e : sections.entrySet()) {
            Path scenario = dir.resolve("fault" + i + ".yaml");
            Files.writeString(scenario, "name: fault\nconcurrency: [4]\nthreads: 1\n" + e.getValue() + """
                    frameworks:
                      - name: there
                        start: builtin:hello
                        host: %s
                    benchmarks:
                      - name: hello
                        urls: [/]
                    """.formatted(sshd.destination()));
            Path out = dir.resolve("run" + i++);
            CliTest.Outcome o = CliTest.run(scenario.toString(), "--duration", "1s", "--warmup", "0s", "--out",
                    out.toString());
            assertEquals(ExitCodes.RUN_FAILED, o.code(), o.err());
            // nothing was measured: no chart in the page, so the results are read without ResultsTree.read
            org.mangonel.results.ResultsSchema.assertValid(out.resolve("results.json"));
            Map<String, Object> fw = frameworks(org.mangonel.report.ReportRenderer.readResults(
                    out.resolve("results.json"))).get("there");
            String reason = (String) fw.get("reason");
            System.out.println("REASON: " + reason);
            assertEquals("failed", fw.get("status"), reason);
            assertTrue(reason.contains(e.getKey()) && reason.contains(sshd.destination()), reason);
            assertFalse(reason.contains("\n"), "one line: " + reason);
        }
        assertNothingLeftOnTheHost();
    }

    @Test
    void aFailingRequirementThereSkipsAndADroppedConnectionFailsOneFrameworkAndTheNextReconnects(@TempDir Path dir)
            throws Exception {
        needSshd();
        Path scenario = scenarioDir(dir);
        String host = sshd.destination();
        Files.writeString(scenario.resolve("drop.yaml"), """
                name: drop
                concurrency: [8]
                threads: 1
                host: %s
                %sframeworks:
                  - name: missing-there
                    start: python3 -c pass
                    requires:
                      - command: test -e /no/such/file/on/that/host
                        hint: "the file is not there: make it"
                  - name: dropped
                    start: builtin:hello
                  - name: after
                    start: builtin:hello
                benchmarks:
                  - name: hello
                    urls: [/]
                """.formatted(host, sshd.sshSection()));
        Path out = dir.resolve("run");
        // While "dropped" is measured, its connection to the host is cut: the engine's master ssh is
        // killed, as when the network or the host goes away.
        AtomicReference<String> killed = new AtomicReference<>("not found");
        Thread cutter = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!Files.exists(out.resolve("logs/dropped.log")) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(2500); // started, ready, warmed up, measuring
                ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(a -> String.join(" ", a))
                        .filter(a -> a.contains("ControlMaster=yes") && a.contains(host)).isPresent())
                        .forEach(p -> {
                            killed.set("pid " + p.pid());
                            p.destroyForcibly();
                        });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cutter.start();
        CliTest.Outcome o = CliTest.run(scenario.resolve("drop.yaml").toString(), "--duration", "4s", "--warmup",
                "300ms", "--out", out.toString());
        cutter.join();
        assertTrue(killed.get().startsWith("pid"), "the master was found and killed");
        assertEquals(ExitCodes.EXPECTATION_FAILED, o.code(), o.err());
        Map<String, Map<String, Object>> fws = frameworks(ResultsTree.read(out));

        Map<String, Object> missing = fws.get("missing-there");
        assertEquals("skipped", missing.get("status"));
        assertEquals("the file is not there: make it", missing.get("reason"));

        Map<String, Object> dropped = fws.get("dropped");
        assertEquals("failed", dropped.get("status"));
        String reason = (String) dropped.get("reason");
        assertTrue(reason.contains("the SSH connection to " + host + " dropped") && reason.contains("during the run"),
                reason);
        assertFalse(reason.contains("\n"), "one line: " + reason);

        assertEquals("ok", fws.get("after").get("status"), "the next framework reconnected: " + fws.get("after"));
        assertNothingLeftOnTheHost();
        assertNothingListensAt((String) dropped.get("url"));
    }

    @Test
    void sigintStopsTheServersOnTheHost(@TempDir Path dir) throws Exception {
        needSshd();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/timeout")), "GNU timeout is installed");
        Path scenario = scenarioDir(dir);
        Files.writeString(scenario.resolve("long.yaml"), """
                name: long
                concurrency: [8]
                threads: 1
                host: %s
                %s  sync: servers
                frameworks:
                  - name: python-remote
                    start: python3 servers/hello_asyncio.py --host {host} --port {port}
                    stop_grace: 20s
                  - name: builtin-remote
                    start: builtin:hello
                benchmarks:
                  - name: hello
                    urls: [/]
                """.formatted(sshd.destination(), sshd.sshSection()));
        Path out = dir.resolve("run");
        Path log = dir.resolve("engine.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // timeout(1) passes the signal to the engine and then to its whole process group, as a
        // terminal's Ctrl-C reaches every process of the foreground group (ssh children included)
        Process engine = new ProcessBuilder("/usr/bin/timeout", "120", java, "-cp",
                System.getProperty("java.class.path"), "org.mangonel.cli.Main", scenario.resolve("long.yaml").toString(),
                "--duration", "60s", "--warmup", "0s", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.readString(log).contains("requests/s") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(log).contains("requests/s"), Files.readString(log));
            assertFalse(sshd.runProcesses().isEmpty(), "the server runs there");
            new ProcessBuilder("kill", "-s", "INT", String.valueOf(engine.pid())).start().waitFor();
            assertTrue(engine.waitFor(60, TimeUnit.SECONDS), "the engine exits after SIGINT");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(ExitCodes.INTERRUPTED, engine.exitValue(), text);
            Map<String, Map<String, Object>> fws = frameworks(ResultsTree.read(out));
            assertEquals("interrupted", fws.get("python-remote").get("status"), text);
            assertEquals("not_run", fws.get("builtin-remote").get("status"));
            assertNothingLeftOnTheHost();
        } finally {
            engine.destroyForcibly();
        }
    }

    @Test
    void theReferenceScenarioRunsOnTheHostWithHostOnTheCommandLine(@TempDir Path dir) throws Exception {
        needSshd();
        // the shipped scenario as it is, with this test's keys in its ssh section
        Path copy = dir.resolve("scenarios");
        Files.createDirectories(copy);
        String text = Files.readString(CliTest.REPO.resolve("scenarios/python-frameworks.yaml"));
        int at = text.indexOf("\nssh:\n");
        assertTrue(at > 0, "the scenario has an ssh section");
        int end = text.indexOf("\n\n", at + 1);
        String ours = sshd.sshSection("  sync: [servers]");
        Files.writeString(copy.resolve("python-frameworks.yaml"), text.substring(0, at + 1) + ours
                + text.substring(end + 1));
        copyTree(CliTest.REPO.resolve("scenarios/servers"), copy.resolve("servers"));
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(copy.resolve("python-frameworks.yaml").toString(), "--host",
                sshd.destination(), "--benchmark", "fake-http", "--only", "asyncio-raw,asyncore-raw", "--duration",
                "1s", "--warmup", "300ms", "--repetitions", "1", "-c", "50", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        Map<String, Map<String, Object>> fws = frameworks(ResultsTree.read(out));
        for (String name : List.of("asyncio-raw", "asyncore-raw")) {
            Map<String, Object> fw = fws.get(name);
            assertEquals("ok", fw.get("status"), name + ": " + fw.get("reason"));
            assertTrue(((String) fw.get("url")).startsWith("http://127.0.0.2:"), fw.get("url").toString());
            Map<String, Object> server = ResultsTree.map(firstRun(fw).get("server"));
            assertTrue(((Number) server.get("cpu_s")).doubleValue() > 0, name + ": " + server);
        }
        assertNothingLeftOnTheHost();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
