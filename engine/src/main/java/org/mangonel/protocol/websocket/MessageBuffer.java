package org.mangonel.protocol.websocket;

import java.nio.charset.StandardCharsets;

/**
 * A {@link MessageConsumer} that keeps the message, up to a capacity fixed at construction (for an
 * echo server, or a client that checks whole messages). One per connection, used by the thread that
 * owns it; allocation-free after construction.
 *
 * <p>Bytes past the capacity are dropped and {@link #truncated()} says so; give it the decoder's
 * message limit as capacity to keep every message whole.
 */
public final class MessageBuffer implements MessageConsumer {
    private final byte[] bytes;
    private int length;
    private int opcode;
    private boolean truncated;

    public MessageBuffer(int capacity) {
        this.bytes = new byte[capacity];
    }

    @Override
    public void begin(int opcode) {
        this.opcode = opcode;
        length = 0;
        truncated = false;
    }

    @Override
    public void update(byte[] a, int from, int to) {
        int n = Math.min(to - from, bytes.length - length);
        System.arraycopy(a, from, bytes, length, n);
        length += n;
        truncated |= n < to - from;
    }

    /** The kept bytes are {@code array()[0, length())}. */
    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** The opcode of the current message (text or binary). */
    public int opcode() {
        return opcode;
    }

    /** Whether the message was longer than the capacity (only its start was kept). */
    public boolean truncated() {
        return truncated;
    }

    /** The kept bytes as text (allocates; for tests and logs). */
    public String text() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
