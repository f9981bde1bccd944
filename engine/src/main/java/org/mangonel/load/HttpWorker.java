package org.mangonel.load;

import java.util.concurrent.CountDownLatch;
import org.mangonel.net.EventLoop;

/** The HTTP sessions of one event loop. Loop thread only, after construction. */
final class HttpWorker extends Worker {
    final HttpLoadSpec spec;

    /**
     * @param firstIndex index of this loop's first connection overall (seeds URL choice)
     * @param count      connections on this loop
     */
    HttpWorker(EventLoop loop, CountDownLatch ready, HttpLoadSpec spec, int firstIndex, int count) {
        super(loop, ready);
        this.spec = spec;
        HttpSession[] sessions = new HttpSession[count];
        for (int i = 0; i < count; i++) {
            sessions[i] = new HttpSession(this, firstIndex + i);
        }
        sessions(sessions);
    }
}
