package org.mangonel.framework;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server on another host, held on a leash: one SSH session runs {@code leash.sh} there, which
 * starts the server under {@code setsid} (its output to a log there), reports its pid and its
 * exit, and stops its whole session when told to, or by itself when the session's input ends,
 * which is what a dropped connection (or an engine gone) looks like from there. So nothing of a
 * framework outlives the engine's connection, even when the engine cannot say so.
 *
 * <pre>
 *   engine                         leash.sh on the host
 *   start ──ssh──────────────────▶ setsid SERVER &gt;&gt; LOG   "pid N"
 *   alive() ◀── still connected, no "exit" line yet
 *   stop(grace) ── "term MS" ────▶ TERM group + session, ≤ MS, KILL the rest    "stopped K"
 *   kill() ─────── "kill" ───────▶ KILL at once
 *   (connection lost) ── EOF ────▶ as "term GRACE"
 *   then the log there is appended to logs/NAME.log here
 * </pre>
 * The controlling thread uses it; {@link #kill()} may come from any thread.
 */
final class RemoteServerProcess extends ServerProcess {
    private static final long START_TIMEOUT_MS = 60_000;

    private final SshHost host;
    private final Process leash;
    private final String remoteLog;
    private final Path log;
    private final Path errors;
    private final CompletableFuture<Long> pid = new CompletableFuture<>();
    private final CompletableFuture<String> stopped = new CompletableFuture<>();
    private volatile Integer exitCode;
    private volatile boolean ended;
    private long fetched;
    private boolean stopping;

    private RemoteServerProcess(SshHost host, Process leash, String remoteLog, Path log, Path errors) {
        this.host = host;
        this.leash = leash;
        this.remoteLog = remoteLog;
        this.log = log;
        this.errors = errors;
    }

    static RemoteServerProcess start(SshHost host, List<String> argv, String cwd, Map<String, String> env,
                                     String remoteLog, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Path errors = host.controlFile("leash");
        // The grace used when the connection drops: the framework's is not known here, so a fixed one.
        String script = Sh.LIB + "\n" + host.leashScript(argv, cwd, env, remoteLog, Duration.ofSeconds(5));
        Process p = new ProcessBuilder(host.session(script)).redirectError(errors.toFile()).start();
        RemoteServerProcess rp = new RemoteServerProcess(host, p, remoteLog, log, errors);
        Thread reader = new Thread(rp::readLeash, "mangonel-leash");
        reader.setDaemon(true);
        reader.start();
        try {
            long id = rp.pid.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            host.started(id);
            return rp;
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("could not start it on " + host.name() + ": " + rp.errorText());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while starting it on " + host.name());
        }
    }

    /** The leash's lines: "pid N", "exit N", "stopped K"; its end. */
    private void readLeash() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(leash.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] w = line.strip().split(" ");
                if (w.length == 2 && w[0].equals("pid")) {
                    pid.complete(Long.parseLong(w[1]));
                } else if (w.length == 2 && w[0].equals("exit")) {
                    exitCode = Integer.parseInt(w[1]);
                } else if (w.length == 2 && w[0].equals("stopped")) {
                    stopped.complete(w[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the session ended: as below
        } finally {
            ended = true;
            pid.completeExceptionally(new IOException("the leash ended"));
            stopped.complete(null);
        }
    }

    /** What ssh or the leash said on stderr, in one line. */
    private String errorText() {
        try {
            return SshHost.reason(Files.readString(errors, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "ssh failed";
        }
    }

    @Override
    public long pid() {
        return pid.getNow(-1L);
    }

    @Override
    public boolean alive() {
        return !ended && exitCode == null;
    }

    @Override
    public Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    @Override
    public Optional<String> lost() {
        if (!ended || exitCode != null || stopping) {
            return Optional.empty();
        }
        return Optional.of("the SSH connection to " + host.name() + " dropped (" + errorText() + ")");
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public ProcessTreeSampler sampler() {
        return ended ? null : new ProcessTreeSampler(host.reader(pid()));
    }

    @Override
    public String tailLog(int lines) {
        fetchLog();
        return super.tailLog(lines);
    }

    /** Appends what the log there gained since the last fetch to the log here. */
    private synchronized void fetchLog() {
        fetched += host.fetch(remoteLog, fetched, log);
    }

    @Override
    public void stop(Duration grace) {
        if (stopping) {
            return;
        }
        stopping = true;
        tell("term " + grace.toMillis());
        String result = null;
        try {
            result = stopped.get(grace.toMillis() + 15_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // no answer: the fallback below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (result == null) {
            // The leash is gone (the connection dropped): over a new connection, if one can be made,
            // stop what is left of the session; when none can, leash.sh does it there by itself.
            try {
                host.ensureConnected();
                host.exec("stop_session " + pid() + " 0", 30_000);
            } catch (HostException e) {
                // the host is out of reach: its leash stops the server when its sshd notices
            }
        }
        host.ended(pid());
        try {
            leash.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leash.destroyForcibly();
        fetchLog();
    }

    @Override
    public void kill() {
        tell("kill");
    }

    /** One line to the leash, then the end of its input; ignored when it is gone. */
    private void tell(String line) {
        synchronized (leash) {
            try {
                OutputStream out = leash.getOutputStream();
                out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.close();
            } catch (IOException e) {
                // already told, or the session is gone
            }
        }
    }
}
