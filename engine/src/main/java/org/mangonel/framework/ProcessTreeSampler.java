package org.mangonel.framework;

import java.util.List;

/**
 * Samples the CPU time and resident memory of every process in a session (a framework and
 * everything it started) during one measured window, on its own daemon thread.
 *
 * <p>The sampler runs inside the client, so its cost is the client's: finding a session's
 * processes means reading every {@code /proc/PID/stat} on the machine, so that full scan is done
 * only at the window's edges and once every {@link #FULL_SCAN_EVERY} samples (to find new
 * children); the samples between read only the processes already known. For a server on another
 * host the same reads happen there ({@link RemoteSessionReader}: one round trip per sample over a
 * session held open for the window), at the same cadence.
 */
public final class ProcessTreeSampler {
    private static final long INTERVAL_MS = 200;
    /** One sample in this many scans all of /proc for new processes of the session. */
    static final int FULL_SCAN_EVERY = 5;

    /**
     * What a framework's processes used during a window.
     *
     * @param cpuSeconds   CPU time (user + system, children included) used in the window
     * @param cpuPercent   that as a share of one core over the window
     * @param rssMaxBytes  the highest total resident memory seen
     * @param rssMeanBytes the mean of the samples
     * @param processes    the most processes seen at once
     */
    public record Usage(double cpuSeconds, double cpuPercent, long rssMaxBytes, long rssMeanBytes, int processes) {
    }

    private final SessionReader reader;
    private Thread thread;
    private volatile boolean running;
    private long startCpuNs;
    private long startNs;
    private long rssMax;
    private long rssSum;
    private long samples;
    private int processesMax;
    private long lastCpuNs;
    private long[] known = new long[0];

    /** Samples session {@code session} on this machine. */
    public ProcessTreeSampler(long session) {
        this(new LocalSessionReader(session));
    }

    ProcessTreeSampler(SessionReader reader) {
        this.reader = reader;
    }

    /** Whether sampling can work here at all. */
    public static boolean supported() {
        return ProcFs.available();
    }

    public void start() {
        startNs = System.nanoTime();
        startCpuNs = sample(true);
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (this) {
                    sample(samples % FULL_SCAN_EVERY == 0);
                }
            }
        }, "mangonel-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops sampling and returns the usage, or null if {@link #start()} was never called or the
     * figures could not be read (a server host that stopped answering).
     */
    public Usage stop() {
        if (thread == null) {
            reader.close();
            return null;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            long endCpu = sample(true);
            reader.close();
            if (reader.failed()) {
                return null;
            }
            long elapsed = Math.max(1, System.nanoTime() - startNs);
            double cpu = Math.max(0, endCpu - startCpuNs) / 1e9;
            return new Usage(cpu, 100.0 * cpu * 1e9 / elapsed, rssMax, samples == 0 ? 0 : rssSum / samples,
                    processesMax);
        }
    }

    /** Takes one sample (scanning all of /proc when {@code full}); returns the session's CPU time so far. */
    private long sample(boolean full) {
        List<ProcFs.Stat> stats = full ? reader.session() : reader.known(known);
        known = stats.stream().mapToLong(ProcFs.Stat::pid).toArray();
        if (stats.isEmpty()) {
            return lastCpuNs;
        }
        long cpu = 0;
        long rss = 0;
        for (ProcFs.Stat s : stats) {
            cpu += s.cpuNs();
            rss += s.rssBytes();
        }
        rssMax = Math.max(rssMax, rss);
        rssSum += rss;
        samples++;
        processesMax = Math.max(processesMax, stats.size());
        lastCpuNs = cpu;
        return cpu;
    }

    /** Where a session's figures come from: this machine's /proc, or another host's. */
    interface SessionReader {
        /** Every process of the session. */
        List<ProcFs.Stat> session();

        /** Those of {@code pids} that are still there, and still in the session. */
        List<ProcFs.Stat> known(long[] pids);

        /** Whether a read failed, so that the figures are not to be trusted. */
        default boolean failed() {
            return false;
        }

        /** Releases what reading held (another host's session). */
        default void close() {
        }
    }

    /** This machine's /proc. */
    record LocalSessionReader(long sessionId) implements SessionReader {
        @Override
        public List<ProcFs.Stat> session() {
            return ProcFs.session(sessionId);
        }

        @Override
        public List<ProcFs.Stat> known(long[] pids) {
            List<ProcFs.Stat> out = new java.util.ArrayList<>(pids.length);
            for (long pid : pids) {
                ProcFs.Stat s = ProcFs.stat(pid);
                if (s != null && s.session() == sessionId) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
