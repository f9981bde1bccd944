package org.mangonel.framework;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A session's figures read on another host: one SSH session per measured window runs
 * {@code sampler.sh} there, and each sample is one line sent and one short answer read (a round
 * trip over the open connection, no new ssh process, one {@code cat} and one {@code awk} there).
 * An answer that does not come within {@link #ANSWER_MS} marks the figures as failed: a sampler
 * never holds a window up. The cost there, measured on a host with 100 processes: about 5 ms of CPU
 * for a full scan and 2 ms for the known processes, so about 1.3% of one core at 5 samples a
 * second; here, one short line read per sample. The sampler's thread uses it.
 */
final class RemoteSessionReader implements ProcessTreeSampler.SessionReader {
    static final long ANSWER_MS = 5_000;
    private static final String END = ".";

    private final long session;
    private final long nsPerTick;
    private final long pageBytes;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Answers asked for and not yet read (a read cut short by an interrupt leaves one). */
    private int pending;
    private volatile boolean failed;

    RemoteSessionReader(SshHost host, long session, long clockTicks, long pageBytes) {
        this.session = session;
        this.nsPerTick = 1_000_000_000L / Math.max(1, clockTicks);
        this.pageBytes = pageBytes;
        Process p = null;
        try {
            p = new ProcessBuilder(host.session("SESSION=" + session + "\n" + Sh.resource("sampler.sh")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Process started = p;
            Thread t = new Thread(() -> pump(started), "mangonel-sampler-ssh");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            failed = true;
        }
        this.process = p;
    }

    private void pump(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public List<ProcFs.Stat> session() {
        return ask("all");
    }

    @Override
    public List<ProcFs.Stat> known(long[] pids) {
        if (pids.length == 0) {
            return List.of();
        }
        StringBuilder what = new StringBuilder();
        for (long pid : pids) {
            what.append(what.length() == 0 ? "" : " ").append(pid).append("/stat");
        }
        return ask(what.toString());
    }

    private List<ProcFs.Stat> ask(String what) {
        if (failed) {
            return List.of();
        }
        try {
            OutputStream out = process.getOutputStream();
            out.write((what + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pending++;
            List<ProcFs.Stat> answer = List.of();
            while (pending > 0) {
                answer = answer();
                pending--;
            }
            return answer;
        } catch (IOException e) {
            failed = true;
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** One answer's lines up to ".". */
    private List<ProcFs.Stat> answer() throws InterruptedException {
        List<ProcFs.Stat> out = new ArrayList<>();
        long deadline = System.nanoTime() + ANSWER_MS * 1_000_000;
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                failed = true;
                return List.of();
            }
            if (line.equals(END)) {
                return out;
            }
            String[] f = line.trim().split(" ");
            try {
                out.add(new ProcFs.Stat(Long.parseLong(f[0]), session, Long.parseLong(f[1]) * nsPerTick,
                        Long.parseLong(f[2]) * pageBytes));
            } catch (RuntimeException e) {
                // not a line of ours (a message from the shell there): skipped
            }
        }
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // gone already
            }
            process.destroy();
        }
    }
}
