package org.mangonel.framework;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A framework's server process, started in its own session (and so its own process group) with
 * its output appended to a log file. {@link #stop(Duration)} leaves no process of that session
 * behind. Used by one controlling thread.
 */
public final class ServerProcess implements AutoCloseable {
    private static final boolean HAVE_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
            || Files.isExecutable(Path.of("/bin/setsid"));

    private final Process process;
    private final Path log;
    private boolean stopped;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code argv} in a new session.
     *
     * @param argv the program and its arguments
     * @param cwd  working directory
     * @param env  extra environment
     * @param log  file that receives stdout and stderr (appended)
     */
    public static ServerProcess start(List<String> argv, Path cwd, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (HAVE_SETSID) {
            command.add("setsid");
        }
        command.addAll(argv);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(cwd.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new ServerProcess(pb.start(), log);
    }

    /** The process id, which is also its session and process group id. */
    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit code, if it has exited. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until {@code address} accepts a TCP connection, or this process exits.
     *
     * @return empty when ready, else why not (exited, or not listening in time)
     */
    public Optional<String> awaitReady(InetSocketAddress address, Duration timeout) throws InterruptedException {
        return awaitListening(address, timeout, this);
    }

    /**
     * The one readiness probe: polls until {@code address} accepts a TCP connection.
     *
     * @param process the server's process, watched so that one that exits is reported at once;
     *                null for a server started elsewhere
     * @return empty when ready, else why not (exited, or not listening in time)
     */
    public static Optional<String> awaitListening(InetSocketAddress address, Duration timeout, ServerProcess process)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (process != null && !process.process.isAlive()) {
                return Optional.of("exited with status " + process.process.exitValue()
                        + " before accepting connections");
            }
            try (Socket probe = new Socket()) {
                probe.connect(address, 250);
                return Optional.empty();
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("did not accept connections on " + address.getHostString() + ":"
                        + address.getPort() + " within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(50);
        }
    }

    /**
     * SIGTERM to the process group, up to {@code grace} for the session to empty, then SIGKILL to
     * every process still in the session. Idempotent.
     */
    public void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        long session = process.pid();
        signalGroup("TERM", session);
        process.descendants().forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !sessionEmpty(session)) {
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sessionEmpty(session)) {
            signalGroup("KILL", session);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            for (ProcFs.Stat s : ProcFs.session(session)) {
                ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            process.destroyForcibly();
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL to the group and every process of the session, without waiting. Any thread. */
    public void kill() {
        long session = process.pid();
        signalGroup("KILL", session);
        for (ProcFs.Stat s : ProcFs.session(session)) {
            ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
    }

    private boolean sessionEmpty(long session) {
        if (ProcFs.available()) {
            return ProcFs.session(session).stream().allMatch(s -> isZombie(s.pid()));
        }
        return !process.isAlive() && process.descendants().findAny().isEmpty();
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(ProcFs.ROOT.resolve(pid + "/stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    private static void signalGroup(String signal, long group) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + group)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the per-process fallbacks in stop() still apply
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the log (at most 16 KiB read). */
    public String tailLog(int lines) {
        return tail(log, lines);
    }

    /** The last {@code lines} lines of a text file (at most 16 KiB read), or "" if unreadable. */
    public static String tail(Path file, int lines) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int n = (int) Math.min(length, 16 * 1024);
            byte[] bytes = new byte[n];
            f.seek(length - n);
            f.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
