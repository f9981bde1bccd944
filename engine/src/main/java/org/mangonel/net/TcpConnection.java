package org.mangonel.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A plain TCP {@link Connection} on an {@link EventLoop}; servers also use it for accepted
 * channels ({@link #adopt}). Reusable: after {@link #close()} it can {@link #connect} again.
 * Owned by the loop thread.
 *
 * <pre>
 *   CLOSED ──connect()──▶ CONNECTING ──finishConnect ok──▶ OPEN ──close()/failure──▶ CLOSED
 *                             └──refused / error──▶ onFailure(CONNECT) ─▶ CLOSED
 *   OPEN: readable → onData(bytes) | onEndOfInput() | onFailure(RESET/CLOSED)
 * </pre>
 * Callbacks happen only from {@link #onReady}; methods called by the handler report outcomes by
 * return value. After {@code onFailure} the connection is already closed.
 */
public final class TcpConnection implements Connection, Selectable {
    private static final int CLOSED = 0;
    private static final int CONNECTING = 1;
    private static final int OPEN = 2;
    /** Reads per readiness event before returning to the loop (fairness between connections). */
    private static final int MAX_READS_PER_EVENT = 4;

    private final EventLoop loop;
    private Handler handler;
    private SocketChannel channel;
    private SelectionKey key;
    private int state = CLOSED;
    private ByteBuffer pending;
    private Failure lastFailure;
    private String failureDetail;
    private boolean closeAfterFlush;

    public TcpConnection(EventLoop loop, Handler handler) {
        this.loop = loop;
        this.handler = handler;
    }

    /** A connection whose handler is set later with {@link #handler(Handler)} (servers do this). */
    public TcpConnection(EventLoop loop) {
        this.loop = loop;
    }

    /** Sets the handler; before the connection is adopted or connected. */
    public void handler(Handler newHandler) {
        this.handler = newHandler;
    }

    /**
     * Starts connecting. Returns true if the attempt is under way (or done: {@code onConnected}
     * follows on the next pass either way); false if it failed at once ({@link #lastFailure()}).
     */
    @Override
    public boolean connect(InetSocketAddress address) {
        if (state != CLOSED) {
            close();
        }
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            key = loop.register(channel, SelectionKey.OP_CONNECT, this);
            state = CONNECTING;
            return true;
        } catch (IOException | RuntimeException e) {
            closeChannel();
            failed(Failure.CONNECT, e);
            return false;
        }
    }

    /**
     * Takes over a channel a server accepted; the connection is OPEN at once (no
     * {@code onConnected} callback). Loop thread only.
     */
    public boolean adopt(SocketChannel accepted) {
        if (state != CLOSED) {
            close();
        }
        try {
            channel = accepted;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            key = loop.register(channel, SelectionKey.OP_READ, this);
            state = OPEN;
            return true;
        } catch (IOException | RuntimeException e) {
            closeChannel();
            failed(Failure.CLOSED, e);
            return false;
        }
    }

    /** Closes once every pending byte is written (at once when nothing is pending). */
    @Override
    public void closeWhenFlushed() {
        if (hasPendingWrite()) {
            closeAfterFlush = true;
        } else {
            closeChannel();
        }
    }

    @Override
    public boolean isOpen() {
        return state == OPEN;
    }

    @Override
    public Failure lastFailure() {
        return lastFailure;
    }

    @Override
    public String failureDetail() {
        return failureDetail;
    }

    private void failed(Failure failure, Exception cause) {
        lastFailure = failure;
        failureDetail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void onReady(int readyOps, long nowNs) {
        if (state == CONNECTING) {
            if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
                finishConnect(nowNs);
            }
            return;
        }
        if (state != OPEN) {
            return;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0 && !flushPending()) {
            failed(nowNs);
            return;
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && state == OPEN) {
            read(nowNs);
        }
    }

    private void finishConnect(long nowNs) {
        try {
            if (!channel.finishConnect()) {
                return;
            }
            state = OPEN;
            key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            closeChannel();
            failed(Failure.CONNECT, e);
            handler.onFailure(Failure.CONNECT, nowNs);
            return;
        }
        handler.onConnected(nowNs);
    }

    private void read(long nowNs) {
        ByteBuffer in = loop.readBuffer();
        for (int i = 0; i < MAX_READS_PER_EVENT && state == OPEN; i++) {
            in.clear();
            int n;
            try {
                n = channel.read(in);
            } catch (IOException e) {
                failed(classify(e), e);
                failed(nowNs);
                return;
            }
            if (n < 0) {
                handler.onEndOfInput(nowNs);
                return;
            }
            if (n == 0) {
                return;
            }
            in.flip();
            handler.onData(in, nowNs);
            if (n < in.capacity()) {
                return;
            }
        }
    }

    /**
     * Writes {@code src} (position to limit). What the socket does not take now is kept and
     * written when it drains. Returns false on a transport failure ({@link #lastFailure()}); the
     * caller should then {@link #close()} and handle it.
     */
    @Override
    public boolean write(ByteBuffer src) {
        if (state != OPEN) {
            lastFailure = Failure.CLOSED;
            failureDetail = "the connection is not open";
            return false;
        }
        try {
            if (pending == null || !pending.hasRemaining()) {
                channel.write(src);
                if (!src.hasRemaining()) {
                    return true;
                }
            }
            keep(src);
            return true;
        } catch (IOException e) {
            failed(classify(e), e);
            return false;
        }
    }

    /** How many written bytes are still waiting for the socket. */
    @Override
    public int pendingBytes() {
        return pending == null ? 0 : pending.remaining();
    }

    /** Whether some written bytes are still waiting for the socket. */
    @Override
    public boolean hasPendingWrite() {
        return pending != null && pending.hasRemaining();
    }

    private void keep(ByteBuffer src) {
        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(4096, src.remaining() * 2));
            pending.flip();
        }
        pending.compact();
        if (pending.remaining() < src.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + src.remaining()));
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
        pending.put(src);
        pending.flip();
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    }

    private boolean flushPending() {
        if (pending == null || !pending.hasRemaining()) {
            if (closeAfterFlush) {
                closeChannel();
                return true;
            }
            key.interestOps(SelectionKey.OP_READ);
            return true;
        }
        try {
            channel.write(pending);
        } catch (IOException e) {
            failed(classify(e), e);
            return false;
        }
        if (!pending.hasRemaining()) {
            if (closeAfterFlush) {
                closeChannel();
                return true;
            }
            key.interestOps(SelectionKey.OP_READ);
        }
        return true;
    }

    private void failed(long nowNs) {
        closeChannel();
        handler.onFailure(lastFailure, nowNs);
    }

    /** Closes the connection; no callback follows. Safe to call in any state. */
    @Override
    public void close() {
        closeChannel();
    }

    private void closeChannel() {
        state = CLOSED;
        closeAfterFlush = false;
        if (pending != null) {
            pending.clear().flip();
        }
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
            channel = null;
        }
    }

    /** Reset by the peer, or otherwise closed under us. */
    private static Failure classify(IOException e) {
        String message = e.getMessage();
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("reset")) {
            return Failure.RESET;
        }
        return Failure.CLOSED;
    }
}
