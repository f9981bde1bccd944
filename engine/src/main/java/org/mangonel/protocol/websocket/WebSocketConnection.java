package org.mangonel.protocol.websocket;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.transport.Transport;

/**
 * A client WebSocket over another connection: the upgrade handshake, then one message per
 * {@link #write} (text) or {@link #writeMessage} (either), pings answered with pongs, and the close
 * handshake both ways. Its session is a {@link MessageHandler}: payload bytes arrive through
 * {@code onData} as they stream, the end of each message through {@code onMessageEnd}. Loop
 * thread only.
 *
 * <pre>
 *   CLOSED ──connect──▶ CONNECTING ──open──▶ UPGRADING (request sent) ──101, right accept──▶ OPEN (session's onConnected)
 *                                               └─ any other answer ──▶ onFailure(HANDSHAKE, "the server answered 200 OK …")
 *   OPEN: frames → payload onData … onMessageEnd | ping → pong | close → close reply, onEndOfInput
 *         a bad frame (opcode, oversize, UTF-8 …) → close 1002/1007/1009, onFailure(PROTOCOL)
 *   close(): close frame 1000, then the connection closes
 *   closeGracefully(): close frame 1000 ──▶ CLOSING ──the server's close frame──▶ onEndOfInput
 * </pre>
 */
final class WebSocketConnection implements Connection, MessageHandler, MessageConsumer {
    private static final int CLOSED = 0;
    private static final int CONNECTING = 1;
    private static final int UPGRADING = 2;
    private static final int OPEN = 3;
    private static final int CLOSING = 4;
    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final Connection inner;
    private final MessageHandler session;
    private final String target;
    private final String authority;
    private final WebSocketFrames frames;
    private final WebSocketFrameDecoder decoder;
    private final ByteBuffer[] scratch;
    private final SplittableRandom random;
    private ByteBuffer view = ByteBuffer.allocate(0);
    private HandshakeResponseReader reader;
    private int state = CLOSED;
    private int generation;
    private long nowNs;
    private Failure lastFailure;
    private String failureDetail;

    WebSocketConnection(EventLoop loop, Transport transport, MessageHandler session, String target, String authority,
                        long maxMessageBytes, ByteBuffer[] scratch) {
        this.inner = transport.open(loop, this);
        this.session = session;
        this.target = target;
        this.authority = authority;
        this.scratch = scratch;
        this.random = new SplittableRandom(System.nanoTime() ^ System.identityHashCode(this));
        this.frames = WebSocketFrames.client(random.nextLong());
        this.decoder = WebSocketFrameDecoder.forClient(maxMessageBytes, this);
    }

    @Override
    public boolean connect(InetSocketAddress address) {
        close();
        generation++;
        lastFailure = null;
        failureDetail = null;
        if (!inner.connect(address)) {
            return false;
        }
        state = CONNECTING;
        return true;
    }

    // ---- the inner connection's events ----

    @Override
    public void onConnected(long now) {
        String key = WebSocketHandshake.newKey(random);
        reader = new HandshakeResponseReader(key, MAX_HEAD_BYTES);
        state = UPGRADING;
        if (!inner.write(ByteBuffer.wrap(WebSocketHandshake.request(target, authority, key, List.of())))) {
            failed(inner.lastFailure(), inner.failureDetail(), now);
        }
    }

    @Override
    public void onData(ByteBuffer in, long now) {
        nowNs = now;
        int current = generation;
        if (state == UPGRADING) {
            int r = reader.read(in);
            if (r == HandshakeResponseReader.NEED_MORE) {
                return;
            }
            if (r == HandshakeResponseReader.FAILED) {
                failed(Failure.HANDSHAKE, reader.failure(), now);
                return;
            }
            state = OPEN;
            decoder.reset();
            session.onConnected(now);
        }
        while (current == generation && (state == OPEN || state == CLOSING) && in.hasRemaining()) {
            int r = decoder.decode(in);
            switch (r) {
                case WebSocketFrameDecoder.NEED_MORE -> {
                    return;
                }
                case WebSocketFrameDecoder.MESSAGE -> session.onMessageEnd(decoder.messageOpcode(),
                        decoder.messageLength(), now);
                case WebSocketFrameDecoder.PING -> control(WebSocketFrames.OP_PONG, decoder.controlPayload(),
                        decoder.controlLength());
                case WebSocketFrameDecoder.PONG -> {
                    // an answer to a ping we never send: nothing to do
                }
                case WebSocketFrameDecoder.CLOSE -> {
                    if (state == OPEN) { // the server began the close handshake: answer it
                        closeFrame(decoder.closeCode() == CloseStatus.NO_STATUS ? CloseStatus.NORMAL
                                : decoder.closeCode());
                    }
                    state = CLOSED;
                    generation++;
                    inner.closeWhenFlushed();
                    session.onEndOfInput(now);
                    return;
                }
                default -> {
                    closeFrame(decoder.errorCloseCode());
                    failed(Failure.PROTOCOL, decoder.error(), now);
                    return;
                }
            }
        }
    }

