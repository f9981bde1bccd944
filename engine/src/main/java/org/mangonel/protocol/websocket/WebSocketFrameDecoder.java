package org.mangonel.protocol.websocket;

import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CLOSE;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CONTINUATION;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_PING;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_TEXT;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Incremental WebSocket frame decoder (RFC 6455 §5), for either end of a connection. One instance
 * per connection, used by the thread that owns the connection (its event loop); allocation-free
 * after construction. Fed whatever arrived, split anywhere; reports one event at a time.
 *
 * <h2>Use</h2>
 * <pre>
 *   while (buf.hasRemaining()) {
 *       switch (decoder.decode(buf)) {
 *           case NEED_MORE -&gt; { }  // all of buf was consumed: read more
 *           case MESSAGE   -&gt; { }  // a whole message: messageOpcode(), messageLength(); the consumer saw its bytes
 *           case PING      -&gt; { }  // answer with a pong carrying controlPayload()[0, controlLength())
 *           case PONG      -&gt; { }  // controlPayload() is what the matching ping carried
 *           case CLOSE     -&gt; { }  // closeCode(), closeReason(): answer with a close frame, then close
 *           case ERROR     -&gt; { }  // error() says why; send a close with errorCloseCode(), then close
 *       }
 *   }
 *   decoder.endOfInput();  // on EOF: CLOSE if a close frame came first, else ERROR
 * </pre>
 * After an event, {@code buf}'s position is just past the frame that completed it (more frames may
 * follow). After ERROR, all of {@code buf} counts as consumed and the decoder stays failed. After
 * CLOSE the peer may send nothing more: more bytes are an ERROR.
 *
 * <h2>States</h2>
 * <pre>
 *   HEAD0 ─FIN, RSV, opcode─▶ HEAD1 ─MASK, 7-bit length─┬─ 0..125 ───────────────────┐
 *                                                     ├─ 126 ─▶ LENGTH (2 bytes) ─┤
 *                                                     └─ 127 ─▶ LENGTH (8 bytes) ─┤
 *                         masked (server role): MASK_KEY (4 bytes) ◀──────────────┤
 *                                                     │                           │ unmasked (client role)
 *                                                     ▼                           ▼
 *                    data frame: DATA (streamed to the consumer)   control frame: CONTROL (kept, ≤ 125 bytes)
 *                      FIN=0 ─▶ HEAD0 (the message goes on)          ping ─▶ PING, HEAD0
 *                      FIN=1 ─▶ MESSAGE, HEAD0                       pong ─▶ PONG, HEAD0
 *                                                                    close ─▶ CLOSE, CLOSED
 *   any broken rule ─▶ ERROR, FAILED (for good)
 * </pre>
 * A message in progress survives control frames between its fragments (§5.4): a PING can be
 * reported, and answered, in the middle of a fragmented message.
 *
 * <h2>Errors</h2>
 * Each is one of the {@code E_} constants: reserved bits set (no extension is ever negotiated),
 * a reserved opcode, a control frame fragmented or over 125 bytes, a continuation with no message
 * to continue, a new message before the last one ended, a 64-bit length with its top bit set, a
 * frame masked (or not) against the role, a message over the limit (checked from the frame header,
 * before any of its payload is read, so a huge length costs nothing), a close payload of one
 * byte, a close code not allowed on the wire ({@link CloseStatus}), text or a close reason that is
 * not valid UTF-8 (checked incrementally, across fragments and reads, by {@link Utf8Validator}:
 * RFC 6455 §8.1 requires failing the connection), and bytes after a close frame. Non-minimal length
 * encodings (a 16- or 64-bit length that would have fit in a shorter form) are accepted.
 *
 * <p>A masked payload is unmasked in place, in the caller's buffer: after decode the bytes of the
 * frames it consumed are the plain payload.
 */
public final class WebSocketFrameDecoder {
    /** All of the buffer was consumed; no event is complete. Read more. */
    public static final int NEED_MORE = 0;
    /** A whole text or binary message arrived. */
    public static final int MESSAGE = 1;
    /** A ping arrived; answer it with a pong carrying the same payload. */
    public static final int PING = 2;
    /** A pong arrived. */
    public static final int PONG = 3;
    /** A close frame arrived; nothing may follow it. */
    public static final int CLOSE = 4;
    /** The peer broke the protocol or a limit; see {@link #error()}. The connection is unusable. */
    public static final int ERROR = 5;

