package org.mangonel.load;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mangonel.net.EventLoop;
import org.mangonel.net.WakeupTimer;
import org.mangonel.stats.Progress;
import org.mangonel.stats.RunStats;

/**
 * Controls one measured window over several event loops: creates the loops and their workers,
 * waits until every connection is settled, fixes the window, reports progress, and merges the
 * loops' recorders when they stop. Runs on the calling thread; a second thread may call
 * {@link #stop()}.
 */
public final class LoadRun {
    private final List<Worker> workers = new ArrayList<>();
    private final List<EventLoop> loops = new ArrayList<>();
    private final CountDownLatch ready;
    private final WakeupTimer timer;
    private final long drainNs;
    private final int protocolCounters;
    private static final long NOT_SCHEDULED = Long.MIN_VALUE;
    /** A progress tick this soon after a phase's end still belongs to it ({@link ProgressListener.Phase}). */
    public static final long PHASE_EDGE_NS = 100_000_000L;
    private long scheduledStartNs = NOT_SCHEDULED;
    private volatile boolean stopRequested;
    private final java.util.concurrent.atomic.AtomicReference<Throwable> loopFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param threads          event loops (at most one per session)
     * @param sessions         connections (or clients) over the whole run
     * @param drainNs          how long after the window outstanding work is awaited (a worker
     *                         may end it sooner)
     * @param protocolCounters how many counters the protocol keeps (its counter enum's size)
     * @param factory          makes each loop's worker
     */
    public LoadRun(int threads, int sessions, long drainNs, int protocolCounters, WorkerFactory factory) {
        int connections = sessions;
        int loopCount = Math.max(1, Math.min(threads, connections));
        this.drainNs = drainNs;
        this.protocolCounters = protocolCounters;
        ready = new CountDownLatch(loopCount);
        int first = 0;
        for (int i = 0; i < loopCount; i++) {
            int count = connections / loopCount + (i < connections % loopCount ? 1 : 0);
            EventLoop loop = new EventLoop();
            loops.add(loop);
            workers.add(factory.create(loop, ready, i, loopCount, first, count));
            first += count;
        }
        timer = new WakeupTimer(loops.toArray(new EventLoop[0]));
        for (int i = 0; i < loops.size(); i++) {
            loops.get(i).wakeUpWith(timer, i);
        }
    }

    /** Makes the worker for loop {@code loopIndex}, which gets {@code count} sessions from {@code first}. */
    public interface WorkerFactory {
        Worker create(EventLoop loop, CountDownLatch ready, int loopIndex, int loopCount, int first, int count);
    }

    /** Asks the run to end now; the results measured so far are kept. Any thread. */
    public void stop() {
        stopRequested = true;
        for (Worker w : workers) {
            w.stopNow();
        }
    }

    /**
     * Runs: connect, warm up, measure.
     *
     * @param warmupNs         unrecorded traffic before the window
     * @param durationNs       the measured window
     * @param settleTimeoutNs  how long to wait for every connection's first attempt to end
     * @param listener         told about progress once a second
     * @param atMeasureStart   run on this thread when the measured window begins (e.g. to start
     *                         sampling the server)
     */
    public LoadResult execute(long warmupNs, long durationNs, long settleTimeoutNs, ProgressListener listener,
                              Runnable atMeasureStart) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Worker worker = workers.get(i);
            EventLoop loop = loops.get(i);
            Thread t = new Thread(() -> {
                try {
                    loop.run(worker);
                } catch (RuntimeException | Error e) {
                    // A bug, not a server's fault: end the whole run and say so, never hang.
                    loopFailure.compareAndSet(null, e);
                    stop();
                } finally {
                    loop.close();
                }
            }, "mangonel-loop-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            return measure(threads, warmupNs, durationNs, settleTimeoutNs, listener, atMeasureStart);
        } finally {
            timer.close();
        }
    }

    /**
     * Schedules the window instead of starting it as soon as every connection is settled: traffic
     * (the warm-up) begins at {@code startNs} ({@link System#nanoTime()} scale), as in every shard
     * of a run with a common start. A run that is ready only after that instant keeps the
     * scheduled window all the same (its warm-up is shorter, or its window begins without
     * traffic) and says how late it was ({@link LoadResult#lateNs()}): windows are never shifted.
     */
    public void startAt(long startNs) {
        this.scheduledStartNs = startNs;
    }

