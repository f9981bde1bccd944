/**
 * Event loops and connections: the only code that touches selectors and socket channels.
 *
 * <p>An {@link org.mangonel.net.EventLoop} is one thread with one {@link java.nio.channels.Selector}.
 * Everything registered on it (connections, listening sockets) is owned by that thread; other
 * threads reach it only through {@link org.mangonel.net.EventLoop#execute(Runnable)}, a queue plus
 * {@code wakeup()}. One pass of the loop:
 * <pre>
 *   run queued tasks → driver.tick(nowNs) → select until the driver's deadline
 *     → for each ready key: attachment.onReady(readyOps, nowNs)
 *   nowNs = the time select returned (read once per pass, passed down)
 * </pre>
 * A pass allocates nothing: keys are dispatched through a {@code Consumer} created once, each
 * key's attachment is the object that handles it, and the loop's read buffer is shared by all
 * its connections (decoders are incremental and keep no bytes).
 *
 * <p>A {@link org.mangonel.net.Connection} is what a session talks to: a small set of callbacks
 * on its {@link org.mangonel.net.Connection.Handler}, and failures reported as a
 * {@link org.mangonel.net.Failure} (the load engine decides what error each counts as).
 * {@link org.mangonel.net.TcpConnection} is the plain TCP one; TLS wraps it (package
 * {@code transport}). Nothing here knows of protocols or statistics.
 *
 * <p>Sleeping is exact without spinning: {@code select} sleeps in whole milliseconds, so a loop
 * with a precise deadline (a message due) arms it on a {@link org.mangonel.net.WakeupTimer},
 * whose thread parks until then and wakes the selector. Writes go straight to the
 * socket from the caller's buffer; only the rare unwritten remainder is copied aside until the
 * socket drains, so a request/response exchange costs one write and one read system call, with no
 * interest-set change.
 */
package org.mangonel.net;
