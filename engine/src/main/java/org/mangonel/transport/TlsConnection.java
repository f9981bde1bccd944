package org.mangonel.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.net.TcpConnection;

/**
 * A TLS connection: a {@link TcpConnection} carrying ciphertext, an {@link SSLEngine} turning it
 * into the plaintext its session reads and writes. Everything runs on the loop thread, in the
 * TCP connection's callbacks; no extra thread, no blocking socket.
 *
 * <pre>
 *   CLOSED ──connect──▶ TCP CONNECTING ──TCP open──▶ HANDSHAKING ──finished──▶ OPEN (session's onConnected)
 *                           └─ refused ─▶ onFailure(CONNECT)   └─ alert / bad certificate ─▶ onFailure(HANDSHAKE)
 *   OPEN: ciphertext in → unwrap → plaintext onData | close_notify or FIN → onEndOfInput
 *         plaintext write → wrap → TCP write (what the socket does not take, TCP keeps)
 *   close(): close_notify alert (when open), then the TCP connection closes
 * </pre>
 * Buffers: unwrapped plaintext and wrapped ciphertext go through the loop's {@link Scratch}
 * (made once per loop, delivered or written at once); a connection keeps its own buffer only for
 * the tail of a record split across reads. The handshake's delegated tasks (certificate checks)
 * run on the loop thread: a few hundred microseconds, once per connection.
 */
final class TlsConnection implements Connection, Connection.Handler {
    private static final int CLOSED = 0;
    private static final int CONNECTING = 1;
    private static final int HANDSHAKING = 2;
    private static final int OPEN = 3;

    /** Per-loop buffers: plaintext out of unwrap, ciphertext out of wrap. Loop thread only. */
    static final class Scratch {
        ByteBuffer plain = ByteBuffer.allocate(17 * 1024);
        ByteBuffer cipher = ByteBuffer.allocate(17 * 1024 + 512);
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final TcpConnection tcp;
    private final Handler handler;
    private final TlsTransport transport;
    private final Scratch scratch;
    private SSLEngine engine;
    private ByteBuffer partial;
    private int state = CLOSED;
    private Failure lastFailure;
    private String failureDetail;
    private String security;
    /** Counts the TCP connections this object has carried: bytes of an earlier one are never kept. */
    private int generation;

    TlsConnection(EventLoop loop, Handler handler, TlsTransport transport, Scratch scratch) {
        this.tcp = new TcpConnection(loop, this);
        this.handler = handler;
        this.transport = transport;
        this.scratch = scratch;
    }

    @Override
    public boolean connect(InetSocketAddress address) {
        close();
        partial = null;
        generation++;
        if (!tcp.connect(address)) {
            lastFailure = tcp.lastFailure();
            failureDetail = tcp.failureDetail();
            return false;
        }
        engine = transport.newEngine();
        state = CONNECTING;
        return true;
    }

    // ---- the TCP connection's events ----

    @Override
    public void onConnected(long nowNs) {
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            handshakeFailed(e, nowNs);
            return;
        }
        state = HANDSHAKING;
        handshake(nowNs);
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        ByteBuffer src = in;
        if (partial != null && partial.position() > 0) {
            partial = ensure(partial, in.remaining());
            partial.put(in);
            partial.flip();
            src = partial;
        }
        int current = generation;
        try {
            unwrapAll(src, current, nowNs);
        } catch (SSLException e) {
            if (state == HANDSHAKING) {
                handshakeFailed(e, nowNs);
            } else {
                fail(Failure.CLOSED, e, nowNs);
            }
            return;
        }
        if (current == generation) {
            keepTail(src); // else the session closed this connection (and maybe opened another) meanwhile
        }
    }

    /** Keeps what is left of {@code src} (an unfinished record) for the next read. */
    private void keepTail(ByteBuffer src) {
        if (state == CLOSED) {
            return;
        }
        if (src == partial) {
            partial.compact();
        } else if (src.hasRemaining()) {
            partial = ensure(partial == null ? ByteBuffer.allocate(src.remaining()) : partial, src.remaining());
            partial.put(src);
        }
    }

