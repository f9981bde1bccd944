package org.mangonel.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mangonel.Version;
import org.mangonel.load.ChatLoadSpec;
import org.mangonel.load.ChatVerifier;
import org.mangonel.load.HttpLoadSpec;
import org.mangonel.load.LoadResult;
import org.mangonel.load.LoadRun;
import org.mangonel.load.ProgressListener;
import org.mangonel.load.RequestMix;
import org.mangonel.load.Verifier;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;
import org.mangonel.report.AtomicFiles;
import org.mangonel.report.Json;
import org.mangonel.report.Results;
import org.mangonel.report.ResultsModel.BenchmarkResult;
import org.mangonel.report.ResultsModel.ClientFigures;
import org.mangonel.report.ResultsModel.FrameworkResult;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunResults;
import org.mangonel.report.ResultsModel.ServerFigures;
import org.mangonel.scenario.ChatWorkload;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.HttpWorkload;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.Workload;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.RunStats;
import org.mangonel.framework.CpuAffinity;
import org.mangonel.framework.FreePort;
import org.mangonel.framework.ProcessTreeSampler;
import org.mangonel.framework.ServerProcess;
import org.mangonel.framework.Shell;

/**
 * Runs a plan and writes its results. One instance per run, used by one thread; only
 * {@link #interrupt()} may be called from another (a signal handler).
 */
public final class Runner {
    /** A loop busier than this share of a core during a window means the client may have been the limit. */
    static final double SATURATED_LOOP_PCT = 90.0;
    private static final int LOG_TAIL_LINES = 15;
    private static final long REQUIREMENT_TIMEOUT_MS = 60_000;

    private final Plan plan;
    private final Path outDir;
    private final RunConsole console;
    private final String command;
    private final Map<String, Object> environment;
    private final Instant startedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private final List<BenchmarkResult> done = new ArrayList<>();
    private volatile boolean interrupted;
    private volatile boolean hurried;
    private volatile LoadRun current;
    private volatile ServerProcess currentProcess;

    /**
     * @param plan    what to run
     * @param outDir  the run's output folder (exists, empty)
     * @param console where progress goes
     * @param command the command line, recorded in results
     */
    public Runner(Plan plan, Path outDir, RunConsole console, String command) {
        this.plan = plan;
        this.outDir = outDir;
        this.console = console;
        this.command = command;
        this.environment = EnvironmentProbe.collect();
    }

    /**
     * Last resort (a second Ctrl-C): kills the current framework's processes at once, without
     * waiting. Any thread.
     */
    public void killNow() {
        ServerProcess process = currentProcess;
        if (process != null) {
            process.kill();
        }
    }

    /**
     * Like {@link #interrupt()}, and no graceful waits: the current server is killed now and the
     * next stops get no grace period. Results and pages are still written. Any thread.
     */
    public void hurry() {
        hurried = true;
        interrupt();
        killNow();
    }

    /** Stops the current window and skips the rest; what was measured is kept. Any thread. */
    public void interrupt() {
        interrupted = true;
        LoadRun load = current;
        if (load != null) {
            load.stop();
        }
    }

