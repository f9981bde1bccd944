package org.mangonel.framework;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another machine, reached with the system's {@code ssh} (no agent to install there: a POSIX
 * shell, {@code /proc}, {@code setsid} and {@code awk} are all it needs). One multiplexed
 * connection (a ControlMaster) is opened when the run reaches the host and every command,
 * server and sampler goes over it; {@link #close()} ends it.
 *
 * <pre>
 *   open:   ssh -G (the destination as ssh resolves it) → master (ssh -M -N -f) → probe.sh: a
 *           run folder there (mktemp -d) and the machine's description → round-trip time
 *           (TCP connects to its SSH port, from here) → sync folders copied (rsync, else scp -r)
 *   run:    ssh … 'exec /bin/sh -c SCRIPT' for each command (cd, env, then the command)
 *   start:  leash.sh holds the server on an SSH session (see {@link RemoteServerProcess})
 *   sample: sampler.sh answers on one session per window (see {@link RemoteSessionReader})
 *   close:  stop any session still there → rm -rf the run folder → ssh -O exit
 * </pre>
 * Host keys are checked as ssh always does ({@code BatchMode=yes}: nothing is asked, an unknown
 * or changed key is a clear failure); the scenario's {@code ssh.options} come first, so they can
 * change any of the engine's own options. Thread-safe.
 */
public final class SshHost implements Host {
    /** The engine's own code, for built-in servers on this host, goes here under the run folder. */
    private static final String ENGINE_DIR = "engine";
    private static final long COMMAND_TIMEOUT_MS = 60_000;
    private static final Pattern JAVA_VERSION = Pattern.compile("version \"(1\\.)?(\\d+)");
    private static final int RTT_SAMPLES = 10;
    /** The master's socket in the host's control folder. */
    private static final String SOCKET = "cm";

    /**
     * How to reach hosts.
     *
     * @param identity       a private key ({@code ssh -i}), or null
     * @param options        arguments for ssh (and scp, rsync's ssh), before the engine's own
     * @param sync           folders (relative to {@code scenarioDir}) copied to each host's run folder
     * @param scenarioDir    where {@code sync} folders are
     * @param connectTimeout ssh's ConnectTimeout
     */
    public record Settings(Path identity, List<String> options, List<String> sync, Path scenarioDir,
                           Duration connectTimeout) {
        public Settings {
            options = List.copyOf(options);
            sync = List.copyOf(sync);
        }
    }

    private final String destination;
    private final Settings settings;
    private final Path controlDir;
    private final Map<String, String> resolved;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Map<String, Object> roundTrip = new LinkedHashMap<>();
    private final Set<Long> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();
    private String remoteDir;
    private Optional<String> builtinProblem;
    private String remoteClassPath;
    private String javaVersion;

    private SshHost(String destination, Settings settings, Path controlDir, Map<String, String> resolved) {
        this.destination = destination;
        this.settings = settings;
        this.controlDir = controlDir;
        this.resolved = resolved;
    }

    /**
     * Connects to {@code destination} and prepares it for this run (see the class comment).
     *
     * @param controlDir a private folder of this machine for this host's connection socket, logs
     *                   and staging; its path must be short (a socket's path has at most 108 bytes)
     * @throws HostException with the reason in one line when the host cannot be used
     */
    public static SshHost open(String destination, Settings settings, Path controlDir) throws HostException {
        // ssh -G prints the configuration it would use (hundreds of lines): read it whole
        String config;
        try {
            Process g = new ProcessBuilder(argv(settings, controlDir, List.of("-G", destination)))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            config = new String(g.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!g.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || g.exitValue() != 0) {
                g.destroyForcibly();
                throw new HostException("ssh cannot use the destination " + destination + ": " + reason(config));
            }
        } catch (IOException e) {
            if (e instanceof HostException he) {
                throw he;
            }
            throw new HostException("cannot run ssh (is openssh-client installed?): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while connecting to " + destination);
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String line : config.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                resolved.putIfAbsent(line.substring(0, space), line.substring(space + 1).strip());
            }
        }
        SshHost host = new SshHost(destination, settings, controlDir, resolved);
        host.connect();
        try {
            host.prepare();
        } catch (HostException e) {
            host.close();
            throw e;
        }
        return host;
    }

    @Override
    public String name() {
        return destination;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public String address() {
        return resolved.getOrDefault("hostname", destination);
    }

    private int sshPort() {
        try {
            return Integer.parseInt(resolved.getOrDefault("port", "22"));
        } catch (NumberFormatException e) {
            return 22;
        }
    }

    /** The run's folder there. */
    public String remoteDir() {
        return remoteDir;
    }

    @Override
    public String directory(String cwd) {
        if (cwd != null && cwd.startsWith("/")) {
            return Path.of(cwd).normalize().toString();
        }
        return Path.of(remoteDir).resolve(cwd == null ? "." : cwd).normalize().toString();
    }

    /**
     * What results.json says about the host: the machine (as for this one), its address, the
     * round-trip time from here, and which Java built-in servers ran on.
     */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", address());
        out.put("hostname", facts.get("hostname"));
        out.put("os", facts.get("os"));
        out.put("kernel", facts.get("kernel"));
        out.put("arch", facts.get("arch"));
        String model = facts.get("cpu_model");
        out.put("cpu_model", model == null || model.isEmpty() ? facts.get("arch") : model);
        out.put("cores", number(facts.get("cores")));
        Long kb = number(facts.get("memory_kb"));
        out.put("memory_bytes", kb == null ? null : kb * 1024);
        if (javaVersion != null) {
            out.put("java", javaVersion);
        }
        out.put("rtt_ms", roundTrip);
        return out;
    }

    // ---- connection ----

    /**
     * Whether this machine has setsid: every ssh (and scp, rsync) the engine runs is started in a
     * session of its own, so that a Ctrl-C at the terminal, which goes to the engine's whole process
     * group, reaches the engine (which then stops the servers) and not its connections first.
     */
    private static final boolean HAVE_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
            || Files.isExecutable(Path.of("/bin/setsid"));

    /** {@code argv} in a session of its own (see {@link #HAVE_SETSID}). */
    private static List<String> detached(List<String> argv) {
        if (!HAVE_SETSID) {
            return argv;
        }
        List<String> out = new ArrayList<>(List.of("setsid"));
        out.addAll(argv);
        return out;
    }

    /** ssh with the scenario's options, then the engine's own. */
    private static List<String> argv(Settings s, Path controlDir, List<String> rest) {
        List<String> out = new ArrayList<>(List.of("ssh"));
        out.addAll(common(s, controlDir));
        out.addAll(rest);
        return detached(out);
    }

    /** The options every ssh (and scp, and rsync's ssh) gets. */
    private static List<String> common(Settings s, Path controlDir) {
        List<String> out = new ArrayList<>(s.options());
        if (s.identity() != null) {
            out.addAll(List.of("-i", s.identity().toString(), "-o", "IdentitiesOnly=yes"));
        }
        out.addAll(List.of("-o", "BatchMode=yes",
                "-o", "ConnectTimeout=" + Math.max(1, (s.connectTimeout().toMillis() + 999) / 1000),
                "-o", "ControlPath=" + controlDir.resolve(SOCKET),
                "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3"));
        return out;
    }

    private List<String> ssh(List<String> rest) {
        return argv(settings, controlDir, rest);
    }

    /** ssh running {@code script} there in {@code /bin/sh}, over the master. */
    List<String> session(String script) {
        return ssh(List.of("-o", "ControlMaster=no", "-T", destination, "exec /bin/sh -c " + Sh.quote(script)));
    }

    /** Opens the master connection; its own output goes to a log in the control folder. */
    private void connect() throws HostException {
        try {
            // a master that died (killed, or its connection dropped) leaves its socket behind, and
            // ssh would not replace it: the new master would run without one
            Files.deleteIfExists(controlDir.resolve(SOCKET));
        } catch (IOException e) {
            throw new HostException("cannot reuse " + controlDir.resolve(SOCKET) + ": " + e.getMessage());
        }
        Path log = controlDir.resolve("master-" + counter.incrementAndGet() + ".log");
        List<String> cmd = ssh(List.of("-o", "ControlMaster=yes", "-o", "ControlPersist=60", "-f", "-N", "-T",
                destination));
        long timeoutMs = settings.connectTimeout().toMillis() + 20_000;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HostException("cannot connect to " + destination + ": no answer within " + timeoutMs
                        + " ms");
            }
            if (p.exitValue() != 0) {
                throw new HostException("cannot connect to " + destination + ": "
                        + reason(Files.readString(log, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            if (e instanceof HostException he) {
                throw he;
            }
            throw new HostException("cannot run ssh to connect to " + destination + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("interrupted while connecting to " + destination);
        }
    }

    /** Whether the master connection is up. */
    boolean connected() {
        return Shell.run(ssh(List.of("-O", "check", destination)), controlDir, Map.of(), 10_000).ok();
    }

    /**
     * Makes sure the connection is up (reconnecting once when it dropped since the last framework).
     *
     * @throws HostException when it is down and cannot be reopened
     */
    public void ensureConnected() throws HostException {
        if (!connected()) {
            try {
                connect();
            } catch (HostException e) {
                throw new HostException("the SSH connection to " + destination + " was lost and cannot be reopened: "
                        + e.getMessage());
            }
        }
    }

    /** The run folder, the machine's description, the round-trip time, the synced folders. */
    private void prepare() throws HostException {
        Shell.Result r = exec(Sh.resource("probe.sh"), COMMAND_TIMEOUT_MS);
        if (!r.ok()) {
            throw new HostException("cannot prepare " + destination + ": " + r.lastLine());
        }
        for (String line : r.output().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        remoteDir = facts.get("dir");
        if (remoteDir == null || !remoteDir.startsWith("/")) {
            throw new HostException("cannot make a run folder on " + destination + ": " + r.lastLine());
        }
        if (facts.getOrDefault("setsid", "").isEmpty()) {
            throw new HostException(destination + " has no setsid (util-linux), which runs each server in its own"
                    + " session so that it can be stopped whole: apt-get install util-linux");
        }
        if (!"yes".equals(facts.get("proc"))) {
            throw new HostException(destination + " has no readable /proc (is it Linux?), which the engine needs to"
                    + " sample and stop servers there");
        }
        measureRoundTrip();
        for (String dir : settings.sync()) {
            copy(settings.scenarioDir().resolve(dir), Path.of(dir).getParent());
        }
    }

    /** TCP connects to the host's SSH port from here: a handshake is one round trip, without ssh's own work. */
    private void measureRoundTrip() {
        InetSocketAddress where = new InetSocketAddress(address(), sshPort());
        double[] ms = new double[RTT_SAMPLES];
        int n = 0;
        String error = null;
        for (int i = 0; i < RTT_SAMPLES; i++) {
            try (Socket s = new Socket()) {
                long t0 = System.nanoTime();
                s.connect(where, (int) Math.min(5000, settings.connectTimeout().toMillis()));
                ms[n++] = (System.nanoTime() - t0) / 1e6;
            } catch (IOException e) {
                error = e.getMessage();
            }
        }
        roundTrip.put("method", "TCP handshake with " + address() + ":" + sshPort() + " from the client, "
                + RTT_SAMPLES + " times");
        if (n == 0) {
            roundTrip.put("error", error);
            return;
        }
        double[] got = Arrays.copyOf(ms, n);
        Arrays.sort(got);
        roundTrip.put("samples", n);
        roundTrip.put("min", round3(got[0]));
        roundTrip.put("median", round3(got[n / 2]));
        roundTrip.put("max", round3(got[n - 1]));
    }

    /** The round trip's median in milliseconds, or null when it could not be measured. */
    public Double roundTripMs() {
        Object median = roundTrip.get("median");
        return median instanceof Double d ? d : null;
    }

    /**
     * Copies a folder of this machine to {@code <run folder>/<parent>/<its name>} there: rsync
     * when both ends have it, else scp -r.
     */
    private void copy(Path local, Path parent) throws HostException {
        String target = parent == null ? remoteDir : remoteDir + "/" + parent;
        Shell.Result mk = exec("mkdir -p " + Sh.quote(target), COMMAND_TIMEOUT_MS);
        if (!mk.ok()) {
            throw new HostException("cannot make " + target + " on " + destination + ": " + mk.lastLine());
        }
        String user = resolved.get("user");
        String host = address().contains(":") ? "[" + address() + "]" : address();
        String remote = (user == null ? "" : user + "@") + host + ":" + target + "/";
        List<String> cmd = new ArrayList<>();
        boolean rsync = !facts.getOrDefault("rsync", "").isEmpty() && onPath("rsync");
        if (rsync) {
            List<String> e = new ArrayList<>(List.of("ssh", "-p", String.valueOf(sshPort())));
            e.addAll(common(settings, controlDir));
            e.addAll(List.of("-o", "ControlMaster=no"));
            cmd.addAll(List.of("rsync", "-a", "-e", Sh.join(e), local.toString(), remote));
        } else {
            cmd.addAll(List.of("scp", "-r", "-q", "-P", String.valueOf(sshPort())));
            cmd.addAll(common(settings, controlDir));
            cmd.addAll(List.of("-o", "ControlMaster=no", local.toString(), remote));
        }
        Shell.Result r = Shell.run(detached(cmd), controlDir, Map.of(), 30 * 60_000L);
        if (!r.ok()) {
            throw new HostException("cannot copy " + local + " to " + destination + " (" + cmd.get(0) + "): "
                    + r.lastLine());
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        return Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    /**
     * Runs {@code script} (the remote functions first) there and waits for it.
     *
     * @throws HostException when ssh could not reach the host (and the connection is down)
     */
    Shell.Result exec(String script, long timeoutMs) throws HostException {
        Shell.Result r = Shell.run(session(Sh.LIB + "\n" + script), controlDir, Map.of(), timeoutMs);
        if (r.exitCode() == 255 && !connected()) {
            throw new HostException("the SSH connection to " + destination + " failed: " + reason(r.output()));
        }
        return r;
    }

    @Override
    public Shell.Result run(String command, String cwd, Map<String, String> env, long timeoutMs)
            throws HostException {
        return exec("cd " + Sh.quote(cwd) + " || exit 1\n" + exports(env) + command, timeoutMs);
    }

    private static String exports(Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> out.append("export ").append(k).append('=').append(Sh.quote(v)).append('\n'));
        return out.toString();
    }

    @Override
    public int freePort(String bindHost) throws IOException {
        String[] range = facts.getOrDefault("port_range", "").trim().split("\\s+");
        int lo = 32768;
        int hi = 60999;
        if (range.length == 2) {
            try {
                lo = Integer.parseInt(range[0]);
                hi = Integer.parseInt(range[1]);
            } catch (NumberFormatException e) {
                // the usual range, then
            }
        }
        // Ports in use there (any state) from /proc/net/tcp and tcp6; one not among them, at random.
        String script = "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v lo=" + lo + " -v hi=" + hi
                + " -v seed=" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE)
                + " '{ n = split($2, a, \":\"); if (n == 2) used[a[2]] = 1 } END { srand(seed);"
                + " for (i = 0; i < 1000; i++) { p = lo + int(rand() * (hi - lo + 1));"
                + " if (!(sprintf(\"%04X\", p) in used)) { print p; exit 0 } } exit 1 }'";
        Shell.Result r = exec(script, COMMAND_TIMEOUT_MS);
        try {
            return Integer.parseInt(r.lastLine());
        } catch (NumberFormatException e) {
            throw new IOException("cannot find a free port on " + destination + ": " + r.lastLine());
        }
    }

    @Override
    public Optional<String> cpusProblem(String cpus) {
        if (facts.getOrDefault("taskset", "").isEmpty()) {
            return Optional.of("taskset is not installed on " + destination + " (util-linux)");
        }
        Long cores = number(facts.get("cores"));
        for (String part : cpus.split(",")) {
            String[] range = part.split("-");
            int highest = Integer.parseInt(range[range.length - 1]);
            if (cores != null && highest >= cores) {
                return Optional.of("CPU " + highest + " does not exist on " + destination + " (" + cores + " CPUs: 0-"
                        + (cores - 1) + ")");
            }
        }
        return Optional.empty();
    }

    /** Checks for a Java 17+ there and copies the engine's class path over, once. */
    @Override
    public synchronized Optional<String> builtinProblem() {
        if (builtinProblem != null) {
            return builtinProblem;
        }
        try {
            Shell.Result v = exec("java -version 2>&1", COMMAND_TIMEOUT_MS);
            String first = v.firstLine();
            Matcher m = JAVA_VERSION.matcher(v.output());
            int major = m.find() ? Integer.parseInt(m.group(2)) : -1;
            if (!v.ok() || major < 17) {
                builtinProblem = Optional.of("the built-in servers need Java 17 or newer on " + destination
                        + (v.ok() ? ", which has " + first : ", which has no java on its PATH") + ": install one there"
                        + " (apt-get install openjdk-17-jre-headless)");
                return builtinProblem;
            }
            javaVersion = first;
            remoteClassPath = copyEngine();
            builtinProblem = Optional.empty();
        } catch (IOException e) {
            builtinProblem = Optional.of(e.getMessage());
        }
        return builtinProblem;
    }

    /**
     * The engine's class path (its jar; in development and tests its folders and jars) copied
     * there, through a staging folder here; returns the class path there.
     */
    private String copyEngine() throws IOException {
        Path staging = controlDir.resolve(ENGINE_DIR);
        Files.createDirectories(staging);
        List<String> remote = new ArrayList<>();
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < entries.length; i++) {
            Path entry = Path.of(entries[i]).toAbsolutePath();
            if (!Files.exists(entry)) {
                continue;
            }
            String name = i + "-" + entry.getFileName();
            copyTree(entry, staging.resolve(name));
            remote.add(remoteDir + "/" + ENGINE_DIR + "/" + name);
        }
        copy(staging, null);
        return String.join(":", remote);
    }

    /** A copy, not links: scp does not follow links in a folder it uploads. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public List<String> builtinArgv(String server, String listenHost, int port) {
        return Host.builtinCommand("java", remoteClassPath, server, listenHost, port);
    }

    @Override
    public ServerProcess start(List<String> argv, String cwd, Map<String, String> env, Path log, String label)
            throws IOException {
        String remoteLog = remoteDir + "/logs/" + label + "-" + counter.incrementAndGet() + ".log";
        return RemoteServerProcess.start(this, argv, cwd, env, remoteLog, log);
    }

    /** The script that starts a server on its leash (leash.sh, after its settings). */
    static String leashScript(List<String> argv, String cwd, Map<String, String> env, String remoteLog, Duration grace) {
        return "LOG=" + Sh.quote(remoteLog) + "\nCWD=" + Sh.quote(cwd) + "\nGRACE_MS=" + grace.toMillis() + "\n"
                + "server() {\n" + exports(env) + "exec setsid " + Sh.join(argv) + "\n}\n" + Sh.resource("leash.sh");
    }

    /** A file of this machine's control folder for one session's own messages. */
    Path controlFile(String name) {
        return controlDir.resolve(name + "-" + counter.incrementAndGet() + ".err");
    }

    void started(long session) {
        sessions.add(session);
    }

    void ended(long session) {
        sessions.remove(session);
    }

    /** Appends the host's log file from byte {@code from} on to {@code local}; returns the bytes appended. */
    long fetch(String remoteLog, long from, Path local) {
        try {
            long before = Files.exists(local) ? Files.size(local) : 0;
            List<String> cmd = session("exec tail -c +" + (from + 1) + " " + Sh.quote(remoteLog));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.appendTo(local.toFile()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(COMMAND_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
            return Files.size(local) - before;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Reads the figures of a session there, for a sampler. */
    ProcessTreeSampler.SessionReader reader(long session) {
        return new RemoteSessionReader(this, session, Long.parseLong(facts.getOrDefault("clk_tck", "100")),
                Long.parseLong(facts.getOrDefault("page_size", "4096")));
    }

    /**
     * Stops every session this host still has (a server whose leash was lost), removes the run's
     * folder there and closes the connection. Idempotent; never throws.
     */
    public void close() {
        try {
            // over the master, or (when it is gone) a connection of its own
            StringBuilder script = new StringBuilder();
            for (long s : sessions) {
                script.append("stop_session ").append(s).append(" 0 >/dev/null\n");
            }
            if (remoteDir != null) {
                script.append("rm -rf ").append(Sh.quote(remoteDir)).append('\n');
            }
            exec(script.toString(), COMMAND_TIMEOUT_MS);
            sessions.clear();
        } catch (HostException e) {
            // the host is gone: nothing more can be done from here
        }
        Shell.run(ssh(List.of("-O", "exit", destination)), controlDir, Map.of(), 10_000);
    }

    // ---- helpers ----

    /** ssh's own words, made into one line that says what to do. */
    static String reason(String sshOutput) {
        String text = sshOutput == null ? "" : sshOutput;
        String last = "";
        for (String line : text.split("\r?\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("Warning: Permanently added") && !l.startsWith("@")) {
                last = l;
            }
        }
        last = last.endsWith(".") ? last.substring(0, last.length() - 1) : last;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("remote host identification has changed")) {
            return "the host key does not match the one in known_hosts (REMOTE HOST IDENTIFICATION HAS CHANGED):"
                    + " refusing to connect; if the host was reinstalled, remove the old key (ssh-keygen -R)";
        }
        if (lower.contains("host key verification failed")) {
            // without the banner above: a key not in known_hosts (ssh asks, BatchMode may not)
            return "the host key is not known (not in known_hosts), and nothing may be asked (BatchMode): connect"
                    + " once by hand, or add it with ssh-keyscan";
        }
        if (lower.contains("permission denied")) {
            return "authentication refused: " + last + "; check ssh.identity and the user's authorized_keys";
        }
        if (lower.contains("connection refused")) {
            return "unreachable: " + last + " (is sshd running there, on that port?)";
        }
        if (lower.contains("timed out")) {
            return "unreachable: " + last;
        }
        if (lower.contains("could not resolve hostname")) {
            return "unknown host: " + last;
        }
        return last.isEmpty() ? "ssh failed" : last;
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