    public static final String E_RESERVED_BITS = "frame with reserved bits (RSV1-3) set, but no extension was negotiated";
    public static final String E_OPCODE = "frame with a reserved opcode (3-7 or 11-15)";
    public static final String E_CONTROL_FRAGMENTED = "fragmented control frame (FIN not set on a close, ping or pong)";
    public static final String E_CONTROL_TOO_LONG = "control frame with a payload over 125 bytes";
    public static final String E_CONTINUATION = "continuation frame without a message to continue";
    public static final String E_DATA_IN_MESSAGE = "new text or binary frame before the fragmented message in progress ended";
    public static final String E_LENGTH = "64-bit payload length with the most significant bit set";
    public static final String E_UNMASKED = "unmasked frame from a client (a client must mask every frame)";
    public static final String E_MASKED = "masked frame from a server (a server must not mask)";
    public static final String E_TOO_LARGE = "message longer than the limit";
    public static final String E_CLOSE_LENGTH = "close frame with a 1-byte payload (a status code takes 2)";
    public static final String E_CLOSE_CODE = "close frame with a status code that is not allowed on the wire";
    public static final String E_UTF8 = "text message that is not valid UTF-8";
    public static final String E_CLOSE_UTF8 = "close reason that is not valid UTF-8";
    public static final String E_AFTER_CLOSE = "bytes after the close frame";
    public static final String E_EOF_IN_MESSAGE = "connection closed in the middle of a frame or message";
    public static final String E_EOF = "connection closed without a close frame";

    private static final int HEAD0 = 0;
    private static final int HEAD1 = 1;
    private static final int LENGTH = 2;
    private static final int MASK_KEY = 3;
    private static final int DATA = 4;
    private static final int CONTROL = 5;
    private static final int CLOSED = 6;
    private static final int FAILED = 7;

    private final boolean server;
    private final long maxMessageBytes;
    private final byte[] control = new byte[WebSocketFrames.MAX_CONTROL_PAYLOAD];
    private final Utf8Validator utf8 = new Utf8Validator();
    private MessageConsumer consumer;

    private int state = HEAD0;
    private String error;
    private int errorCloseCode;
    /** Where the last decode stopped (exclusive), as an array index. */
    private int consumedTo;

    // The frame being read.
    private boolean fin;
    private int opcode;
    private boolean masked;
    private int lengthBytesLeft;
    private long payloadLength;
    private long remaining;
    private int maskKey;
    private int maskBytesLeft;
    private int keyIndex;
    private int controlLength;

    // The message being read (possibly over several frames).
    private boolean inMessage;
    private int messageOpcode;
    private long messageLength;
    private int messageFrames;
    private int closeCode;

    private WebSocketFrameDecoder(boolean server, long maxMessageBytes, MessageConsumer consumer) {
        if (maxMessageBytes < 0) {
            throw new IllegalArgumentException("negative message limit");
        }
        this.server = server;
        this.maxMessageBytes = maxMessageBytes;
        this.consumer = consumer;
    }

    /**
     * A decoder for a client: reads a server's frames, which must not be masked.
     *
     * @param maxMessageBytes the longest message (all its fragments) accepted
     * @param consumer        receives message payloads, or null to only count them
     */
    public static WebSocketFrameDecoder forClient(long maxMessageBytes, MessageConsumer consumer) {
        return new WebSocketFrameDecoder(false, maxMessageBytes, consumer);
    }

    /**
     * A decoder for a server: reads a client's frames, which must be masked, and unmasks them.
     *
     * @param maxMessageBytes the longest message (all its fragments) accepted
     * @param consumer        receives message payloads, or null to only count them
     */
    public static WebSocketFrameDecoder forServer(long maxMessageBytes, MessageConsumer consumer) {
        return new WebSocketFrameDecoder(true, maxMessageBytes, consumer);
    }

    /** Sets who receives the payload of the messages that start from now on (null: nobody). */
    public void consumer(MessageConsumer messageConsumer) {
        this.consumer = messageConsumer;
    }

    /** Forgets everything, for a new connection. */
    public void reset() {
        state = HEAD0;
        error = null;
        errorCloseCode = 0;
        inMessage = false;
        messageOpcode = 0;
        messageLength = 0;
        messageFrames = 0;
        controlLength = 0;
        closeCode = 0;
    }

    /**
     * Consumes bytes from {@code buf}'s position up to the end of the next event (see the class
     * comment). The buffer must be backed by an array (the event loop's read buffer is; tests wrap
     * arrays); masked payload is unmasked in it.
     */
    public int decode(ByteBuffer buf) {
        int offset = buf.arrayOffset();
        int result = decode(buf.array(), offset + buf.position(), offset + buf.limit());
        buf.position(consumedTo - offset);
        return result;
    }

