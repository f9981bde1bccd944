package org.mangonel.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mangonel.Version;
import org.mangonel.framework.CpuAffinity;
import org.mangonel.framework.FreePort;
import org.mangonel.framework.ServerProcess;
import org.mangonel.framework.Shell;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.protocol.Protocol;
import org.mangonel.protocol.Protocols;
import org.mangonel.report.Results;
import org.mangonel.report.ResultsModel.FrameworkResult;
import org.mangonel.report.ResultsModel.FrameworkStatus;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Share;
import org.mangonel.scenario.Workload;
import org.mangonel.transport.Endpoint;

/**
 * The lifecycle of one framework in one benchmark. The run's thread only.
 *
 * <pre>
 *   requires ──fail──▶ SKIPPED            version probe
 *   endpoint: {port} picked, URL resolved
 *   start (own session, log file) → ready ──fail──▶ FAILED (+ log tail)     (or: already running → ready)
 *   verify ──fail──▶ FAILED
 *   levels × repetitions (Trials) ──▶ OK / INTERRUPTED / FAILED
 *   stop (TERM, grace, KILL; no grace when hurried)
 * </pre>
 */
final class FrameworkRun {
    private static final int LOG_TAIL_LINES = 15;
    private static final long REQUIREMENT_TIMEOUT_MS = 60_000;

    private final BenchmarkPlan bp;
    private final Framework fw;
    private final Path outDir;
    private final Path cwd;
    private final Path scenarioDir;
    private final RunControl control;
    private final RunConsole console;
    private final String header;
    private final String logName;
    private final Share share;
    private final Schedule schedule;
    private String version;
    private String url;
    private String cpusNote;
    private org.mangonel.results.FrameworkResult.CapacityResult capacity;

    FrameworkRun(BenchmarkPlan bp, Framework fw, Path scenarioDir, Path outDir, RunControl control, RunConsole console,
                 Share share, Schedule schedule) {
        this.share = share;
        this.schedule = schedule;
        this.bp = bp;
        this.fw = fw;
        this.outDir = outDir;
        this.cwd = scenarioDir.resolve(fw.cwd() == null ? "." : fw.cwd()).normalize();
        this.scenarioDir = scenarioDir;
        this.control = control;
        this.console = console;
        this.header = "benchmark " + bp.benchmark().name() + ", framework " + fw.name();
        this.logName = "logs/" + fw.name() + ".log";
        this.url = fw.url();
    }

