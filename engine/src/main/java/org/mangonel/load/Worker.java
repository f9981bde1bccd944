package org.mangonel.load;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import org.mangonel.net.EventLoop;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.Recorder;

/**
 * Runs the sessions of one event loop: paces their first connects, reports when they are all
 * settled, starts them when the window arrives, checks their deadlines every
 * {@link #SCAN_INTERVAL_NS}, publishes progress, and stops them at the window's end: after the
 * drain period, or as soon as a scan finds nothing due in the window still outstanding.
 * Everything here is owned by the loop thread; {@link #start(Window)} and {@link #stopNow()} are
 * the only entries for other threads, and they go through the loop's queue. Protocols extend it
 * (or use {@link PacedWorker}) and their sessions reach it only through its methods.
 *
 * <pre>
 *   CONNECTING ──all sessions settled──▶ READY (latch counted down)
 *   READY ──start(window)──▶ RUNNING ──now ≥ measureEnd──▶ DRAINING ──drained() or now ≥ end──▶ FINISHED
 *                               └──────────────stopNow()───────────────────────────────▶ FINISHED
 * </pre>
 */
public abstract class Worker implements EventLoop.Driver {
    /** How often request and connect deadlines are checked. */
    public static final long SCAN_INTERVAL_NS = 5_000_000L;
    /** How often the progress snapshot is refreshed. */
    static final long PUBLISH_INTERVAL_NS = 250_000_000L;
    /** At most this many connects in flight per loop, so a server's listen backlog is not overrun. */
    static final int MAX_CONNECTING = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final EventLoop loop;
    private final Recorder recorder;
    /**
     * Where sessions record ({@link #recorder()}): a rehearsal recorder during the warm-up, thrown
     * away at the window's start, then {@link #recorder}. See {@link #begin(Window)}.
     */
    private Recorder sink;
    /** What {@link #measuring} and {@link #records} answer by: none, the rehearsal's, then the run's. */
    private Window measured;
    /** The rehearsal's window (null without a warm-up). */
    private Window rehearsal;
    /** When {@link #passStarted} next moves on: to the rehearsal, then to the measurement. */
    private long switchNs = Long.MAX_VALUE;
    private final CountDownLatch ready;
    private Session[] sessions = new Session[0];
    private int nextToConnect;
    private int connecting;
    private int unsettled;
    private boolean readySignalled;
    private Window window;
    private boolean measuring;
    private boolean finished;
    /** The schedule's next time as of the last tick ({@link Long#MAX_VALUE}: none). */
    private long preciseNs = Long.MAX_VALUE;
    private long nextScanNs;
    private long nextPublishNs;
    private long cpuAtMeasureStartNs = -1;
    private long allocatedAtMeasureStart;
    private volatile long measuredCpuNs = -1;
    private volatile long measuredAllocatedBytes = -1;
    private volatile String security;
    /** Why the last connect attempt failed, or null: what a run that measured nothing says. */
    private volatile String connectFailure;

    /**
     * @param loop             the loop this worker runs on
     * @param ready            counted down once every session's first connect attempt ended
     * @param protocolCounters how many counters the protocol keeps (its counter enum's size)
     */
    protected Worker(EventLoop loop, CountDownLatch ready, int protocolCounters) {
        this.loop = loop;
        this.ready = ready;
        this.recorder = new Recorder(protocolCounters);
        this.sink = new Recorder(protocolCounters);
    }

    /** Sets the sessions; before the loop runs. */
    protected final void sessions(Session[] all) {
        this.sessions = all;
        this.unsettled = all.length;
    }

    /** The loop this worker's sessions live on. */
    public final EventLoop loop() {
        return loop;
    }

    /**
     * Where this loop's sessions record (single writer: the loop thread): during the warm-up a
     * rehearsal that is thrown away, from the window's start this loop's measurements.
     */
    public final Recorder recorder() {
        return sink;
    }

    /**
     * Keeps figures per part of the workload too (an HTTP mix's URLs), in the rehearsal and in the
     * measurement alike; before the loop runs. See {@link Recorder#parts}.
     */
    public final void parts(int count) {
        sink.parts(count);
        recorder.parts(count);
    }

    /** This loop's measurements, for the controller: progress while it runs, the rest after it stopped. */
    final Recorder results() {
        return recorder;
    }

    /** The window, once traffic started; null before. */
    public final Window window() {
        return window;
    }

    /** Whether {@code nowNs} falls inside the measured part (drain included). */
    public final boolean measuring(long nowNs) {
        return measured != null && measured.measuring(nowNs);
    }

    /** Whether something due at {@code dueNs} is a measurement ({@link Window#records}). */
    public final boolean records(long dueNs) {
        return measured != null && measured.records(dueNs);
    }

