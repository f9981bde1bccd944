package org.mangonel.protocol.websocket;

/**
 * Receives the payload of data messages as it streams through a {@link WebSocketFrameDecoder},
 * unmasked, fragment after fragment, without the decoder keeping it. One per connection (it holds
 * the progress of the current message), called on the thread that owns the connection.
 *
 * <p>The decoder validates text before handing it over, so a consumer never sees bytes that make
 * a text message invalid UTF-8; a message can still end in ERROR after some of it was delivered
 * (cut short, too long, a protocol error later on), which the caller learns from the decoder.
 */
public interface MessageConsumer {
    /** A new message starts; {@code opcode} is {@link WebSocketFrames#OP_TEXT} or {@link WebSocketFrames#OP_BINARY}. */
    void begin(int opcode);

    /**
     * The next payload bytes, {@code a[from, to)}. The array is the caller's read buffer: copy what
     * must outlive the call.
     */
    void update(byte[] a, int from, int to);
}
