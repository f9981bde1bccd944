package org.mangonel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The timer's arming protocol, observed through the slot it fires: a deadline fires no earlier
 * than due, the following deadline is taken up without the loop arming it, and a following
 * deadline that is not after the armed one is dropped. Waits are generous (seconds): on a busy
 * machine the timer thread may run late, never early, and these tests only wait for it.
 */
class WakeupTimerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void firesTheArmedDeadlineThenSleepsOnTowardsTheFollowingOne() throws InterruptedException {
        try (EventLoop loop = new EventLoop(); WakeupTimer timer = new WakeupTimer(new EventLoop[] {loop})) {
            long dueNs = System.nanoTime() + 30 * MS;
            long followingNs = dueNs + 60 * MS;
            timer.arm(0, dueNs, followingNs);
            long armedSeen = timer.armed(0);
            if (System.nanoTime() < dueNs) { // read before the deadline (a stalled test thread may not)
                assertEquals(dueNs, armedSeen, "armed until due");
            }

            long movedAtNs = waitFor(timer, armed -> armed != dueNs);
            long seen = timer.armed(0);
            assertTrue(movedAtNs >= dueNs, "fired " + (dueNs - movedAtNs) / 1000 + " µs early");
            if (System.nanoTime() < followingNs) {
                assertEquals(followingNs, seen, "the following deadline is armed by the timer itself");
            }

            long clearedAtNs = waitFor(timer, armed -> armed == WakeupTimer.NONE);
            assertTrue(clearedAtNs >= followingNs, "the following deadline fired early");
        }
    }

    @Test
    void aFollowingDeadlineNotAfterTheArmedOneIsDropped() throws InterruptedException {
        try (EventLoop loop = new EventLoop(); WakeupTimer timer = new WakeupTimer(new EventLoop[] {loop})) {
            long dueNs = System.nanoTime() + 20 * MS;
            timer.arm(0, dueNs, dueNs);
            waitFor(timer, armed -> armed != dueNs);
            assertEquals(WakeupTimer.NONE, timer.armed(0));
        }
    }

    @Test
    void anEarlierDeadlineArmedWhileTheTimerSleepsIsMetFirst() throws InterruptedException {
        try (EventLoop loop = new EventLoop(); WakeupTimer timer = new WakeupTimer(new EventLoop[] {loop})) {
            long farNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            timer.arm(0, farNs, WakeupTimer.NONE);
            Thread.sleep(20); // the timer is now parked towards a minute from now
            long soonNs = System.nanoTime() + 20 * MS;
            timer.arm(0, soonNs, WakeupTimer.NONE);
            waitFor(timer, armed -> armed == WakeupTimer.NONE);
            assertTrue(System.nanoTime() < farNs, "the earlier deadline waited for the later one");
        }
    }

    @Test
    void disarmingClearsBothDeadlines() throws InterruptedException {
        try (EventLoop loop = new EventLoop(); WakeupTimer timer = new WakeupTimer(new EventLoop[] {loop})) {
            long dueNs = System.nanoTime() + 40 * MS;
            // The following deadline is far: had the disarm left the first armed, the timer would
            // fire it and take the following one up, and the slot would hold it for minutes.
            timer.arm(0, dueNs, dueNs + TimeUnit.MINUTES.toNanos(5));
            timer.disarm(0);
            Thread.sleep(80);
            assertEquals(WakeupTimer.NONE, timer.armed(0), "nothing fires or is taken up once disarmed");
        }
    }

    /** Polls the slot until the condition holds (10 s at most); returns when it was seen. */
    private static long waitFor(WakeupTimer timer, LongPredicate condition) throws InterruptedException {
        long giveUpNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(timer.armed(0))) {
            assertTrue(System.nanoTime() < giveUpNs, "the timer did not fire within 10 s");
            Thread.sleep(1);
        }
        return System.nanoTime();
    }
}