    /** Whether a failure of something due at {@code dueNs}, at {@code nowNs}, is counted ({@link Window#recordsFailure}). */
    public final boolean recordsFailure(long dueNs, long nowNs) {
        return measured != null && measured.recordsFailure(dueNs, nowNs);
    }

    /** The window starts; any thread. */
    final void start(Window w) {
        loop.execute(() -> begin(w));
    }

    /** Ends the run early (interrupted); any thread. */
    final void stopNow() {
        loop.execute(() -> {
            long now = System.nanoTime();
            Window w = window == null ? new Window(now, now, now) : window;
            window = new Window(w.startNs(), Math.min(w.measureStartNs(), now), Math.min(w.measureEndNs(), now), now);
            passStarted(now); // a switch that was due happens first: what is cut short counts where it belongs
            if (measuring) {
                measured = window;
            }
        });
    }

    /**
     * The window starts. Its warm-up rehearses the measurement: from its first quarter on,
     * requests are measured as if a window began there, into a recorder thrown away when the real
     * one starts. Without it, the JIT compiles the hot path while nothing is ever measured, prunes
     * the recording branches never taken, and at the window's start deoptimises it and compiles it
     * again, on the loop's core, in the first moments of the measurement. With it, that happens
     * at the rehearsal's start, and the switch to the real window takes branches already taken.
     */
    private void begin(Window w) {
        window = w;
        if (w.measureStartNs() > w.startNs()) {
            long rehearsalStartNs = w.startNs() + (w.measureStartNs() - w.startNs()) / 4;
            rehearsal = new Window(w.startNs(), rehearsalStartNs, w.measureStartNs(), w.endNs());
            switchNs = rehearsalStartNs;
        } else {
            measured = w;
            sink = recorder;
            switchNs = w.measureStartNs();
        }
        recorder.startSeries(w.measureStartNs(), w.measureStartNs() - w.startNs());
        long now = System.nanoTime();
        passStarted(now); // a window that began late (a shard started after its warm-up) is in force at once
        for (Session s : sessions) {
            s.begin(now);
        }
    }

    /**
     * Something due at {@code dueNs} (sent at {@code sentNs}) succeeded at {@code nowNs}: a
     * latency sample when it was due in the window; in the time series in any case.
     */
    public final void succeeded(long dueNs, long sentNs, long nowNs) {
        if (records(dueNs)) {
            sink.success(nowNs - dueNs, nowNs - sentNs);
            sink.sent(sentNs);
        }
        recorder.interval(nowNs - dueNs, nowNs);
    }

    /** Something due at {@code dueNs} failed at {@code nowNs} with {@code kind}. */
    public final void failed(ErrorKind kind, long dueNs, long nowNs) {
        if (recordsFailure(dueNs, nowNs)) {
            sink.error(kind);
        }
        recorder.intervalError(nowNs);
    }

    /** A success of one part of the workload (see {@link Recorder#parts}). */
    public final void succeeded(int part, long dueNs, long sentNs, long nowNs) {
        if (records(dueNs)) {
            sink.partSuccess(part, nowNs - dueNs);
        }
        succeeded(dueNs, sentNs, nowNs);
    }

    /** A failure of one part of the workload (see {@link Recorder#parts}). */
    public final void failed(int part, ErrorKind kind, long dueNs, long nowNs) {
        if (recordsFailure(dueNs, nowNs)) {
            sink.partError(part);
        }
        failed(kind, dueNs, nowNs);
    }

    /** A failure not tied to a request's due time (a connection of a chat client): counted while measuring. */
    public final void failedNow(ErrorKind kind, long nowNs) {
        if (measuring(nowNs)) {
            sink.error(kind);
        }
        recorder.intervalError(nowNs);
    }

    /** True once the window started and has not ended: sessions keep sending. */
    public final boolean running(long nowNs) {
        return window != null && nowNs < window.measureEndNs();
    }

    /**
     * Whether sessions should still (re)connect and send. By default while {@link #running}; a
     * worker whose sessions still owe requests due in the window says so through the drain.
     */
    public boolean active(long nowNs) {
        return running(nowNs);
    }

    /**
     * Whether nothing due in the window is still outstanding, so the drain period after the
     * window can end early. By default the drain lasts its whole length.
     */
    protected boolean drained() {
        return false;
    }

    /**
     * Hook called once when the run ends (the window over, or cut short by a stop: its end is
     * then the stop's time), before the sessions stop: where a schedule counts what fell due in
     * the window and was never sent.
     */
    protected void finishing() {
    }

    /**
     * Hook for timed work of a subclass (a schedule of sends), called every pass once the window
     * started. Returns the next time it must run, met precisely, or {@link Long#MAX_VALUE}.
     */
    protected long onSchedule(long nowNs) {
        return Long.MAX_VALUE;
    }

