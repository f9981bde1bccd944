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
 * <p>{@link org.mangonel.net.TcpConnection} turns readiness into a small set of callbacks on a
 * {@link org.mangonel.net.TcpConnection.Handler} and reports transport failures as an
 * {@link org.mangonel.stats.ErrorKind}; it knows nothing of protocols. Writes go straight to the
 * socket from the caller's buffer; only the rare unwritten remainder is copied aside until the
 * socket drains, so a request/response exchange costs one write and one read system call, with no
 * interest-set change.
 */
package org.mangonel.net;
