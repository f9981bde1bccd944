package org.mangonel.servers;

import java.nio.ByteBuffer;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.net.TcpConnection;
import org.mangonel.protocol.websocket.CloseStatus;
import org.mangonel.protocol.websocket.HandshakeRequestReader;
import org.mangonel.protocol.websocket.MessageConsumer;
import org.mangonel.protocol.websocket.WebSocketFrameDecoder;
import org.mangonel.protocol.websocket.WebSocketFrames;

/**
 * The server side of one WebSocket connection, for the built-in WebSocket servers: reads the
 * upgrade request and answers it, then reads the client's frames and hands every whole message
 * (fragments joined) to its {@link Listener} as one ready-to-send, unmasked server frame. Pings
 * get pongs, a close gets a close and the end of the connection; the rest is the listener's.
 * Owned by its loop's thread.
 *
 * <pre>
 *   HANDSHAKE ──valid upgrade: 101──▶ OPEN ──the client's close: the same code back, TCP closed──▶ CLOSED
 *       │                              ├──a message over the limit: close(1009)──▶ CLOSING
 *       │                              ├──a broken rule (1002, 1007): close(code)──▶ DRAINING
 *       │                              └──end of input, failure, dropped──────────────────────────▶ CLOSED
 *       └──invalid: 400/405/426/431, TCP closed──▶ CLOSED
 *   CLOSING:  frames are still read (the stream is intact), their payload discarded, until the
 *             client's close: then TCP is closed ──▶ CLOSED
 *   DRAINING: the stream cannot be followed: the input is discarded until the client closes its
 *             side (as ws does) ──▶ CLOSED
 * </pre>
 * Either way the server does not close TCP while the client may still be sending: unread input at
 * close makes the kernel reset the connection, and the client could lose the close frame.
 *
 * <p>Allocation-free per message in steady state. The decoder unmasks a message in place in the
 * loop's read buffer; when all of it came in one read (the usual case) its server frame header is
 * written just before it, over the client's longer masked header, and the frame is handed on
 * straight from the read buffer. Otherwise the message is gathered in this peer's own array
 * (grown on demand, never beyond the message limit), which keeps room for the header in front.
 *
 * <p>Output: {@link #reply} (to this peer, during its own callback) is gathered in the loop's
 * write buffer and written once at the end of the read; {@link #deliver} (a message from another
 * peer) is gathered in this peer's {@link Outbox} and written once at the end of the pass
 * ({@link #flushOutbox}), with whatever else the pass relayed to it. A peer with more than
 * {@link #MAX_PENDING_BYTES} unwritten is dropped rather than allowed to grow the server's memory
 * without bound.
 */
final class WebSocketPeer implements TcpConnection.Handler, MessageConsumer {
    /** What a server does with its connections' events; called on the loop thread. */
    interface Listener {
        /** The handshake succeeded: the peer takes messages from now on. */
        default void onOpen(WebSocketPeer peer) {
        }

        /**
         * A whole message arrived. {@code frame} is it as a server frame (header and payload,
         * position to limit), to pass to {@link #reply} or {@link #deliver}; valid only during the
         * call, and its position and limit must be left as they are (those methods do).
         *
         * @param opcode {@link WebSocketFrames#OP_TEXT} or {@link WebSocketFrames#OP_BINARY}
         */
        void onMessage(WebSocketPeer peer, int opcode, ByteBuffer frame);

        /** The peer left OPEN (closed, failed or dropped); once, and only after {@link #onOpen}. */
        default void onClose(WebSocketPeer peer) {
        }
    }

    /** A peer with more unwritten bytes than this is dropped. */
    static final int MAX_PENDING_BYTES = 4 * 1024 * 1024;
    /** The longest upgrade request head. */
    static final int MAX_HEAD_BYTES = 8 * 1024;
    /** Room kept before a gathered message for its frame header (the longest unmasked one). */
    private static final int HEADROOM = 10;
    private static final byte[] NO_REASON = new byte[0];

    private static final int HANDSHAKE = 0;
    private static final int OPEN = 1;
    private static final int CLOSING = 2;
    private static final int DRAINING = 3;
    private static final int CLOSED = 4;

    private final EventLoop loop;
    private final TcpConnection connection;
    private final Listener listener;
    private final long maxMessageBytes;
    private final WebSocketFrameDecoder decoder;
    private final WebSocketFrames frames = WebSocketFrames.server();
    private HandshakeRequestReader handshake = new HandshakeRequestReader(MAX_HEAD_BYTES);
    private int state = HANDSHAKE;
    private boolean closeAfterFlush;
    /** The message being read went over the limit (found on its first payload bytes). */
    private boolean tooBig;

    /** A slot the listener may use for its own bookkeeping (the chat relay's index); -1 when unused. */
    int slot = -1;
    /** Messages from other peers gathered during the pass ({@link #deliver}), written when it ends. */
    private final Outbox outbox;

    // The message being read: either one piece still in the read buffer, or gathered in `gathered`.
    private byte[] pieceArray;
    private int pieceFrom;
    private int pieceTo;
    private byte[] gathered;
    private ByteBuffer gatheredBuffer;
    private int gatheredLength;

