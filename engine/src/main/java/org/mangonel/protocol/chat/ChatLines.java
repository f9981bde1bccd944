package org.mangonel.protocol.chat;

import java.nio.ByteBuffer;

/**
 * The chat message line: fixed-width fields after a marker, so that a receiver can recognise a
 * message anywhere in a relayed line (servers may prefix it with a nickname), check it was not
 * damaged, and know who sent it and when it was due, without any shared state or allocation.
 *
 * <pre>
 *   #mg SSSSSS QQQQQQQQQ DDDDDDDDDDDD TTTTTTTTTTTT xxxx…x   then the terminator (LF or CRLF)
 *   │   │      │         │            │            └ padding up to the message size
 *   │   │      │         │            └ when it was written, µs since the run's epoch
 *   │   │      │         └ when it was due, µs since the run's epoch
 *   │   │      └ the sender's sequence number
 *   │   └ the sender's client number
 *   └ marker
 * </pre>
 */
public final class ChatLines {
    /** Bytes before the padding. */
    public static final int HEADER_BYTES = 47;
    static final byte[] MARKER = {'#', 'm', 'g', ' '};
    static final int SENDER_AT = 4;
    static final int SEQ_AT = 11;
    static final int DUE_AT = 21;
    static final int SENT_AT = 34;
    static final int PAD_AT = 47;
    public static final int MAX_SENDER = 999_999;

    private ChatLines() {
    }

    /**
     * Appends one message line to {@code out}.
     *
     * @param size       bytes before the terminator, at least {@link #HEADER_BYTES} + 1
     * @param terminator the line end to send
     */
    public static void encode(ByteBuffer out, int sender, long seq, long dueUs, long sentUs, int size,
                              byte[] terminator) {
        out.put(MARKER);
        digits(out, sender, 6);
        out.put((byte) ' ');
        digits(out, seq, 9);
        out.put((byte) ' ');
        digits(out, dueUs, 12);
        out.put((byte) ' ');
        digits(out, sentUs, 12);
        out.put((byte) ' ');
        for (int i = PAD_AT; i < size; i++) {
            out.put((byte) 'x');
        }
        out.put(terminator);
    }

    private static void digits(ByteBuffer out, long value, int width) {
        long v = Math.floorMod(value, pow10(width));
        int start = out.position();
        for (int i = width - 1; i >= 0; i--) {
            out.put(start + i, (byte) ('0' + (v % 10)));
            v /= 10;
        }
        out.position(start + width);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
