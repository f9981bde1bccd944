package org.mangonel.run;

import java.io.IOException;
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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mangonel.Version;
import org.mangonel.framework.CpuAffinity;
import org.mangonel.framework.Host;
import org.mangonel.framework.HostException;
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
 *   host (this machine, or connected over SSH) ──unreachable, refused, lost──▶ FAILED
 *   requires ──fail──▶ SKIPPED            version probe      (all of these on the framework's host)
 *   endpoint: {port} picked (on its host), {host} filled in, URL resolved
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
    private final Path scenarioDir;
    private final ServerHosts hosts;
    /** Where it runs, and its working directory there; set when the run reaches it. */
    private Host host;
    private String cwd;
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
                 Share share, Schedule schedule, ServerHosts hosts) {
        this.share = share;
        this.schedule = schedule;
        this.bp = bp;
        this.fw = fw;
        this.outDir = outDir;
        this.scenarioDir = scenarioDir;
        this.hosts = hosts;
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
        } catch (HostException e) {
            // its host could not be reached (or was lost): the reason says which and why
            return failed(control.interrupted() ? FrameworkStatus.INTERRUPTED : FrameworkStatus.FAILED, e.getMessage(),
                    null, List.of());
        } catch (IOException | RuntimeException e) {
            String reason = (control.interrupted() ? "interrupted: " : "could not be run: ") + e.getMessage();
            return failed(FrameworkStatus.FAILED, reason, null, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(FrameworkStatus.INTERRUPTED, "interrupted", null, List.of());
        }
    }

    private FrameworkResult runChecked() throws IOException, InterruptedException {
        host = hosts.of(fw);
        cwd = host.directory(fw.cwd());
        Optional<String> missing = requirements();
        if (missing.isEmpty() && fw.start() instanceof Framework.Builtin) {
            missing = host.builtinProblem();
        }
        if (missing.isPresent()) {
            console.info(header + ": skipped: " + missing.get());
            return end(FrameworkStatus.SKIPPED, missing.get(), null, List.of());
        }
        version = version();
        String template = urlOn(fw.url(), host);
        int port = template.contains("{port}") ? host.freePort(Endpoints.host(template)) : -1;
        url = template.replace("{port}", String.valueOf(port));
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
            String reason = process.lost().map(lost -> lost + " during the run")
                    .orElse("the server exited during the run (status " + process.exitCode().orElse(-1) + ")");
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
    private Optional<String> requirements() throws HostException {
        return requirements(fw, host, cwd);
    }

    /** The first requirement of {@code fw} that fails on {@code host}, run in {@code cwd}, as the reason to skip it. */
    static Optional<String> requirements(Framework fw, Host host, String cwd) throws HostException {
        for (Framework.Requirement req : fw.requires()) {
            Shell.Result r = host.run(req.command(), cwd, fw.env(), REQUIREMENT_TIMEOUT_MS);
            if (!r.ok()) {
                return Optional.of(req.hint() != null ? req.hint() : "requirement `" + req.command() + "` failed (exit "
                        + r.exitCode() + ")" + (r.lastLine().isEmpty() ? "" : ": " + r.lastLine()));
            }
        }
        return Optional.empty();
    }

    private String version() throws HostException {
        if (fw.version() != null) {
            Shell.Result r = host.run(fw.version(), cwd, fw.env(), REQUIREMENT_TIMEOUT_MS);
            return r.ok() ? truncate(r.firstLine(), 200) : null;
        }
        return fw.start() instanceof Framework.Builtin ? "mangonel " + Version.VERSION : null;
    }

    private ServerProcess start(int port, Endpoint endpoint) throws IOException {
        // The address it listens on: the URL's host; on another host, the address this machine
        // reaches it by (a name there may resolve to something else, e.g. Debian's 127.0.1.1).
        String listen = host.remote() ? endpoint.address().getAddress().getHostAddress() : endpoint.url().getHost();
        List<String> argv = argv(port, listen);
        String shown = String.join(" ", argv.size() > 2 && argv.get(0).equals("/bin/sh") ? argv.subList(2, argv.size())
                : List.of(Results.startText(fw)));
        String where = host.remote() ? " on " + host.name() : "";
        // The port once: a command that names it ({port}) already shows it.
        boolean named = java.util.Arrays.asList(shown.split("[\\s=:]")).contains(String.valueOf(port));
        console.info(header + ": starting " + shown + where + (named ? "" : " on port " + port));
        appendLog("=== mangonel: " + header + " at " + Instant.now() + where + ": " + shown);
        Map<String, String> env = new HashMap<>();
        fw.env().forEach((k, v) -> env.put(k, v.replace("{port}", String.valueOf(port)).replace("{host}", listen)));
        if (fw.cpus() != null) {
            Optional<String> problem = host.cpusProblem(fw.cpus());
            cpusNote = problem.orElse(null);
            if (problem.isPresent()) {
                console.info(header + ": not pinned to CPUs " + fw.cpus() + ": " + problem.get());
            } else {
                argv = CpuAffinity.wrap(fw.cpus(), argv);
            }
        }
        return host.start(argv, cwd, env, outDir.resolve(logName), fw.name());
    }

    /** The command line that starts the framework on its host, listening on {@code listen}. */
    private List<String> argv(int port, String listen) {
        if (fw.start() instanceof Framework.Builtin builtin) {
            return host.builtinArgv(builtin.server(), listen, port);
        }
        String shell = ((Framework.Command) fw.start()).shell().replace("{port}", String.valueOf(port))
                .replace("{host}", listen);
        return List.of("/bin/sh", "-c", shell);
    }

    /**
     * A URL template on a host: {@code {host}} is the host's name; on another host, a loopback
     * address (the default URL's 127.0.0.1, localhost, [::1]) is read as that host too, since the
     * load comes from this machine.
     */
    static String urlOn(String template, Host host) {
        String name = host.address().contains(":") ? "[" + host.address() + "]" : host.address();
        String url = template.replace("{host}", name);
        if (host.remote()) {
            String h = URI.create(url.replace("{port}", "1")).getHost();
            if (h != null && (h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]"))) {
                url = url.replaceFirst("://" + Pattern.quote(h), "://" + Matcher.quoteReplacement(name));
            }
        }
        return url;
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