    /**
     * The schedule's time after the one {@link #onSchedule} last returned, when a subclass knows
     * it already (the next send of a fixed schedule), or {@link Long#MAX_VALUE}.
     */
    protected long followingScheduled() {
        return Long.MAX_VALUE;
    }

    /** A session's connect attempt began (counted for pacing). */
    final void connectStarted() {
        connecting++;
    }

    /** A session's connect attempt ended; {@code first} marks its first attempt. */
    final void connectEnded(boolean first) {
        connecting--;
        if (first) {
            unsettled--;
        }
    }

    /** A connect attempt failed, for this reason (a failure, never the hot path). */
    final void connectFailed(String reason) {
        connectFailure = reason;
    }

    /** Why the last connect attempt failed, or null when none did. */
    final String connectFailure() {
        return connectFailure;
    }

    /** Notes what a secure connection negotiated (the first one seen is reported). */
    public final void noteSecurity(String negotiated) {
        if (security == null && negotiated != null) {
            security = negotiated;
        }
    }

    /** What this loop's secure connections negotiated, or null; read after the loop ended. */
    final String security() {
        return security;
    }

    @Override
    public final long preciseDeadline() {
        return preciseNs;
    }

    @Override
    public final long followingDeadline() {
        return preciseNs != Long.MAX_VALUE ? followingScheduled() : Long.MAX_VALUE;
    }

    @Override
    public final long tick(long nowNs) {
        if (window != null && nowNs >= window.endNs()) {
            finish();
            return nowNs;
        }
        passStarted(nowNs);
        recorder.prepareSeries(nowNs);
        while (nextToConnect < sessions.length && connecting < MAX_CONNECTING) {
            sessions[nextToConnect++].connect(nowNs);
        }
        if (!readySignalled && unsettled == 0) {
            readySignalled = true;
            ready.countDown();
        }
        boolean scanned = nowNs >= nextScanNs;
        if (scanned) {
            for (Session s : sessions) {
                s.onTimer(nowNs);
            }
            nextScanNs = nowNs + SCAN_INTERVAL_NS;
        }
        if (nowNs >= nextPublishNs) {
            recorder.publishProgress(false);
            nextPublishNs = nowNs + PUBLISH_INTERVAL_NS;
        }
        long deadline = Math.min(nextScanNs, nextPublishNs);
        long scheduled = Long.MAX_VALUE;
        if (window != null) {
            // The next switch (the rehearsal's start, the window's), then the end: without a branch
            // on the phase, which would deoptimise the loop once more at the window's start.
            deadline = Math.min(deadline, Math.min(switchNs, window.endNs()));
            scheduled = onSchedule(nowNs);
            // After the schedule: everything due before the window's end has been handed out.
            if (scanned && nowNs >= window.measureEndNs() && drained()) {
                finish();
                return nowNs;
            }
        }
        preciseNs = scheduled;
        return Math.min(deadline, scheduled);
    }

    /**
     * The rehearsal, then the measurement, begins at the first pass at or after its start, before
     * any of that pass's events (another loop's messages may already be due in the window). A
     * pass late enough for both takes both steps: the window is never missed for the rehearsal.
     */
    @Override
    public final void passStarted(long nowNs) {
        while (nowNs >= switchNs) {
            moveOn();
        }
    }

    private void moveOn() {
        if (measured == null && rehearsal != null) {
            measured = rehearsal;
            switchNs = window.measureStartNs();
            return;
        }
        measuring = true;
        measured = window;
        sink = recorder;
        switchNs = Long.MAX_VALUE;
        cpuAtMeasureStartNs = THREADS.getCurrentThreadCpuTime();
        allocatedAtMeasureStart = THREADS.getCurrentThreadAllocatedBytes();
    }

    private void finish() {
        if (window != null) {
            finishing();
        }
        for (Session s : sessions) {
            s.stop();
        }
        if (measuring) {
            measuredCpuNs = THREADS.getCurrentThreadCpuTime() - cpuAtMeasureStartNs;
            measuredAllocatedBytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtMeasureStart;
        }
        recorder.publishProgress(true);
        finished = true;
    }

    @Override
    public final boolean finished() {
        return finished;
    }

    /** CPU time this loop's thread used in the measured window, or -1; read after the loop ended. */
    final long measuredCpuNs() {
        return measuredCpuNs;
    }

    /**
     * Bytes this loop's thread allocated in the measured window (the hot path should allocate
     * nothing per request; what remains is per-pass bookkeeping such as progress snapshots), or -1.
     */
    final long measuredAllocatedBytes() {
        return measuredAllocatedBytes;
    }
}