    /**
     * @param maxMessageBytes the longest message accepted (all its fragments); longer ones close the
     *                        connection with 1009
     */
    WebSocketPeer(EventLoop loop, TcpConnection connection, int maxMessageBytes, Listener listener) {
        this.loop = loop;
        this.connection = connection;
        this.outbox = new Outbox(connection, this::flushOutbox);
        this.listener = listener;
        this.maxMessageBytes = maxMessageBytes;
        // The limit is checked here rather than by the decoder, which would fail for good: past a
        // 1009 the stream is still intact, and the client's close can be read and answered.
        this.decoder = WebSocketFrameDecoder.forServer(Long.MAX_VALUE, this);
    }

    @Override
    public void onConnected(long nowNs) {
        // accepted connections are open from the start
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        loop.writeBuffer().clear(); // this read's replies gather here
        if (state == HANDSHAKE) {
            handshake(in);
        }
        if (state == OPEN || state == CLOSING) {
            frames(in);
        } else {
            in.position(in.limit()); // DRAINING, or closed: nothing more is read
        }
        if (pieceArray != null && state == OPEN) {
            gatherPiece(); // the read buffer is reused: keep the unfinished message's bytes
        }
        ByteBuffer out = loop.writeBuffer();
        if (out.position() > 0 && connection.isOpen()) {
            flush();
        }
        if (closeAfterFlush) {
            closeAfterFlush = false;
            connection.closeWhenFlushed();
        }
    }

    private void handshake(ByteBuffer in) {
        int r = handshake.read(in);
        if (r == HandshakeRequestReader.NEED_MORE) {
            return;
        }
        if (r == HandshakeRequestReader.FAILED) {
            reply(ByteBuffer.wrap(handshake.rejection()));
            handshake = null;
            state = CLOSED;
            closeAfterFlush = true;
            return;
        }
        byte[] response = handshake.response();
        handshake = null;
        state = OPEN;
        listener.onOpen(this);
        reply(ByteBuffer.wrap(response));
    }

    private void frames(ByteBuffer in) {
        while (state == OPEN || state == CLOSING) {
            int event = decoder.decode(in);
            if (tooBig && state == OPEN) {
                sendClose(CloseStatus.TOO_BIG);
                leave(CLOSING);
            }
            switch (event) {
                case WebSocketFrameDecoder.NEED_MORE -> {
                    return;
                }
                case WebSocketFrameDecoder.MESSAGE -> {
                    if (state == OPEN) {
                        message(in);
                    }
                }
                case WebSocketFrameDecoder.PING -> {
                    ByteBuffer out = state == OPEN ? room(WebSocketFrames.MAX_CONTROL_PAYLOAD + 2) : null;
                    if (out != null) {
                        frames.frame(out, true, WebSocketFrames.OP_PONG, decoder.controlPayload(), 0,
                                decoder.controlLength());
                    }
                }
                case WebSocketFrameDecoder.PONG -> {
                    // unsolicited or not, a pong needs no answer
                }
                case WebSocketFrameDecoder.CLOSE -> {
                    if (state == OPEN) {
                        int code = decoder.closeCode();
                        sendClose(code == CloseStatus.NO_STATUS ? 0 : code);
                    }
                    leave(CLOSED);
                    closeAfterFlush = true; // the client sent its last frame: the server closes TCP first
                }
                default -> { // ERROR: the decoder consumed all of in, and cannot go on
                    if (state == OPEN) {
                        sendClose(decoder.errorCloseCode());
                    }
                    leave(DRAINING);
                }
            }
        }
    }

    /** Queues a close frame with that status code (0: none). */
    private void sendClose(int code) {
        ByteBuffer out = room(4);
        if (out == null) {
            return;
        }
        if (code == 0) {
            frames.close(out);
        } else {
            frames.close(out, code, NO_REASON);
        }
    }

    /** A whole message arrived: hand it to the listener as a server frame. */
    private void message(ByteBuffer in) {
        int opcode = decoder.messageOpcode();
        int length = (int) decoder.messageLength();
        int headerLength = WebSocketFrames.headerLength(length, false);
        if (pieceArray != null && pieceFrom - in.arrayOffset() >= headerLength) {
            // All of it is in the read buffer: the header goes just before it, over consumed bytes.
            int limit = in.limit();
            int position = in.position();
            int start = pieceFrom - in.arrayOffset() - headerLength;
            in.limit(pieceTo - in.arrayOffset()).position(start);
            WebSocketFrames.writeHeader(in, true, opcode, length, false, 0);
            in.position(start);
            pieceArray = null;
            listener.onMessage(this, opcode, in);
            in.limit(limit).position(position);
            return;
        }
        if (pieceArray != null) {
            gatherPiece();
        }
        ensureGathered(0);
        ByteBuffer frame = gatheredBuffer;
        frame.clear().position(HEADROOM - headerLength);
        WebSocketFrames.writeHeader(frame, true, opcode, length, false, 0);
        frame.limit(HEADROOM + gatheredLength).position(HEADROOM - headerLength);
        gatheredLength = 0;
        listener.onMessage(this, opcode, frame);
    }

