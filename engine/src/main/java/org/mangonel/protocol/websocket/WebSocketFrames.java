package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;

/**
 * Writes WebSocket frames (RFC 6455 §5.2) into a buffer. One per connection, used by the thread
 * that owns the connection; allocation-free after construction.
 *
 * <p>A {@link #client(long) client} masks every frame with a new key from its {@link MaskKeys}; a
 * {@link #server() server} never masks (the RFC requires both). The length uses the shortest of the
 * 7-bit, 16-bit and 64-bit forms.
 *
 * <h2>Use</h2>
 * <pre>
 *   frames.frame(out, true, OP_TEXT, bytes, 0, bytes.length);   // a payload that is in an array
 *
 *   frames.begin(out, true, OP_TEXT, n);                        // a payload written in place:
 *   ChatLines.encode(out, ...);                                 //   exactly n bytes, straight into out
 *   frames.end(out);                                            //   masks them there
 *
 *   frames.frame(out, true, OP_PONG, decoder.controlPayload(), 0, decoder.controlLength());
 *   frames.close(out, CloseStatus.NORMAL, reasonBytes);
 * </pre>
 * {@code out} must have room for {@link #frameLength(int)} bytes ({@link #begin} checks before
 * writing anything). A message too large for one
 * buffer is sent as several frames: the first with its opcode and {@code fin} false, then
 * {@link #OP_CONTINUATION} frames, the last with {@code fin} true.
 *
 * <p>Wrong arguments (an unknown opcode, a control frame over 125 bytes or not final, a payload
 * other than announced to {@link #begin}) are bugs in the caller and throw; nothing here depends on
 * what a peer sent.
 */
public final class WebSocketFrames {
    public static final int OP_CONTINUATION = 0x0;
    public static final int OP_TEXT = 0x1;
    public static final int OP_BINARY = 0x2;
    public static final int OP_CLOSE = 0x8;
    public static final int OP_PING = 0x9;
    public static final int OP_PONG = 0xA;
    /** The longest payload of a control frame (close, ping, pong). */
    public static final int MAX_CONTROL_PAYLOAD = 125;
    /** The longest frame header: 2 bytes, 8 of 64-bit length, 4 of masking key. */
    public static final int MAX_HEADER_BYTES = 14;
    /** The longest close reason, in bytes of UTF-8 (the status code takes 2 of the 125). */
    public static final int MAX_CLOSE_REASON = MAX_CONTROL_PAYLOAD - 2;

    private final MaskKeys keys;
    private int payloadStart = -1;
    private int payloadLength;
    private int pendingKey;

    private WebSocketFrames(MaskKeys keys) {
        this.keys = keys;
    }

    /** Frames as a client sends them: masked, keys from a generator seeded with {@code seed}. */
    public static WebSocketFrames client(long seed) {
        return new WebSocketFrames(new MaskKeys(seed));
    }

    /** Frames as a server sends them: not masked. */
    public static WebSocketFrames server() {
        return new WebSocketFrames(null);
    }

    /** Whether this encoder masks (it is a client's). */
    public boolean masks() {
        return keys != null;
    }

    /** Bytes a frame with that payload takes, header included, as this encoder writes it. */
    public int frameLength(int payloadLength) {
        return headerLength(payloadLength, keys != null) + payloadLength;
    }

    /** Writes one frame carrying {@code payload[from, to)}, masked if this is a client's encoder. */
    public void frame(ByteBuffer out, boolean fin, int opcode, byte[] payload, int from, int to) {
        begin(out, fin, opcode, to - from);
        out.put(payload, from, to - from);
        end(out);
    }

    /**
     * Writes the header of a frame whose {@code payloadLength} bytes the caller then puts into
     * {@code out} itself; {@link #end} must follow. Returns where the payload starts in {@code out}.
     */
    public int begin(ByteBuffer out, boolean fin, int opcode, int payloadLength) {
        if (payloadStart >= 0) {
            throw new IllegalStateException("begin() again before end()");
        }
        if (out.remaining() < frameLength(payloadLength)) {
            throw new java.nio.BufferOverflowException(); // before writing anything
        }
        int key = keys != null ? keys.next() : 0;
        writeHeader(out, fin, opcode, payloadLength, keys != null, key);
        payloadStart = out.position();
        this.payloadLength = payloadLength;
        pendingKey = key;
        return payloadStart;
    }