    private int decode(byte[] a, int pos, int limit) {
        for (;;) {
            switch (state) {
                case DATA -> {
                    if (remaining > 0) {
                        if (pos == limit) {
                            return needMore(pos);
                        }
                        int end = pos + (int) Math.min(remaining, limit - pos);
                        if (masked) {
                            keyIndex = Masking.mask(a, pos, end, maskKey, keyIndex);
                        }
                        if (messageOpcode == OP_TEXT && !utf8.update(a, pos, end)) {
                            return fail(limit, E_UTF8, CloseStatus.INVALID_PAYLOAD);
                        }
                        if (consumer != null) {
                            consumer.update(a, pos, end);
                        }
                        remaining -= end - pos;
                        pos = end;
                        if (remaining > 0) {
                            return needMore(pos);
                        }
                    }
                    state = HEAD0;
                    if (fin) {
                        if (messageOpcode == OP_TEXT && !utf8.complete()) {
                            return fail(limit, E_UTF8, CloseStatus.INVALID_PAYLOAD);
                        }
                        inMessage = false;
                        consumedTo = pos;
                        return MESSAGE;
                    }
                }
                case CONTROL -> {
                    if (remaining > 0) {
                        if (pos == limit) {
                            return needMore(pos);
                        }
                        int n = (int) Math.min(remaining, limit - pos);
                        System.arraycopy(a, pos, control, controlLength, n);
                        if (masked) {
                            keyIndex = Masking.mask(control, controlLength, controlLength + n, maskKey, keyIndex);
                        }
                        controlLength += n;
                        remaining -= n;
                        pos += n;
                        if (remaining > 0) {
                            return needMore(pos);
                        }
                    }
                    int event = endOfControlFrame();
                    if (event == ERROR) {
                        return fail(limit, error, errorCloseCode);
                    }
                    consumedTo = pos;
                    return event;
                }
                case CLOSED -> {
                    return pos < limit ? fail(limit, E_AFTER_CLOSE, CloseStatus.PROTOCOL_ERROR) : needMore(pos);
                }
                case FAILED -> {
                    consumedTo = limit;
                    return ERROR;
                }
                default -> {
                    if (pos == limit) {
                        return needMore(pos);
                    }
                    if (!headerByte(a[pos++])) {
                        return fail(limit, error, errorCloseCode);
                    }
                }
            }
        }
    }

    private int needMore(int pos) {
        consumedTo = pos;
        return NEED_MORE;
    }

    private int fail(int limit, String why, int closeStatus) {
        error = why;
        errorCloseCode = closeStatus;
        state = FAILED;
        consumedTo = limit;
        return ERROR;
    }

    /** Records why the frame is wrong; false, for the caller to return. */
    private boolean broken(String why, int closeStatus) {
        error = why;
        errorCloseCode = closeStatus;
        return false;
    }

    private boolean broken(String why) {
        return broken(why, CloseStatus.PROTOCOL_ERROR);
    }