    /** Runs everything; returns the final results (also written to {@code results.json}). */
    public RunResults run() throws IOException {
        for (BenchmarkPlan bp : plan.benchmarks()) {
            List<FrameworkResult> frameworks = new ArrayList<>();
            String clientCpus = bp.settings().clientCpus();
            Optional<String> previousMask = Optional.empty();
            String clientPinning = null;
            if (!clientCpus.isEmpty()) {
                Optional<String> problem = CpuAffinity.problem(clientCpus);
                previousMask = problem.isPresent() ? Optional.empty() : CpuAffinity.pinSelf(clientCpus);
                clientPinning = problem.orElse(previousMask.isPresent() ? null
                        : "taskset could not pin the client to CPUs " + clientCpus);
                console.info("benchmark " + bp.benchmark().name() + ": client " + (clientPinning == null
                        ? "pinned to CPUs " + clientCpus : "not pinned: " + clientPinning));
            }
            try {
                for (Framework fw : bp.frameworks()) {
                    if (interrupted) {
                        break;
                    }
                    frameworks.add(runFrameworkSafely(bp, fw));
                    writeResults(snapshot(bp, frameworks, clientPinning));
                }
            } finally {
                previousMask.ifPresent(CpuAffinity::restoreSelf);
            }
            done.add(new BenchmarkResult(bp.benchmark(), bp.settings(), clientPinning, frameworks));
            if (interrupted) {
                break;
            }
        }
        RunResults finalResults = results(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        writeResults(finalResults);
        return finalResults;
    }

    private RunResults snapshot(BenchmarkPlan bp, List<FrameworkResult> inProgress, String clientPinning) {
        List<BenchmarkResult> all = new ArrayList<>(done);
        all.add(new BenchmarkResult(bp.benchmark(), bp.settings(), clientPinning, inProgress));
        return new RunResults(plan.scenario(), environment, command, startedAt, null, "running", all);
    }

    private RunResults results(Instant finished) {
        boolean anyMeasured = done.stream().flatMap(b -> b.frameworks().stream())
                .anyMatch(f -> f.status().equals("ok"));
        String status = interrupted ? "interrupted" : anyMeasured ? "ok" : "failed";
        return new RunResults(plan.scenario(), environment, command, startedAt, finished, status, done);
    }

    private void writeResults(RunResults results) throws IOException {
        AtomicFiles.write(outDir.resolve("results.json"), Json.write(Results.tree(results)));
    }

    /**
     * Runs one framework; whatever goes wrong (a process that cannot be spawned, a signal that
     * kills the JDK's spawn helper), the framework gets a reason and the run goes on, so results
     * are always written.
     */
    private FrameworkResult runFrameworkSafely(BenchmarkPlan bp, Framework fw) {
        try {
            return runFramework(bp, fw);
        } catch (IOException | RuntimeException e) {
            String reason = (interrupted ? "interrupted: " : "could not be run: ") + e.getMessage();
            console.info("benchmark " + bp.benchmark().name() + ", framework " + fw.name() + ": failed: " + reason);
            return new Outcome(fw, "logs/" + fw.name() + ".log").end("failed", reason, null);
        }
    }

    private FrameworkResult runFramework(BenchmarkPlan bp, Framework fw) throws IOException {
        String logName = "logs/" + fw.name() + ".log";
        Path log = outDir.resolve(logName);
        Path cwd = Path.of(plan.scenario().source().directory()).resolve(fw.cwd() == null ? "." : fw.cwd()).normalize();
        Outcome outcome = new Outcome(fw, logName);
        String header = "benchmark " + bp.benchmark().name() + ", framework " + fw.name();

        for (Framework.Requirement req : fw.requires()) {
            Shell.Result r = Shell.run(req.command(), cwd, fw.env(), REQUIREMENT_TIMEOUT_MS);
            if (!r.ok()) {
                String reason = req.hint() != null ? req.hint()
                        : "requirement `" + req.command() + "` failed (exit " + r.exitCode() + ")"
                        + (r.lastLine().isEmpty() ? "" : ": " + r.lastLine());
                console.info(header + ": skipped: " + reason);
                return outcome.end("skipped", reason, null);
            }
        }
        outcome.version = version(fw, cwd);

        int port = fw.url().contains("{port}") ? FreePort.pick(hostOf(fw.url())) : -1;
        String url = fw.url().replace("{port}", String.valueOf(port));
        outcome.url = url;
        URI uri = URI.create(url);
        int uriPort = uri.getPort() > 0 ? uri.getPort() : 80;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(uri.getHost()), uriPort);
        String basePath = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : stripSlash(uri.getRawPath());

        ServerProcess process = null;
        try {
            if (fw.managed()) {
                console.info(header + ": starting " + Results.startText(fw) + " on port " + port);
                appendLog(log, "=== mangonel: " + header + " at " + Instant.now() + ": " + Results.startText(fw));
                Map<String, String> env = new HashMap<>();
                fw.env().forEach((k, v) -> env.put(k, v.replace("{port}", String.valueOf(port))));
                List<String> argv = argv(fw, port, uri.getHost());
                if (fw.cpus() != null) {
                    Optional<String> problem = CpuAffinity.problem(fw.cpus());
                    outcome.cpusNote = problem.orElse(null);
                    if (problem.isPresent()) {
                        console.info(header + ": " + problem.get());
                    } else {
                        argv = CpuAffinity.wrap(fw.cpus(), argv);
                    }
                }
                process = ServerProcess.start(argv, cwd, env, log);
                currentProcess = process;
                Optional<String> notReady = process.awaitReady(address, fw.ready());
                if (notReady.isPresent()) {
                    String tail = process.tailLog(LOG_TAIL_LINES);
                    console.info(header + ": failed: " + notReady.get() + (tail.isEmpty() ? "" : "\n" + indent(tail)));
                    return outcome.endWithLog("failed", notReady.get(), tail);
                }
            } else if (!accepts(address, fw.ready())) {
                String reason = "nothing accepts connections at " + url;
                console.info(header + ": failed: " + reason);
                return outcome.end("failed", reason, null);
            }

            RunSettings s = bp.settings();
            Workbench bench = workbench(bp.benchmark().workload(), s, uri, address, basePath);
            Optional<String> wrong = bench.verify();
            if (wrong.isPresent()) {
                String reason = "verification failed: " + wrong.get();
                console.info(header + ": failed: " + reason);
                return outcome.endWithLog("failed", reason, process == null ? null : process.tailLog(LOG_TAIL_LINES));
            }

            for (BenchmarkPlan.Level level : bp.levels()) {
                List<Run> runs = new ArrayList<>();
                for (int rep = 1; rep <= s.repetitions() && !interrupted; rep++) {
                    Run run = trial(bp, fw, bench.load(level), level, rep, process);
                    runs.add(run);
                    if (process != null && !process.alive()) {
                        break;
                    }
                }
                outcome.levels.add(level(level, runs));
                if (interrupted || (process != null && !process.alive())) {
                    break;
                }
            }
            if (process != null && !process.alive()) {
                String reason = "the server exited during the run (status " + process.exitCode().orElse(-1) + ")";
                console.info(header + ": failed: " + reason);
                return outcome.endWithLog("failed", reason, process.tailLog(LOG_TAIL_LINES));
            }
            boolean anyOk = outcome.levels.stream().anyMatch(l -> l.status().equals("ok"));
            String reason = anyOk ? null : outcome.levels.isEmpty() ? "interrupted before measuring"
                    : outcome.levels.get(outcome.levels.size() - 1).reason();
            return outcome.end(anyOk ? "ok" : "failed", reason, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
            return outcome.end("failed", "interrupted", null);
        } finally {
            if (process != null) {
                process.stop(hurried ? Duration.ZERO : fw.stopGrace());
                currentProcess = null;
                appendLog(log, "=== mangonel: stopped at " + Instant.now());
            }
        }
    }

    /** What differs between workloads: how to check a server first, and how to load it. */
    private interface Workbench {
        Optional<String> verify();

        LoadRun load(BenchmarkPlan.Level level);
    }

    private static Workbench workbench(Workload workload, RunSettings s, URI uri, InetSocketAddress address,
                                       String basePath) {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, s.timeout().toMillis());
        if (workload instanceof ChatWorkload chat) {
            byte[] terminator = chat.terminator().getBytes(StandardCharsets.US_ASCII);
            return new Workbench() {
                @Override
                public Optional<String> verify() {
                    return chat.verify() ? ChatVerifier.verify(address, chat.join(), chat.messageSize(), terminator,
                            timeoutMs) : Optional.empty();
                }

                @Override
                public LoadRun load(BenchmarkPlan.Level level) {
                    return LoadRun.chat(new ChatLoadSpec(address, level.concurrency(), s.threads(), chat.messageRate(),
                            chat.messageSize(), terminator, chat.join(), s.connectTimeout().toNanos(),
                            chat.drain().toNanos()));
                }
            };
        }
        HttpWorkload http = (HttpWorkload) workload;
        String authority = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        RequestMix mix = new RequestMix(http, authority, basePath);
        return new Workbench() {
            @Override
            public Optional<String> verify() {
                return http.verify() ? Verifier.verify(address, mix, http.limits().maxHeaderBytes(),
                        http.limits().maxBodyBytes(), timeoutMs) : Optional.empty();
            }

            @Override
            public LoadRun load(BenchmarkPlan.Level level) {
                return LoadRun.http(new HttpLoadSpec(address, mix, http.keepalive(), level.concurrency(), s.threads(),
                        s.timeout().toNanos(), s.connectTimeout().toNanos(), http.limits().maxHeaderBytes(),
                        http.limits().maxBodyBytes(), http.pipeline(), level.rate()));
            }
        };
    }

