package org.mangonel.net;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes event loops at precise instants without their spinning: the timerfd that Java's selector
 * lacks. {@link java.nio.channels.Selector#select(long)} sleeps in whole milliseconds, so a loop
 * with a message due in 0.4 ms would either wake up to a millisecond late or poll until then
 * (which takes the CPU the server under test needs). Instead, a loop <em>arms</em> its deadline
 * here and sleeps in {@code select} as long as it likes; this timer's one thread parks until the
 * earliest armed deadline (nanosecond precision, within the kernel's timer slack of ~50 µs) and
 * calls {@link EventLoop#wakeup()} on the loops that are due. I/O still wakes a loop at once.
 *
 * <pre>
 *   loop i:  arm(i, dueNs) → select(…) → disarm(i)      (a stale wake-up is one empty pass)
 *   timer:   target = min(armed) → parkNanos(target − now) → for each armed ≤ now: CAS to NONE, wakeup
 * </pre>
 * A loop that arms a deadline earlier than the one the timer sleeps towards unparks it. Both
 * sides write their own volatile first and read the other's second, so at least one of them sees
 * the other: an earlier deadline is never slept through. One timer serves all loops of a run;
 * the cost is one futex wake and one selector wake-up per deadline met.
 */
public final class WakeupTimer implements AutoCloseable {
    private static final long NONE = Long.MAX_VALUE;

    private final EventLoop[] loops;
    private final AtomicLongArray armedNs;
    private final Thread thread;
    private volatile long targetNs = NONE;
    private volatile boolean closed;

    /** Starts the timer thread for these loops (index = the slot each loop arms). */
    public WakeupTimer(EventLoop[] loops) {
        this.loops = loops.clone();
        this.armedNs = new AtomicLongArray(loops.length);
        for (int i = 0; i < loops.length; i++) {
            armedNs.set(i, NONE);
        }
        thread = new Thread(this::run, "mangonel-timer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Loop {@code slot} wants to be woken at {@code dueNs}; its own thread only. */
    void arm(int slot, long dueNs) {
        armedNs.set(slot, dueNs);
        if (dueNs < targetNs) {
            LockSupport.unpark(thread);
        }
    }

    /** Loop {@code slot} is awake; its own thread only. */
    void disarm(int slot) {
        armedNs.set(slot, NONE);
    }

    private void run() {
        while (!closed) {
            long earliest = earliest();
            targetNs = earliest;
            // Re-read after publishing the target: a loop that armed earlier in between either saw
            // the new target and unparked us, or its deadline is in this second reading.
            earliest = Math.min(earliest, earliest());
            long nowNs = System.nanoTime();
            if (earliest == NONE) {
                LockSupport.park(this);
                continue;
            }
            if (earliest > nowNs) {
                LockSupport.parkNanos(this, earliest - nowNs);
                nowNs = System.nanoTime();
            }
            targetNs = NONE;
            for (int i = 0; i < loops.length; i++) {
                long due = armedNs.get(i);
                if (due <= nowNs && armedNs.compareAndSet(i, due, NONE)) {
                    loops[i].wakeup();
                }
            }
        }
    }

    private long earliest() {
        long min = NONE;
        for (int i = 0; i < loops.length; i++) {
            min = Math.min(min, armedNs.get(i));
        }
        return min;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