    private static ByteBuffer ensure(ByteBuffer buf, int more) {
        if (buf.remaining() >= more) {
            return buf;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more));
        buf.flip();
        bigger.put(buf);
        return bigger;
    }

    /** Unwraps every whole record in {@code src}; delivers plaintext once open. */
    private void unwrapAll(ByteBuffer src, int current, long nowNs) throws SSLException {
        while (current == generation && (state == HANDSHAKING || state == OPEN)) {
            if (state == HANDSHAKING && engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
                handshake(nowNs);
                if (state != OPEN && engine.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NEED_UNWRAP) {
                    return;
                }
                continue;
            }
            if (!src.hasRemaining()) {
                return;
            }
            ByteBuffer plain = scratch.plain;
            plain.clear();
            SSLEngineResult r = engine.unwrap(src, plain);
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return; // the rest of the record has not arrived yet
                }
                case BUFFER_OVERFLOW -> {
                    scratch.plain = ByteBuffer.allocate(Math.max(plain.capacity() * 2,
                            TlsTransport.applicationBytes(engine)));
                    continue;
                }
                case CLOSED -> {
                    if (state == HANDSHAKING) {
                        throw new SSLException("the server closed the TLS session during the handshake");
                    }
                    deliver(plain, nowNs);
                    if (state == OPEN) {
                        handler.onEndOfInput(nowNs);
                    }
                    return;
                }
                default -> {
                    // OK
                }
            }
            if (state == HANDSHAKING) {
                handshake(nowNs);
            }
            deliver(plain, nowNs);
            if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP && state == OPEN) {
                flushHandshake(); // a post-handshake message wants an answer (e.g. a key update)
            }
        }
    }

    private void deliver(ByteBuffer plain, long nowNs) {
        plain.flip();
        if (plain.hasRemaining() && state == OPEN) {
            handler.onData(plain, nowNs);
        }
    }

    /** Drives the handshake as far as it can go now; opens the connection when it is done. */
    private void handshake(long nowNs) {
        try {
            while (state == HANDSHAKING) {
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                switch (hs) {
                    case NEED_TASK -> {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) {
                            task.run();
                        }
                    }
                    case NEED_WRAP -> {
                        if (!flushHandshake()) {
                            return;
                        }
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        return; // wait for the peer's next message (onData)
                    }
                    default -> {
                        opened(nowNs);
                        return;
                    }
                }
            }
        } catch (SSLException e) {
            handshakeFailed(e, nowNs);
        }
    }

    /** Wraps what the engine wants to send (handshake messages, alerts) and writes it. */
    private boolean flushHandshake() throws SSLException {
        ByteBuffer out = scratch.cipher;
        out.clear();
        SSLEngineResult r = engine.wrap(EMPTY, out);
        out.flip();
        if (out.hasRemaining() && !tcp.write(out)) {
            fail(tcp.lastFailure(), null, 0);
            return false;
        }
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("the engine closed during the handshake");
        }
        return true;
    }

    private void opened(long nowNs) {
        state = OPEN;
        SSLSession session = engine.getSession();
        security = session.getProtocol() + " " + session.getCipherSuite();
        transport.negotiated(engine, session.getProtocol());
        handler.onConnected(nowNs);
    }

    private void handshakeFailed(SSLException e, long nowNs) {
        lastFailure = Failure.HANDSHAKE;
        failureDetail = rootMessage(e);
        closeQuietly();
        handler.onFailure(Failure.HANDSHAKE, nowNs);
    }

    private void fail(Failure failure, Exception e, long nowNs) {
        lastFailure = failure;
        failureDetail = e == null ? tcp.failureDetail() : rootMessage(e);
        closeQuietly();
        handler.onFailure(failure, nowNs);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void onEndOfInput(long nowNs) {
        if (state == HANDSHAKING) {
            lastFailure = Failure.HANDSHAKE;
            failureDetail = "the server closed the connection during the TLS handshake";
            closeQuietly();
            handler.onFailure(Failure.HANDSHAKE, nowNs);
        } else if (state == OPEN) {
            handler.onEndOfInput(nowNs); // closed without close_notify: the session decides
        }
    }

    @Override
    public void onFailure(Failure failure, long nowNs) {
        lastFailure = failure;
        failureDetail = tcp.failureDetail();
        boolean connecting = state == CONNECTING;
        state = CLOSED;
        handler.onFailure(connecting ? Failure.CONNECT : failure, nowNs);
    }

    // ---- the session's calls ----

    @Override
    public boolean write(ByteBuffer src) {
        if (state != OPEN) {
            lastFailure = Failure.CLOSED;
            failureDetail = "the connection is not open";
            return false;
        }
        try {
            while (src.hasRemaining()) {
                ByteBuffer out = scratch.cipher;
                out.clear();
                SSLEngineResult r = engine.wrap(src, out);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    scratch.cipher = ByteBuffer.allocate(Math.max(out.capacity() * 2, TlsTransport.packetBytes(engine)));
                    continue;
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    lastFailure = Failure.CLOSED;
                    failureDetail = "the TLS session is closed";
                    return false;
                }
                out.flip();
                if (!tcp.write(out)) {
                    lastFailure = tcp.lastFailure();
                    failureDetail = tcp.failureDetail();
                    return false;
                }
            }
            return true;
        } catch (SSLException e) {
            lastFailure = Failure.CLOSED;
            failureDetail = rootMessage(e);
            return false;
        }
    }

    @Override
    public void close() {
        if (state == OPEN) {
            engine.closeOutbound();
            try {
                flushHandshake(); // the close_notify alert, best effort
            } catch (SSLException ignored) {
                // closing anyway
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        state = CLOSED;
        partial = null;
        generation++;
        tcp.close();
    }

    @Override
    public void closeWhenFlushed() {
        if (state == OPEN) {
            engine.closeOutbound();
            try {
                flushHandshake();
            } catch (SSLException ignored) {
                // closing anyway
            }
        }
        state = CLOSED;
        tcp.closeWhenFlushed();
    }

    @Override
    public String handshakeUnderWay() {
        return state == HANDSHAKING ? "the TLS handshake" : null;
    }

    @Override
    public boolean isOpen() {
        return state == OPEN;
    }

    @Override
    public boolean hasPendingWrite() {
        return tcp.hasPendingWrite();
    }

    @Override
    public int pendingBytes() {
        return tcp.pendingBytes();
    }

    @Override
    public Failure lastFailure() {
        return lastFailure;
    }

    @Override
    public String failureDetail() {
        return failureDetail;
    }

    @Override
    public String security() {
        return security;
    }
}
