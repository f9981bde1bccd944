package org.mangonel.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Selectable;
import org.mangonel.net.TcpConnection;

/**
 * A listening socket and N event loops serving its connections until {@link #close()}.
 * The accept loop is loop 0; accepted channels go round-robin to all loops through their queues.
 */
public final class ServerLoops implements AutoCloseable {
    /** Makes the handler of one accepted connection, on the loop that will own it. */
    public interface ConnectionFactory {
        /** @param loopIndex which loop the connection lives on */
        TcpConnection.Handler create(EventLoop loop, int loopIndex, TcpConnection connection);
    }

    private final ServerSocketChannel server;
    private final List<EventLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private int next;

    /**
     * Binds and starts serving.
     *
     * @param address where to listen (port 0 picks a free one)
     * @param loopCount event loops
     * @param factory makes each connection's handler
     */
    public ServerLoops(InetSocketAddress address, int loopCount, ConnectionFactory factory) throws IOException {
        this(address, loopCount, factory, loopIndex -> { });
    }

    /**
     * Binds and starts serving, calling {@code beforeSleep} on each loop's thread after every pass
     * and before the loop next selects: where a server flushes what it gathered during the pass.
     *
     * @param beforeSleep called with the loop's index, on that loop's thread
     */
    public ServerLoops(InetSocketAddress address, int loopCount, ConnectionFactory factory, IntConsumer beforeSleep)
            throws IOException {
        server = ServerSocketChannel.open();
        server.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(address, 4096);
        server.configureBlocking(false);
        for (int i = 0; i < loopCount; i++) {
            loops.add(new EventLoop());
        }
        EventLoop acceptLoop = loops.get(0);
        acceptLoop.register(server, SelectionKey.OP_ACCEPT, new Acceptor(factory));
        for (int i = 0; i < loopCount; i++) {
            EventLoop loop = loops.get(i);
            int index = i;
            Thread t = new Thread(() -> {
                try {
                    loop.run(new EventLoop.Driver() {
                        @Override
                        public long tick(long nowNs) {
                            // The start of a pass is the end of the one before: its events are
                            // dispatched, and the select comes next.
                            beforeSleep.accept(index);
                            return nowNs + 1_000_000_000L;
                        }

                        @Override
                        public boolean finished() {
                            return closing;
                        }
                    });
                } finally {
                    loop.close();
                }
            }, "serve-loop-" + i);
            threads.add(t);
            t.start();
        }
    }

    /** The bound port. */
    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Blocks until {@link #close()} (or the process ends). */
    public void awaitClose() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        closing = true;
        for (EventLoop loop : loops) {
            loop.execute(() -> { });
        }
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // shutting down
        }
        stopped.countDown();
    }

    private final class Acceptor implements Selectable {
        private final ConnectionFactory factory;

        Acceptor(ConnectionFactory factory) {
            this.factory = factory;
        }

        @Override
        public void onReady(int readyOps, long nowNs) {
            for (int i = 0; i < 256; i++) {
                SocketChannel accepted;
                try {
                    accepted = server.accept();
                } catch (IOException e) {
                    return; // e.g. out of file descriptors: try again on the next readiness
                }
                if (accepted == null) {
                    return;
                }
                int index = next;
                next = (next + 1) % loops.size();
                EventLoop loop = loops.get(index);
                if (index == 0) {
                    adopt(loop, index, accepted);
                } else {
                    loop.execute(() -> adopt(loop, index, accepted));
                }
            }
        }

        private void adopt(EventLoop loop, int index, SocketChannel accepted) {
            TcpConnection connection = new TcpConnection(loop);
            connection.handler(factory.create(loop, index, connection));
            if (!connection.adopt(accepted)) {
                try {
                    accepted.close();
                } catch (IOException ignored) {
                    // gone already
                }
            }
        }
    }
}