    @Override
    public void begin(int opcode) {
        // the payload follows in update(); the session learns the opcode at the end
    }

    @Override
    public void update(byte[] a, int from, int to) {
        if (view.array() != a) {
            view = ByteBuffer.wrap(a); // once per read buffer, not per message
        }
        view.limit(to).position(from);
        session.onData(view, nowNs);
    }

    @Override
    public void onMessageEnd(int opcode, long length, long now) {
        // the inner connection is a plain byte stream: never called
    }

    @Override
    public void onEndOfInput(long now) {
        if (state == UPGRADING) {
            failed(Failure.HANDSHAKE, "the server closed the connection during the WebSocket handshake", now);
        } else if (state == OPEN || state == CLOSING) {
            state = CLOSED;
            session.onEndOfInput(now); // closed without a close frame
        }
    }

    @Override
    public void onFailure(Failure failure, long now) {
        boolean opening = state == CONNECTING || state == UPGRADING;
        state = CLOSED;
        lastFailure = failure;
        failureDetail = inner.failureDetail();
        session.onFailure(opening && failure != Failure.HANDSHAKE ? Failure.CONNECT : failure, now);
    }

    private void failed(Failure failure, String detail, long now) {
        lastFailure = failure;
        failureDetail = detail;
        state = CLOSED;
        generation++;
        inner.close();
        session.onFailure(failure, now);
    }

    // ---- the session's calls ----

    /** Sends {@code src} as one text message. */
    @Override
    public boolean write(ByteBuffer src) {
        return writeMessage(src, WebSocketFrames.OP_TEXT);
    }

    /** Sends {@code src} (position to limit) as one message of the given opcode (text or binary). */
    boolean writeMessage(ByteBuffer src, int opcode) {
        if (state != OPEN) {
            lastFailure = Failure.CLOSED;
            failureDetail = "the WebSocket is not open";
            return false;
        }
        int length = src.remaining();
        ByteBuffer out = room(frames.frameLength(length));
        frames.begin(out, true, opcode, length);
        out.put(src);
        frames.end(out);
        out.flip();
        if (!inner.write(out)) {
            lastFailure = inner.lastFailure();
            failureDetail = inner.failureDetail();
            return false;
        }
        return true;
    }

    private void control(int opcode, byte[] payload, int length) {
        ByteBuffer out = room(WebSocketFrames.MAX_HEADER_BYTES + length);
        frames.frame(out, true, opcode, payload, 0, length);
        out.flip();
        inner.write(out);
    }

    private void closeFrame(int code) {
        ByteBuffer out = room(WebSocketFrames.MAX_HEADER_BYTES + 2);
        frames.close(out, CloseStatus.allowedOnTheWire(code) ? code : CloseStatus.NORMAL, new byte[0]);
        out.flip();
        inner.write(out);
    }

    /** The loop's scratch buffer, cleared, with room for {@code bytes}. */
    private ByteBuffer room(int bytes) {
        if (scratch[0].capacity() < bytes) {
            scratch[0] = ByteBuffer.allocate(Math.max(bytes, scratch[0].capacity() * 2));
        }
        return scratch[0].clear();
    }

    /**
     * Begins the close handshake: sends a close frame and keeps reading until the server's own
     * close frame arrives (then {@code onEndOfInput}). The pre-run check uses it; a run just closes.
     */
    void closeGracefully() {
        if (state == OPEN) {
            closeFrame(CloseStatus.NORMAL);
            state = CLOSING;
        }
    }

    @Override
    public void close() {
        if (state == OPEN) {
            closeFrame(CloseStatus.NORMAL); // our side of the close handshake, best effort
        }
        state = CLOSED;
        generation++;
        inner.close();
    }

    @Override
    public void closeWhenFlushed() {
        if (state == OPEN) {
            closeFrame(CloseStatus.NORMAL);
        }
        state = CLOSED;
        generation++;
        inner.closeWhenFlushed();
    }

    @Override
    public String handshakeUnderWay() {
        return state == UPGRADING ? "the WebSocket upgrade" : inner.handshakeUnderWay();
    }

    @Override
    public boolean isOpen() {
        return state == OPEN;
    }

    @Override
    public boolean hasPendingWrite() {
        return inner.hasPendingWrite();
    }

    @Override
    public int pendingBytes() {
        return inner.pendingBytes();
    }

    @Override
    public Failure lastFailure() {
        return lastFailure != null ? lastFailure : inner.lastFailure();
    }

    @Override
    public String failureDetail() {
        return failureDetail != null ? failureDetail : inner.failureDetail();
    }

    @Override
    public String security() {
        return inner.security();
    }
}