    /** Runs it; whatever goes wrong becomes its status and reason, so the run goes on. */
    FrameworkResult run() {
        try {
            return runChecked();
        } catch (IOException | RuntimeException e) {
            String reason = (control.interrupted() ? "interrupted: " : "could not be run: ") + e.getMessage();
            return failed(FrameworkStatus.FAILED, reason, null, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(FrameworkStatus.INTERRUPTED, "interrupted", null, List.of());
        }
    }

    private FrameworkResult runChecked() throws IOException, InterruptedException {
        Optional<String> missing = requirements();
        if (missing.isPresent()) {
            console.info(header + ": skipped: " + missing.get());
            return end(FrameworkStatus.SKIPPED, missing.get(), null, List.of());
        }
        version = version();
        int port = fw.url().contains("{port}") ? FreePort.pick(Endpoints.host(fw.url())) : -1;
        url = fw.url().replace("{port}", String.valueOf(port));
        Endpoint endpoint = Endpoints.resolve(url, fw.tls(), scenarioDir);
        ServerProcess process = null;
        try {
            if (fw.managed()) {
                process = start(port, endpoint);
                control.process(process);
                Optional<String> notReady = process.awaitReady(endpoint.address(), fw.ready());
                if (notReady.isPresent()) {
                    return failed(FrameworkStatus.FAILED, notReady.get(), process.tailLog(LOG_TAIL_LINES), List.of());
                }
            } else {
                Optional<String> notReady = ServerProcess.awaitListening(endpoint.address(), fw.ready(), null);
                if (notReady.isPresent()) {
                    return failed(FrameworkStatus.FAILED, "nothing accepts connections at " + url, null, List.of());
                }
            }
            return measure(Protocols.of(bp.benchmark().workload()), bp.benchmark().workload(), endpoint, process);
        } finally {
            if (process != null) {
                process.stop(control.hurried() ? Duration.ZERO : fw.stopGrace());
                control.process(null);
                appendLog("=== mangonel: stopped at " + Instant.now());
            }
        }
    }

    private <W extends Workload> FrameworkResult measure(Protocol<W> protocol, W workload, Endpoint endpoint,
                                                        ServerProcess process) throws InterruptedException {
        if (bp.benchmark().verify()) {
            Optional<String> wrong = protocol.verify(workload, endpoint, bp.settings());
            if (wrong.isPresent()) {
                return failed(FrameworkStatus.FAILED, "verification failed: " + wrong.get(),
                        process == null ? null : process.tailLog(LOG_TAIL_LINES), List.of());
            }
        }
        Trials<W> trials = new Trials<>(bp, fw, protocol, workload, endpoint, process, control, console, outDir,
                share, schedule);
        List<Level> levels;
        if (bp.benchmark().capacity() != null) {
            CapacitySearch.Outcome found = new CapacitySearch<>(bp, protocol, workload, trials).run();
            capacity = found.capacity();
            levels = found.levels();
            console.info(header + ": capacity " + (capacity.load() == null ? "none" : String.format(
                    java.util.Locale.ROOT, "%,.0f %s/s at %,.4g %s", capacity.achieved() == null ? 0
                            : capacity.achieved(), protocol.successUnit(), capacity.load(), capacity.unit()))
                    + " (" + capacity.reason() + ")");
        } else {
            levels = trials.run();
        }
        if (process != null && !process.alive()) {
            String reason = "the server exited during the run (status " + process.exitCode().orElse(-1) + ")";
            return failed(FrameworkStatus.FAILED, reason, process.tailLog(LOG_TAIL_LINES), levels);
        }
        if (capacity != null && levels.isEmpty() && !control.interrupted()
                && capacity.probes().stream().anyMatch(p -> p.rps() > 0)) {
            // The server answered, but not within the SLO at the lowest load tried: a finding, not a failure.
            return end(FrameworkStatus.OK, "capacity: " + capacity.reason(), null, levels);
        }
        Verdicts.FrameworkVerdict verdict = Verdicts.framework(levels, control.interrupted());
        return end(verdict.status(), verdict.reason(), null, levels);
    }

    /** The first requirement that fails, as the reason to skip; empty when all hold. */
    private Optional<String> requirements() {
        return requirements(fw, cwd);
    }

    /** The first requirement of {@code fw} that fails, run in {@code cwd}, as the reason to skip it. */
    static Optional<String> requirements(Framework fw, Path cwd) {
        for (Framework.Requirement req : fw.requires()) {
            Shell.Result r = Shell.run(req.command(), cwd, fw.env(), REQUIREMENT_TIMEOUT_MS);
            if (!r.ok()) {
                return Optional.of(req.hint() != null ? req.hint() : "requirement `" + req.command() + "` failed (exit "
                        + r.exitCode() + ")" + (r.lastLine().isEmpty() ? "" : ": " + r.lastLine()));
            }
        }
        return Optional.empty();
    }

    private String version() {
        if (fw.version() != null) {
            Shell.Result r = Shell.run(fw.version(), cwd, fw.env(), REQUIREMENT_TIMEOUT_MS);
            return r.ok() ? truncate(r.firstLine(), 200) : null;
        }
        return fw.start() instanceof Framework.Builtin ? "mangonel " + Version.VERSION : null;
    }

    private ServerProcess start(int port, Endpoint endpoint) throws IOException {
        List<String> argv = argv(fw, port, endpoint.url().getHost());
        String shown = String.join(" ", argv.size() > 2 && argv.get(0).equals("/bin/sh") ? argv.subList(2, argv.size())
                : List.of(Results.startText(fw)));
        console.info(header + ": starting " + shown + " on port " + port);
        appendLog("=== mangonel: " + header + " at " + Instant.now() + ": " + shown);
        Map<String, String> env = new HashMap<>();
        fw.env().forEach((k, v) -> env.put(k, v.replace("{port}", String.valueOf(port))));
        if (fw.cpus() != null) {
            Optional<String> problem = CpuAffinity.problem(fw.cpus());
            cpusNote = problem.orElse(null);
            if (problem.isPresent()) {
                console.info(header + ": " + problem.get());
            } else {
                argv = CpuAffinity.wrap(fw.cpus(), argv);
            }
        }
        return ServerProcess.start(argv, cwd, env, outDir.resolve(logName));
    }

    /** The command line that starts a framework. */
    static List<String> argv(Framework fw, int port, String host) {
        if (fw.start() instanceof Framework.Builtin builtin) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The same JVM defaults as bin/engine: no GC threads to feed, no boxing per ready descriptor.
            // The class path made absolute: the server runs in the scenario's folder, not ours.
            String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(p -> Path.of(p).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
            return List.of(java, "-XX:+UseSerialGC", "-XX:AutoBoxCacheMax=65536", "-cp", classPath,
                    "org.mangonel.cli.Main", "serve", builtin.server(), "--host", host, "--port", String.valueOf(port));
        }
        String shell = ((Framework.Command) fw.start()).shell().replace("{port}", String.valueOf(port));
        return List.of("/bin/sh", "-c", shell);
    }

    private FrameworkResult failed(FrameworkStatus status, String reason, String logTail, List<Level> levels) {
        String tail = logTail == null || logTail.isEmpty() ? null : logTail;
        console.info(header + ": " + status.word() + ": " + reason + (tail == null ? "" : "\n" + indent(tail)));
        return end(status, reason, tail, levels);
    }

    private FrameworkResult end(FrameworkStatus status, String reason, String logTail, List<Level> levels) {
        return new FrameworkResult(fw.name(), fw.title(), version, Results.startText(fw), url, fw.cpus(), cpusNote,
                status, reason, fw.managed() ? logName : null, logTail, new ArrayList<>(levels), capacity);
    }

    /** A framework that was never reached because the run was interrupted before it. */
    static FrameworkResult notRun(Framework fw) {
        return new FrameworkResult(fw.name(), fw.title(), null, Results.startText(fw), fw.url(), fw.cpus(), null,
                FrameworkStatus.NOT_RUN, "the run was interrupted before it", null, null, List.of(), null);
    }

    private void appendLog(String line) {
        Path log = outDir.resolve(logName);
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
}