    private Run trial(BenchmarkPlan bp, Framework fw, LoadRun load, BenchmarkPlan.Level level, int rep,
                      ServerProcess process) throws InterruptedException {
        RunSettings s = bp.settings();
        current = load;
        if (interrupted) {
            load.stop();
        }
        ProcessTreeSampler sampler = process != null && ProcessTreeSampler.supported()
                ? new ProcessTreeSampler(process.pid()) : null;
        Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String label = String.format(Locale.ROOT, "%s · %s · c=%d%s · rep %d/%d", bp.benchmark().name(), fw.name(),
                level.concurrency(), level.rate() == null ? "" : " @ " + level.rate().label(), rep, s.repetitions());
        boolean chat = bp.benchmark().workload() instanceof ChatWorkload;
        String unit = chat ? "deliveries" : "requests";
        String perSecond = chat ? "deliveries/s" : "req/s";
        long warmupNs = s.warmup().toNanos();
        ProgressListener progress = (elapsedNs, totalNs, measuring, rate, errors, p99Us) -> console.progress(
                String.format(Locale.ROOT, "%s  %5.1f/%.1fs  %s", label, elapsedNs / 1e9, totalNs / 1e9,
                        measuring ? String.format(Locale.ROOT, "%,.0f %s  %,d errors  p99 %s", rate, perSecond,
                                errors, millis(p99Us)) : "warming up"));
        LoadResult result;
        try {
            result = load.execute(warmupNs, s.duration().toNanos(),
                    s.connectTimeout().toNanos() + 5_000_000_000L, progress, () -> {
                        if (sampler != null) {
                            sampler.start();
                        }
                    });
        } finally {
            current = null;
            console.endProgress();
        }
        ServerFigures server = null;
        ProcessTreeSampler.Usage u = sampler == null ? null : sampler.stop();
        if (u != null) {
            server = new ServerFigures(u.cpuSeconds(), u.cpuPercent(), u.rssMaxBytes(), u.rssMeanBytes(),
                    u.processes());
        }
        RunStats stats = result.stats();
        ClientFigures client = new ClientFigures(result.clientCpuNs() / 1e9, result.clientCpuPct(),
                result.loopBusyMaxPct(), Math.min(s.threads(), level.concurrency()),
                result.loopBusyMaxPct() >= SATURATED_LOOP_PCT, result.allocatedBytesPerRequest());
        String status = "ok";
        String reason = null;
        if (result.clientFailure() != null) {
            status = "failed";
            reason = "the client failed (please report this): " + result.clientFailure();
        } else if (result.interrupted()) {
            status = "interrupted";
            reason = "the run was interrupted; the window is shorter than planned";
        } else if (stats.requests() == 0) {
            status = "failed";
            reason = (chat ? "no message was delivered" : "no successful request") + errorSummary(stats);
        } else if (process != null && !process.alive()) {
            status = "failed";
            reason = "the server exited during the run";
        }
        console.info(String.format(Locale.ROOT, "%s: %,.1f %s, %,d %s%s, %,d errors, mean %s, p99 %s%s",
                label, stats.rate(), perSecond, stats.requests(), unit,
                chat ? String.format(Locale.ROOT, " of %,d expected (%,d lost)", stats.deliveriesExpected(),
                        stats.lost()) : "",
                stats.errorTotal(), millis(stats.latency().meanMs() * 1000), millis(stats.latency().p99Ms() * 1000),
                client.saturated() ? " (client saturated)" : ""));
        return new Run(rep, started, status, reason, stats, server, client);
    }