    private LoadResult measure(List<Thread> threads, long warmupNs, long durationNs, long settleTimeoutNs,
                               ProgressListener listener, Runnable atMeasureStart) throws InterruptedException {
        ready.await(settleTimeoutNs, TimeUnit.NANOSECONDS);

        long startNs = System.nanoTime();
        long lateNs = 0;
        if (scheduledStartNs != NOT_SCHEDULED) {
            while (!stopRequested && System.nanoTime() < scheduledStartNs) {
                long leftMs = (scheduledStartNs - System.nanoTime()) / 1_000_000;
                Thread.sleep(Math.max(0, Math.min(leftMs, 200)), leftMs <= 0 ? 100_000 : 0);
            }
            lateNs = Math.max(0, System.nanoTime() - scheduledStartNs);
            startNs = scheduledStartNs;
        }
        long measureEndNs = startNs + warmupNs + durationNs;
        Window window = new Window(startNs, startNs + warmupNs, measureEndNs, measureEndNs + drainNs);
        for (Worker w : workers) {
            w.start(window);
        }
        if (stopRequested) {
            stop();
        }
        // Looked up only now, while the loops send: the first lookup loads the management classes
        // and reads the cgroup files (about 15 ms) and would otherwise delay the first request.
        com.sun.management.OperatingSystemMXBean os =
                ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        long cpuAtMeasureStart = -1;
        long totalNs = warmupNs + durationNs;
        long nextReportNs = startNs + 1_000_000_000L;
        while (anyAlive(threads)) {
            long now = System.nanoTime();
            if (cpuAtMeasureStart < 0 && now >= window.measureStartNs()) {
                cpuAtMeasureStart = os.getProcessCpuTime();
                atMeasureStart.run();
            }
            if (now >= nextReportNs) {
                // in the drain too: a run whose window's requests are still owed is not silent
                report(listener, window, now, totalNs);
                nextReportNs += 1_000_000_000L;
            }
            long wakeNs = Math.min(window.endNs(), nextReportNs);
            if (cpuAtMeasureStart < 0) {
                wakeNs = Math.min(wakeNs, window.measureStartNs());
            }
            joinUntil(threads, wakeNs);
        }
        long cpuAtEnd = os.getProcessCpuTime();
        long endNs = Math.min(System.nanoTime(), window.measureEndNs());
        long cpuWindowNs = Math.max(1, Math.min(System.nanoTime(), window.endNs()) - window.measureStartNs());

        RunStats.Builder merged = new RunStats.Builder(protocolCounters);
        String security = null;
        String connectFailure = null;
        double busiest = 0;
        long allocated = 0;
        for (Worker w : workers) {
            w.results().addTo(merged);
            security = security != null ? security : w.security();
            connectFailure = w.connectFailure() != null ? w.connectFailure() : connectFailure;
            allocated += Math.max(0, w.measuredAllocatedBytes());
            if (w.measuredCpuNs() >= 0) {
                busiest = Math.max(busiest, 100.0 * w.measuredCpuNs() / cpuWindowNs);
            }
        }
        long measuredNs = Math.max(0, Math.min(endNs, window.measureEndNs()) - window.measureStartNs());
        if (!stopRequested) {
            // The window's requests were due over its duration; when they took longer to send (an
            // open model the server or this client fell behind: sent late, through the drain), their
            // rate is over the time they took, not over the window (2 s of requests sent over 7 s
            // is not the server's 2-s rate). Only when the overrun is more than a request sent late
            // by Pacer.LATE_NS: a message due just before the end and sent microseconds after it,
            // as any precise schedule does, is no overrun.
            long sendingNs = merged.sendingNs();
            measuredNs = sendingNs > durationNs + Pacer.LATE_NS ? sendingNs : durationNs;
        }
        long clientCpu = cpuAtMeasureStart < 0 ? 0 : cpuAtEnd - cpuAtMeasureStart;
        Throwable failure = loopFailure.get();
        return new LoadResult(merged.build(measuredNs), clientCpu, 100.0 * clientCpu / cpuWindowNs, busiest,
                allocated, stopRequested && failure == null, failure == null ? null : failure.toString(), security,
                lateNs, window.startNs(), connectFailure);
    }

    private void report(ProgressListener listener, Window window, long nowNs, long totalNs) {
        long measureStartNs = window.measureStartNs();
        long requests = 0;
        long errors = 0;
        long p99 = 0;
        long latestNs = 0;
        for (Worker w : workers) {
            Progress p = w.results().progress();
            requests += p.requests();
            errors += p.errors();
            p99 = Math.max(p99, p.p99Us());
            latestNs = Math.max(latestNs, p.atNs());
        }
        // By the clock: a server that answers nothing shows 0/s once the window is under way, not a
        // warm-up that goes on
        ProgressListener.Phase phase = nowNs < measureStartNs + PHASE_EDGE_NS ? ProgressListener.Phase.WARMING_UP
                : nowNs <= window.measureEndNs() + PHASE_EDGE_NS ? ProgressListener.Phase.MEASURING
                : ProgressListener.Phase.DRAINING;
        long measuredNs = latestNs - measureStartNs;
        listener.progress(nowNs - window.startNs(), totalNs, phase, phase != ProgressListener.Phase.WARMING_UP && measuredNs > 0
                ? requests * 1e9 / measuredNs : 0, errors, p99);
    }

    private static boolean anyAlive(List<Thread> threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
    }

    private static void joinUntil(List<Thread> threads, long deadlineNs) throws InterruptedException {
        for (Thread t : threads) {
            long leftNs = deadlineNs - System.nanoTime();
            if (leftNs <= 0) {
                return;
            }
            // Rounded up: the last fraction of a millisecond is slept, not spun through.
            t.join((leftNs + 999_999) / 1_000_000);
        }
    }
}
