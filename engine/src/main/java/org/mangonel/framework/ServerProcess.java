package org.mangonel.framework;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A framework's server process, started in its own session (and so its own process group) with
 * its output going to a log file, on this machine or on another host
 * ({@link Host#start}). {@link #stop(Duration)} leaves no process of that session behind. Used by
 * one controlling thread; {@link #kill()} may come from any.
 */
public abstract sealed class ServerProcess implements AutoCloseable permits LocalServerProcess, RemoteServerProcess {

    /**
     * Starts {@code argv} in a new session on this machine.
     *
     * @param argv the program and its arguments
     * @param cwd  working directory
     * @param env  extra environment
     * @param log  file that receives stdout and stderr (appended)
     */
    public static ServerProcess start(List<String> argv, Path cwd, Map<String, String> env, Path log)
            throws IOException {
        return LocalServerProcess.launch(argv, cwd, env, log);
    }

    /** The process id, which is also its session and process group id (on its host). */
    public abstract long pid();

    /** Whether it runs (and, on another host, can still be reached). */
    public abstract boolean alive();

    /** The exit code, if it has exited. */
    public abstract Optional<Integer> exitCode();

    /** Why it can no longer be reached (its host's connection was lost), or empty. */
    public Optional<String> lost() {
        return Optional.empty();
    }

    /** The log on this machine (for a server on another host: filled in from its log there). */
    public abstract Path log();

    /** A sampler of its session's CPU time and memory, or null when they cannot be read there. */
    public abstract ProcessTreeSampler sampler();

    /**
     * SIGTERM to the process group, up to {@code grace} for the session to empty, then SIGKILL to
     * every process still in the session. Idempotent.
     */
    public abstract void stop(Duration grace);

    /** SIGKILL to the group and every process of the session, without waiting. Any thread. */
    public abstract void kill();

    /**
     * Waits until {@code address} accepts a TCP connection, or this process exits.
     *
     * @return empty when ready, else why not (exited, or not listening in time)
     */
    public Optional<String> awaitReady(InetSocketAddress address, Duration timeout) throws InterruptedException {
        return awaitListening(address, timeout, this);
    }

    /**
     * The one readiness probe: polls from this machine (where the load comes from) until
     * {@code address} accepts a TCP connection.
     *
     * @param process the server's process, watched so that one that exits is reported at once;
     *                null for a server started elsewhere
     * @return empty when ready, else why not (exited, or not listening in time)
     */
    public static Optional<String> awaitListening(InetSocketAddress address, Duration timeout, ServerProcess process)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (process != null && !process.alive()) {
                Optional<String> lost = process.lost();
                return Optional.of(lost.isPresent() ? lost.get() + " before the server accepted connections"
                        : "exited with status " + process.exitCode().orElse(-1) + " before accepting connections");
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

    /** The last {@code lines} lines of the log (at most 16 KiB read). */
    public String tailLog(int lines) {
        return tail(log(), lines);
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
