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

    /** Ticks once with a rough deadline, reads the timer's slot on the next tick, then finishes. */
    private static final class TwoPasses implements EventLoop.Driver {
        private final WakeupTimer timer;
        private final long roughInNs;
        private final long preciseNs;
        private final long followingNs;
        private int ticks;
        long armedSeen = -1;

        TwoPasses(WakeupTimer timer, long roughInNs, long preciseNs, long followingNs) {
            this.timer = timer;
            this.roughInNs = roughInNs;
            this.preciseNs = preciseNs;
            this.followingNs = followingNs;
        }

        @Override
        public long tick(long nowNs) {
            if (++ticks == 2) {
                armedSeen = timer.armed(0);
            }
            return nowNs + roughInNs;
        }

        @Override
        public boolean finished() {
            return ticks >= 2;
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
            TwoPasses driver = new TwoPasses(timer, 5 * MS, preciseNs, preciseNs + MINUTE);
            loop.run(driver);
            assertEquals(preciseNs, driver.armedSeen, "the precise deadline armed during the first pass");
            assertEquals(WakeupTimer.NONE, timer.armed(0), "a finished loop leaves nothing armed");
        }
    }
}