    /** Ends the frame {@link #begin} started: checks its length and masks its payload in place. */
    public void end(ByteBuffer out) {
        if (payloadStart < 0) {
            throw new IllegalStateException("end() without begin()");
        }
        int start = payloadStart;
        payloadStart = -1;
        if (out.position() - start != payloadLength) {
            throw new IllegalStateException("the frame announced " + payloadLength + " payload bytes, "
                    + (out.position() - start) + " were written");
        }
        if (keys != null) {
            Masking.mask(out, start, out.position(), pendingKey);
        }
    }

    /**
     * Writes a close frame with a status code and a reason.
     *
     * @param code   a code {@link CloseStatus#allowedOnTheWire allowed on the wire}
     * @param reason UTF-8, at most {@link #MAX_CLOSE_REASON} bytes (may be empty)
     */
    public void close(ByteBuffer out, int code, byte[] reason) {
        if (!CloseStatus.allowedOnTheWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent");
        }
        if (reason.length > MAX_CLOSE_REASON) {
            throw new IllegalArgumentException("close reason longer than " + MAX_CLOSE_REASON + " bytes");
        }
        begin(out, true, OP_CLOSE, 2 + reason.length);
        out.put((byte) (code >>> 8));
        out.put((byte) code);
        out.put(reason);
        end(out);
    }

    /** Writes a close frame without a status code (the peer sees {@link CloseStatus#NO_STATUS}). */
    public void close(ByteBuffer out) {
        begin(out, true, OP_CLOSE, 0);
        end(out);
    }

    /** Bytes a frame header takes for that payload length. */
    public static int headerLength(long payloadLength, boolean masked) {
        int n = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return masked ? n + 4 : n;
    }

    /**
     * Writes a frame header (the low-level form; {@link #begin} picks the key and checks the
     * payload). A masked frame's payload must then be masked with {@link #mask}.
     */
    public static void writeHeader(ByteBuffer out, boolean fin, int opcode, long payloadLength, boolean masked,
                                   int maskKey) {
        if (!knownOpcode(opcode)) {
            throw new IllegalArgumentException("unknown opcode " + opcode);
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length");
        }
        if (opcode >= OP_CLOSE && (!fin || payloadLength > MAX_CONTROL_PAYLOAD)) {
            throw new IllegalArgumentException("a control frame must be final and at most 125 bytes");
        }
        out.put((byte) ((fin ? 0x80 : 0) | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (payloadLength <= 125) {
            out.put((byte) (maskBit | (int) payloadLength));
        } else if (payloadLength <= 0xFFFF) {
            out.put((byte) (maskBit | 126));
            out.put((byte) (payloadLength >>> 8));
            out.put((byte) payloadLength);
        } else {
            out.put((byte) (maskBit | 127));
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.put((byte) (payloadLength >>> shift));
            }
        }
        if (masked) {
            out.put((byte) (maskKey >>> 24));
            out.put((byte) (maskKey >>> 16));
            out.put((byte) (maskKey >>> 8));
            out.put((byte) maskKey);
        }
    }

    /** Masks (or unmasks) {@code buf[from, to)} in place, absolute indexes, key byte 0 at {@code from}. */
    public static void mask(ByteBuffer buf, int from, int to, int maskKey) {
        Masking.mask(buf, from, to, maskKey);
    }

    /** Whether RFC 6455 defines the opcode (0-2, 8-10). */
    public static boolean knownOpcode(int opcode) {
        return (opcode >= OP_CONTINUATION && opcode <= OP_BINARY) || (opcode >= OP_CLOSE && opcode <= OP_PONG);
    }
}