    /** One byte of a frame header; false when it breaks the protocol. */
    private boolean headerByte(byte b) {
        switch (state) {
            case HEAD0 -> {
                fin = b < 0;
                if ((b & 0x70) != 0) {
                    return broken(E_RESERVED_BITS);
                }
                opcode = b & 0x0F;
                if (!WebSocketFrames.knownOpcode(opcode)) {
                    return broken(E_OPCODE);
                }
                if (opcode >= OP_CLOSE) {
                    if (!fin) {
                        return broken(E_CONTROL_FRAGMENTED);
                    }
                } else if (opcode == OP_CONTINUATION) {
                    if (!inMessage) {
                        return broken(E_CONTINUATION);
                    }
                } else if (inMessage) {
                    return broken(E_DATA_IN_MESSAGE);
                }
                state = HEAD1;
                return true;
            }
            case HEAD1 -> {
                masked = b < 0;
                if (masked != server) {
                    return broken(server ? E_UNMASKED : E_MASKED);
                }
                int length7 = b & 0x7F;
                if (opcode >= OP_CLOSE && length7 > WebSocketFrames.MAX_CONTROL_PAYLOAD) {
                    return broken(E_CONTROL_TOO_LONG);
                }
                payloadLength = 0;
                if (length7 == 126) {
                    lengthBytesLeft = 2;
                    state = LENGTH;
                    return true;
                }
                if (length7 == 127) {
                    lengthBytesLeft = 8;
                    state = LENGTH;
                    return true;
                }
                payloadLength = length7;
                return lengthKnown();
            }
            case LENGTH -> {
                if (lengthBytesLeft == 8 && b < 0) {
                    return broken(E_LENGTH);
                }
                payloadLength = (payloadLength << 8) | (b & 0xFF);
                return --lengthBytesLeft > 0 || lengthKnown();
            }
            case MASK_KEY -> {
                maskKey = (maskKey << 8) | (b & 0xFF);
                if (--maskBytesLeft == 0) {
                    startPayload();
                }
                return true;
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    private boolean lengthKnown() {
        if (opcode < OP_CLOSE) {
            long before = opcode == OP_CONTINUATION ? messageLength : 0;
            if (payloadLength > maxMessageBytes - before) {
                return broken(E_TOO_LARGE, CloseStatus.TOO_BIG);
            }
        }
        if (masked) {
            maskKey = 0;
            maskBytesLeft = 4;
            state = MASK_KEY;
        } else {
            startPayload();
        }
        return true;
    }

    private void startPayload() {
        remaining = payloadLength;
        keyIndex = 0;
        if (opcode >= OP_CLOSE) {
            controlLength = 0;
            state = CONTROL;
            return;
        }
        if (opcode != OP_CONTINUATION) {
            inMessage = true;
            messageOpcode = opcode;
            messageLength = 0;
            messageFrames = 0;
            utf8.reset();
            if (consumer != null) {
                consumer.begin(opcode);
            }
        }
        messageLength += payloadLength;
        messageFrames++;
        state = DATA;
    }

    /** The event a complete control frame makes, or ERROR (with the reason recorded). */
    private int endOfControlFrame() {
        if (opcode == OP_PING) {
            state = HEAD0;
            return PING;
        }
        if (opcode != OP_CLOSE) {
            state = HEAD0;
            return PONG;
        }
        if (controlLength == 0) {
            closeCode = CloseStatus.NO_STATUS;
        } else if (controlLength == 1) {
            broken(E_CLOSE_LENGTH);
            return ERROR;
        } else {
            closeCode = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
            if (!CloseStatus.allowedOnTheWire(closeCode)) {
                broken(E_CLOSE_CODE);
                return ERROR;
            }
            if (!Utf8Validator.isValid(control, 2, controlLength)) {
                broken(E_CLOSE_UTF8, CloseStatus.INVALID_PAYLOAD);
                return ERROR;
            }
        }
        state = CLOSED;
        return CLOSE;
    }

    /**
     * The connection reached end of input: CLOSE when a close frame came before (a clean end), else
     * ERROR ({@link #E_EOF}, or {@link #E_EOF_IN_MESSAGE} when it cut a frame or message short).
     */
    public int endOfInput() {
        if (state == CLOSED) {
            return CLOSE;
        }
        if (state == FAILED) {
            return ERROR;
        }
        return fail(0, state != HEAD0 || inMessage ? E_EOF_IN_MESSAGE : E_EOF, CloseStatus.ABNORMAL);
    }

    /** Whether part of a frame or of a fragmented message was read and the rest has not come yet. */
    public boolean midMessage() {
        return state != CLOSED && state != FAILED && (state != HEAD0 || inMessage);
    }

    /** The last message's opcode: {@link WebSocketFrames#OP_TEXT} or {@link WebSocketFrames#OP_BINARY}. */
    public int messageOpcode() {
        return messageOpcode;
    }

    /** The last message's payload length, all its fragments together. */
    public long messageLength() {
        return messageLength;
    }

    /** How many frames the last message came in. */
    public int messageFrames() {
        return messageFrames;
    }

    /** The payload of the last ping, pong or close is {@code controlPayload()[0, controlLength())}; do not change it. */
    public byte[] controlPayload() {
        return control;
    }

    public int controlLength() {
        return controlLength;
    }

    /** The last close frame's status code, {@link CloseStatus#NO_STATUS} when it carried none. */
    public int closeCode() {
        return closeCode;
    }

    /** The last close frame's reason (allocates: a close comes once per connection). */
    public String closeReason() {
        return controlLength <= 2 ? "" : new String(control, 2, controlLength - 2, StandardCharsets.UTF_8);
    }

    /** Why the last call returned ERROR (one of the {@code E_} constants), or null. */
    public String error() {
        return error;
    }

    /**
     * The status code to send in the close frame that answers an ERROR: {@link CloseStatus#TOO_BIG},
     * {@link CloseStatus#INVALID_PAYLOAD} or {@link CloseStatus#PROTOCOL_ERROR}
     * ({@link CloseStatus#ABNORMAL} after {@link #endOfInput()}: nothing to send then).
     */
    public int errorCloseCode() {
        return errorCloseCode;
    }
}