    @Override
    public void begin(int opcode) {
        pieceArray = null;
        gatheredLength = 0;
    }

    @Override
    public void update(byte[] a, int from, int to) {
        if (state != OPEN || tooBig) {
            return; // closing: the payload is read past, not kept
        }
        if (decoder.messageLength() > maxMessageBytes) { // the length so far, this frame's included
            tooBig = true;
            pieceArray = null;
            return;
        }
        if (pieceArray == null && gatheredLength == 0) {
            pieceArray = a; // the first piece stays where it is, in the read buffer
            pieceFrom = from;
            pieceTo = to;
            return;
        }
        if (pieceArray != null) {
            gatherPiece();
        }
        gather(a, from, to);
    }

    private void gatherPiece() {
        byte[] a = pieceArray;
        pieceArray = null;
        gather(a, pieceFrom, pieceTo);
    }

    private void gather(byte[] a, int from, int to) {
        int n = to - from;
        ensureGathered(n);
        System.arraycopy(a, from, gathered, HEADROOM + gatheredLength, n);
        gatheredLength += n;
    }

    /** Makes room for {@code more} bytes after the gathered ones (the decoder bounds the total). */
    private void ensureGathered(int more) {
        int needed = HEADROOM + gatheredLength + more;
        if (gathered == null || gathered.length < needed) {
            long grown = gathered == null ? 256 : 2L * gathered.length;
            int capacity = (int) Math.min(Math.max(grown, needed), HEADROOM + maxMessageBytes);
            byte[] bigger = new byte[capacity];
            if (gathered != null) {
                System.arraycopy(gathered, HEADROOM, bigger, HEADROOM, gatheredLength);
            }
            gathered = bigger;
            gatheredBuffer = ByteBuffer.wrap(bigger);
        }
    }

    /**
     * Sends {@code frame} (position to limit) to this peer after whatever this read already
     * answered; only from this peer's own callbacks (it is written when the read is handled).
     * Leaves the frame's position as it was. False when the peer was dropped.
     */
    boolean reply(ByteBuffer frame) {
        if (!connection.isOpen()) {
            return false;
        }
        ByteBuffer out = loop.writeBuffer();
        if (frame.remaining() > out.remaining()) {
            if (!flush()) {
                return false;
            }
            if (frame.remaining() > out.remaining()) {
                return writeNow(frame);
            }
        }
        int position = frame.position();
        out.put(frame);
        frame.position(position);
        return true;
    }

    /**
     * Gathers {@code frame} (position to limit, which it leaves as it was), a message from another
     * peer, in this peer's outbox on {@code queue}, to be written by {@link #flushOutbox} when the
     * pass ends. Nothing for a peer that is not open; one that would have more than
     * {@link #MAX_PENDING_BYTES} unwritten is dropped (the listener's {@code onClose} runs).
     */
    void deliver(ByteBuffer frame, Outbox.Queue queue) {
        if (state == OPEN && !queue.add(outbox, frame, MAX_PENDING_BYTES)) {
            drop();
        }
    }

    /**
     * Writes what {@link #deliver} gathered in this pass, in one write. A peer that left OPEN in
     * the meantime gets none of it (nothing may follow a close frame); one whose write fails or
     * that falls too far behind is dropped.
     */
    private void flushOutbox() {
        if (state != OPEN) {
            outbox.clear();
        } else if (!outbox.write(MAX_PENDING_BYTES)) {
            drop();
        }
    }

    /** Writes a frame larger than the loop's write buffer at once; false when the peer was dropped. */
    private boolean writeNow(ByteBuffer frame) {
        int position = frame.position();
        boolean written = connection.write(frame);
        frame.position(position);
        if (!written || connection.pendingBytes() > MAX_PENDING_BYTES) {
            drop();
            return false;
        }
        return true;
    }

    /** The write buffer with at least {@code bytes} free (flushing it if needed), or null when dropped. */
    private ByteBuffer room(int bytes) {
        ByteBuffer out = loop.writeBuffer();
        if (out.remaining() < bytes && !flush()) {
            return null;
        }
        return connection.isOpen() ? out : null;
    }

    /** Writes what the loop's write buffer gathered for this peer; false when the peer was dropped. */
    private boolean flush() {
        ByteBuffer out = loop.writeBuffer();
        out.flip();
        boolean written = connection.write(out);
        out.clear();
        if (!written || connection.pendingBytes() > MAX_PENDING_BYTES) {
            drop();
            return false;
        }
        return true;
    }

    /** Closes the connection at once. */
    private void drop() {
        connection.close();
        closeAfterFlush = false;
        leave(CLOSED);
    }

    private void leave(int newState) {
        boolean wasOpen = state == OPEN;
        state = newState;
        pieceArray = null;
        if (wasOpen) {
            listener.onClose(this);
        }
    }

    @Override
    public void onEndOfInput(long nowNs) {
        connection.closeWhenFlushed();
        leave(CLOSED);
    }

    @Override
    public void onFailure(Failure failure, long nowNs) {
        leave(CLOSED);
    }
}
