package org.mangonel.net;

import java.util.concurrent.atomic.AtomicLong;
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
 *   loop i:  deadline changed? arm(i, dueNs, followingNs) (or disarm(i)) → select(…)
 *   timer:   target = min(armed) → parkNanos(target − now)
 *            → for each armed ≤ now: CAS armed to its following deadline (or NONE), wakeup
 * </pre>
 * The following deadline is the one after (a schedule's next send), when the loop knows it: the
 * timer then sleeps on towards it at once. Without it the timer would park with nothing armed
 * until the woken loop armed its next deadline and unparked it, two more context switches on
 * every deadline, which cost more than the wake-up itself at thousands of sends a second.
 * A loop keeps its deadline armed across the passes that I/O wakes before it (re-arming each
 * pass would wake the timer for nothing), so the timer fires once per deadline; a deadline the
 * loop met on its own costs at most one empty pass.
 * A loop that arms a deadline earlier than the one the timer sleeps towards unparks it. Both
 * sides write their own volatile first and read the other's second, so at least one of them sees
 * the other: an earlier deadline is never slept through. One timer serves all loops of a run;
 * the cost is one timed park and one selector wake-up per deadline met (and a futex wake when
 * a loop arms a deadline the timer did not know of, earlier than the one it sleeps towards).
 */
public final class WakeupTimer implements AutoCloseable {
    /** No deadline armed. */
    static final long NONE = Long.MAX_VALUE;

    private final EventLoop[] loops;
    /*
     * One AtomicLong per slot rather than an AtomicLongArray: at a hundred deadlines a second the
     * timer's code is still interpreted for minutes (the JIT counts invocations), and in the
     * interpreter an AtomicLongArray's VarHandle access costs microseconds, AtomicLong's Unsafe
     * access nanoseconds.
     */
    private final AtomicLong[] armedNs;
    /** Per slot, the deadline after the armed one, taken up when the armed one fires. */
    private final AtomicLong[] followingNs;
    private final Thread thread;
    private volatile long targetNs = NONE;
    private volatile boolean closed;

    /** Starts the timer thread for these loops (index = the slot each loop arms). */
    public WakeupTimer(EventLoop[] loops) {
        this.loops = loops.clone();
        this.armedNs = new AtomicLong[loops.length];
        this.followingNs = new AtomicLong[loops.length];
        for (int i = 0; i < loops.length; i++) {
            armedNs[i] = new AtomicLong(NONE);
            followingNs[i] = new AtomicLong(NONE);
        }
        thread = new Thread(this::run, "mangonel-timer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Loop {@code slot} wants to be woken at {@code dueNs}, then at {@code thenNs} (or
     * {@link #NONE}) unless it arms otherwise meanwhile; its own thread only.
     */
    void arm(int slot, long dueNs, long thenNs) {
        followingNs[slot].set(thenNs);
        armedNs[slot].set(dueNs);
        if (dueNs < targetNs) {
            LockSupport.unpark(thread);
        }
    }

    /** Loop {@code slot} has no precise deadline any more; its own thread only. */
    void disarm(int slot) {
        armedNs[slot].set(NONE);
        followingNs[slot].set(NONE);
    }

    /** The deadline slot {@code slot} is armed at now ({@link #NONE}: none); for tests. */
    long armed(int slot) {
        return armedNs[slot].get();
    }

    private void run() {
        while (!closed) {
            sleepAndFire();
        }
    }

    /**
     * One turn: sleep until the earliest armed deadline, then fire what is due. A method of its
     * own so that the JIT compiles it after a few hundred turns: a loop inside one never-returning
     * method would wait for an on-stack replacement, tens of thousands of turns.
     */
    private void sleepAndFire() {
        long earliest = earliest();
        targetNs = earliest;
        // Re-read after publishing the target: a loop that armed earlier in between either saw
        // the new target and unparked us, or its deadline is in this second reading.
        earliest = Math.min(earliest, earliest());
        long nowNs = System.nanoTime();
        if (earliest == NONE) {
            LockSupport.park(this);
            return;
        }
        if (earliest > nowNs) {
            LockSupport.parkNanos(this, earliest - nowNs);
            nowNs = System.nanoTime();
        }
        targetNs = NONE;
        for (int i = 0; i < loops.length; i++) {
            long due = armedNs[i].get();
            if (due <= nowNs) {
                // A following deadline not after this one was taken up already.
                long then = followingNs[i].get();
                if (armedNs[i].compareAndSet(due, then > due ? then : NONE)) {
                    loops[i].wakeup();
                }
            }
        }
    }

    private long earliest() {
        long min = NONE;
        for (int i = 0; i < loops.length; i++) {
            min = Math.min(min, armedNs[i].get());
        }
        return min;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
