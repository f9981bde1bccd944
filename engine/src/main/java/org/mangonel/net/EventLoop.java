package org.mangonel.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One selector thread. Created on any thread, then {@link #run(Driver)} on the thread that will
 * own it; from then on only that thread touches its selector, keys and buffers.
 */
public final class EventLoop implements AutoCloseable {
    /** Size of the loop's shared read and write buffers. */
    public static final int BUFFER_BYTES = 64 * 1024;

    /** What runs on a loop: called once per pass, decides when the loop wakes and when it ends. */
    public interface Driver {
        /**
         * Called on the loop thread once per pass.
         *
         * @param nowNs the pass's clock
         * @return the {@link System#nanoTime()} by which the loop must call again
         */
        long tick(long nowNs);

        /** True once the loop should return from {@link #run}. Checked after each tick. */
        boolean finished();

        /**
         * Called on the loop thread when a pass has I/O to dispatch, before the first event, with
         * the pass's clock: for a change that must take effect at an instant, not at the next tick.
         */
        default void passStarted(long nowNs) {
        }

        /**
         * The next instant that must be met closely (a message due then), or
         * {@link Long#MAX_VALUE}; as of the last tick, whose deadline may be an earlier, rough one
         * (a periodic check). The loop sleeps in select towards the tick's deadline, rounded up to
         * a millisecond; a precise deadline is also armed on the loop's {@link WakeupTimer}, which
         * wakes it on time even when the rough deadline's rounding would overshoot it.
         */
        default long preciseDeadline() {
            return Long.MAX_VALUE;
        }

        /**
         * The precise deadline after {@link #preciseDeadline()}, when already known (a schedule's
         * next send), or {@link Long#MAX_VALUE}: the timer sleeps on towards it once it has fired
         * the current one, instead of waiting for this loop to arm it (a thread hand-off per
         * deadline).
         */
        default long followingDeadline() {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A precise deadline nearer than this is polled for rather than slept towards: the timer
     * could not wake the loop sooner than its own latency anyway.
     */
    private static final long POLL_BELOW_NS = 50_000L;

    private final Selector selector;
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    /**
     * A heap buffer: the JDK reads into its cached per-thread direct buffer and copies (one memcpy),
     * and the decoders then index a plain array, which the JIT compiles far tighter than
     * {@code ByteBuffer.get(i)} on a direct buffer.
     */
    private final ByteBuffer readBuffer = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final Consumer<SelectionKey> dispatcher = this::dispatch;
    private long passNs;
    private Driver driver;
    /** Set by the pass whose tick found the driver finished: {@link #run} returns. */
    private boolean ended;
    private WakeupTimer timer;
    private int timerSlot;
    /** The deadline this loop last armed on its timer ({@link WakeupTimer#NONE}: none). */
    private long armedNs = WakeupTimer.NONE;
    private long armedFollowingNs = WakeupTimer.NONE;

    public EventLoop() {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** Runs the loop on the calling thread until the driver is finished. */
    public void run(Driver driver) {
        this.driver = driver;
        this.ended = false;
        long nowNs = System.nanoTime();
        do {
            nowNs = pass(nowNs);
        } while (!ended);
    }

    /**
     * One pass: the inbox, the driver's tick, then one select (or poll) and its dispatch; returns
     * the next pass's clock. A method of its own so that the JIT compiles it by its invocation
     * count, after a few thousand passes: a loop written inside {@link #run}, which never
     * returns, waits for an on-stack replacement instead (tens of thousands of back-edges), and
     * at a hundred chat messages a second its frame was still interpreted eight seconds into a
     * run, and C2 still compiling it at thirteen, inside the measured window.
     */
    private long pass(long nowNs) {
        drainInbox();
        long deadlineNs = driver.tick(nowNs);
        if (driver.finished()) {
            if (timer != null) {
                keepArmed(WakeupTimer.NONE, WakeupTimer.NONE); // nothing fires for a closed loop
            }
            ended = true;
            return nowNs;
        }
        long waitNs = deadlineNs - nowNs;
        boolean poll = waitNs <= 0;
        if (timer != null) {
            long preciseNs = driver.preciseDeadline();
            if (preciseNs == Long.MAX_VALUE) {
                keepArmed(WakeupTimer.NONE, WakeupTimer.NONE);
            } else if (preciseNs - nowNs < POLL_BELOW_NS) {
                keepArmed(WakeupTimer.NONE, WakeupTimer.NONE);
                poll = true;
            } else {
                keepArmed(preciseNs, driver.followingDeadline());
            }
        }
        passNs = 0;
        try {
            if (poll) {
                selector.selectNow(dispatcher);
            } else {
                // Round up: waking a little late costs nothing for a rough deadline, and a
                // precise one is armed on the timer, which wakes us on time (I/O sooner):
                // we sleep either way, never a polling loop.
                selector.select(dispatcher, ceilMillis(waitNs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        }
        return passNs != 0 ? passNs : System.nanoTime();
    }

    /**
     * Leaves the timer armed at {@code dueNs}, then {@code followingNs} (or disarmed,
     * {@link WakeupTimer#NONE}), writing only when that changes: most passes are woken by I/O
     * before the deadline and keep it, so the timer sleeps on undisturbed and fires once per
     * deadline. A deadline the timer has fired already (its slot moved on) while this pass still
     * sees it ahead, its clock read before the timer fired, is armed again, to fire at once: the
     * selector may have dropped that wake-up (a {@code wakeup()} during a pass that is consuming
     * an earlier one is lost when the pass clears it).
     */
    private void keepArmed(long dueNs, long followingNs) {
        if (dueNs != armedNs || followingNs != armedFollowingNs
                || dueNs != WakeupTimer.NONE && timer.armed(timerSlot) != dueNs) {
            if (dueNs == WakeupTimer.NONE) {
                timer.disarm(timerSlot);
            } else {
                timer.arm(timerSlot, dueNs, followingNs);
            }
            armedNs = dueNs;
            armedFollowingNs = followingNs;
        }
    }

    private static long ceilMillis(long ns) {
        return Math.max(1, (ns + 999_999) / 1_000_000);
    }

    /**
     * Lets a {@link WakeupTimer} wake this loop at its drivers' precise deadlines; before
     * {@link #run}. Without one, a precise deadline is met to within a millisecond (late).
     */
    public void wakeUpWith(WakeupTimer wakeupTimer, int slot) {
        this.timer = wakeupTimer;
        this.timerSlot = slot;
    }

    /** Makes the loop's current (or next) select return at once; any thread. */
    public void wakeup() {
        selector.wakeup();
    }

    private void dispatch(SelectionKey key) {
        if (passNs == 0) {
            passNs = System.nanoTime();
            driver.passStarted(passNs);
        }
        if (key.isValid()) {
            ((Selectable) key.attachment()).onReady(key.readyOps(), passNs);
        }
    }

    private void drainInbox() {
        Runnable task;
        while ((task = inbox.poll()) != null) {
            task.run();
        }
    }

    /** Runs a task on the loop thread at the start of its next pass; any thread. */
    public void execute(Runnable task) {
        inbox.add(task);
        selector.wakeup();
    }

    /** Registers a channel on this loop; loop thread only (or before {@link #run}). */
    public SelectionKey register(SelectableChannel channel, int ops, Selectable attachment) throws IOException {
        return channel.register(selector, ops, attachment);
    }

    /** The loop's read buffer, shared by everything on the loop; valid only during a callback. */
    public ByteBuffer readBuffer() {
        return readBuffer;
    }

    /** The loop's scratch buffer for assembling outgoing bytes; valid only during a callback. */
    public ByteBuffer writeBuffer() {
        return writeBuffer;
    }

    /** Closes the selector and every channel still registered on it. */
    @Override
    public void close() {
        try {
            for (SelectionKey key : selector.keys()) {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // closing: nothing to do about it
                }
            }
            selector.close();
        } catch (IOException ignored) {
            // closing: nothing to do about it
        }
    }
}