    private static Level level(BenchmarkPlan.Level level, List<Run> runs) {
        boolean anyOk = runs.stream().anyMatch(r -> r.status().equals("ok"));
        String reason = anyOk || runs.isEmpty() ? null : runs.get(runs.size() - 1).reason();
        return new Level(level.concurrency(), level.rate(), anyOk ? "ok" : "failed",
                runs.isEmpty() ? "interrupted" : reason, runs);
    }

    private static String errorSummary(RunStats stats) {
        StringBuilder out = new StringBuilder();
        for (ErrorKind kind : ErrorKind.values()) {
            long n = stats.errors().get(kind);
            if (n > 0) {
                out.append(out.length() == 0 ? " (errors: " : ", ").append(kind.key()).append(' ').append(n);
            }
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    private static String millis(double us) {
        return us < 1000 ? String.format(Locale.ROOT, "%.3fms", us / 1000.0)
                : String.format(Locale.ROOT, "%.1fms", us / 1000.0);
    }

    private String version(Framework fw, Path cwd) {
        if (fw.version() != null) {
            Shell.Result r = Shell.run(fw.version(), cwd, fw.env(), REQUIREMENT_TIMEOUT_MS);
            return r.ok() ? truncate(r.firstLine(), 200) : null;
        }
        if (fw.start() instanceof Framework.Builtin) {
            return "mangonel " + Version.VERSION;
        }
        return null;
    }

    /** The command line that starts a framework. */
    static List<String> argv(Framework fw, int port, String host) {
        if (fw.start() instanceof Framework.Builtin builtin) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The same JVM defaults as bin/engine: no GC threads to feed, no boxing per ready descriptor.
            return List.of(java, "-XX:+UseSerialGC", "-XX:AutoBoxCacheMax=65536", "-cp",
                    System.getProperty("java.class.path"), "org.mangonel.cli.Main", "serve", builtin.server(), "--host",
                    host, "--port", String.valueOf(port));
        }
        String shell = ((Framework.Command) fw.start()).shell().replace("{port}", String.valueOf(port));
        return List.of("/bin/sh", "-c", shell);
    }

    private static boolean accepts(InetSocketAddress address, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            try (Socket probe = new Socket()) {
                probe.connect(address, 500);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static String hostOf(String urlTemplate) {
        return URI.create(urlTemplate.replace("{port}", "1")).getHost();
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void appendLog(Path log, String line) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a convenience; the run goes on without it
        }
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Collects one framework's result as it goes. */
    private static final class Outcome {
        final Framework fw;
        final String log;
        final List<Level> levels = new ArrayList<>();
        String version;
        String url;
        String cpusNote;

        Outcome(Framework fw, String log) {
            this.fw = fw;
            this.log = log;
            this.url = fw.url();
        }

        FrameworkResult end(String status, String reason, String logTail) {
            return new FrameworkResult(fw.name(), fw.title(), version, Results.startText(fw), url, fw.cpus(),
                    cpusNote, status, reason, fw.managed() ? log : null, logTail, levels);
        }

        FrameworkResult endWithLog(String status, String reason, String logTail) {
            return end(status, reason, logTail == null || logTail.isEmpty() ? null : logTail);
        }
    }
}
