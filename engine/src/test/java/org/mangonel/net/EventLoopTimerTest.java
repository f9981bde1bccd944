package org.mangonel.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a running loop leaves armed on its {@link WakeupTimer}, read from its own thread between
 * passes: state, not timing, so a busy machine can only make these tests slower. The precise
 * deadlines are minutes away and never fire while a test runs.
 */
class EventLoopTimerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    /**
     * Ticks {@code passes} times with a rough deadline, runs {@code beforeLastPass} at the start of
     * the last pass but one, reads the timer's slot on the last tick, then finishes.
     */
    private static final class Passes implements EventLoop.Driver {
        private final WakeupTimer timer;
        private final int passes;
        private final long roughInNs;
        private final long preciseNs;
        private final long followingNs;
        private final Runnable beforeLastPass;
        private int ticks;
        long armedSeen = -1;

        Passes(WakeupTimer timer, int passes, long roughInNs, long preciseNs, long followingNs,
                Runnable beforeLastPass) {
            this.timer = timer;
            this.passes = passes;
            this.roughInNs = roughInNs;
            this.preciseNs = preciseNs;
            this.followingNs = followingNs;
            this.beforeLastPass = beforeLastPass;
        }

        @Override
        public long tick(long nowNs) {
            ticks++;
            if (ticks == passes - 1) {
                beforeLastPass.run();
            }
            if (ticks == passes) {
                armedSeen = timer.armed(0);
            }
            return nowNs + roughInNs;
        }

        @Override
        public boolean finished() {
            return ticks >= passes;
        }

        @Override
        public long preciseDeadline() {
            return preciseNs;
        }

        @Override
        public long followingDeadline() {
            return followingNs;
        }
    }

    @Test
    void aPreciseDeadlineStaysArmedBehindAnEarlierRoughOne() {
        try (EventLoop loop = new EventLoop(); WakeupTimer timer = new WakeupTimer(new EventLoop[] {loop})) {
            loop.wakeUpWith(timer, 0);
            long preciseNs = System.nanoTime() + MINUTE;
            // The loop sleeps towards the rough deadline (5 ms, a periodic check), rounded up to a
            // millisecond; the precise one must be on the timer all the same, or a send due
            // between two rough deadlines would wait for the next.
            Passes driver = new Passes(timer, 2, 5 * MS, preciseNs, preciseNs + MINUTE, () -> { });
            loop.run(driver);
            assertEquals(preciseNs, driver.armedSeen, "the precise deadline armed during the first pass");
            assertEquals(WakeupTimer.NONE, timer.armed(0), "a finished loop leaves nothing armed");
        }
    }

    @Test
    void aDeadlineTheTimerFiredWhileThePassStillSeesItAheadIsArmedAgain() {
        try (EventLoop loop = new EventLoop(); WakeupTimer timer = new WakeupTimer(new EventLoop[] {loop})) {
            loop.wakeUpWith(timer, 0);
            long preciseNs = System.nanoTime() + MINUTE;
            long followingNs = preciseNs + MINUTE;
            // A pass whose clock was read just before the timer fired still sees its deadline
            // ahead, while the timer has moved the slot on to the following one; the selector may
            // have dropped that wake-up, so the loop must arm the deadline again (to fire at once)
            // rather than trust what it armed last. The fire is played here by moving the slot on
            // as the timer does, from the loop's own thread, so nothing depends on timing.
            Passes driver = new Passes(timer, 3, 5 * MS, preciseNs, followingNs,
                    () -> timer.arm(0, followingNs, WakeupTimer.NONE));
            loop.run(driver);
            assertEquals(preciseNs, driver.armedSeen, "the fired deadline armed again by the next pass");
        }
    }
}
