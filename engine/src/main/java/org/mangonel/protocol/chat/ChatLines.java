package org.mangonel.protocol.chat;

import java.nio.ByteBuffer;
import java.util.Arrays;

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

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};

    private ChatLines() {
    }

    /**
     * Appends one message line to {@code out} (allocates its {@link Template}: for checks and
     * tests; a sender keeps a template).
     *
     * @param size       bytes before the terminator, at least {@link #HEADER_BYTES} + 1
     * @param terminator the line end to send
     */
    public static void encode(ByteBuffer out, int sender, long seq, long dueUs, long sentUs, int size,
                              byte[] terminator) {
        new Template(size, terminator).encode(out, sender, seq, dueUs, sentUs);
    }

    /**
     * A sender's message lines: the bytes that never change (marker, spaces, padding, terminator)
     * are written once, so that a message costs its 39 digits and one bulk copy into the output
     * buffer instead of a put per byte: 1.5x cheaper compiled, 3x in C1 and 10x in the interpreter,
     * where a client's send path runs for most of a run at a few messages a second (JMH,
     * {@code bench/}'s RequestEncoderBenchmark.chatLine). One thread's.
     */
    public static final class Template {
        private final byte[] line;

        /**
         * @param size       bytes before the terminator, at least {@link #HEADER_BYTES} + 1
         * @param terminator the line end to send
         */
        public Template(int size, byte[] terminator) {
            if (size <= HEADER_BYTES) {
                throw new IllegalArgumentException("a message line is longer than its " + HEADER_BYTES
                        + "-byte header: " + size);
            }
            line = new byte[size + terminator.length];
            Arrays.fill(line, 0, size, (byte) 'x');
            System.arraycopy(MARKER, 0, line, 0, MARKER.length);
            for (int at : new int[] {SEQ_AT - 1, DUE_AT - 1, SENT_AT - 1, PAD_AT - 1}) {
                line[at] = ' ';
            }
            System.arraycopy(terminator, 0, line, size, terminator.length);
        }

        /** Appends one message line to {@code out}. */
        public void encode(ByteBuffer out, int sender, long seq, long dueUs, long sentUs) {
            digits(SENDER_AT, sender, SEQ_AT - 1 - SENDER_AT);
            digits(SEQ_AT, seq, DUE_AT - 1 - SEQ_AT);
            digits(DUE_AT, dueUs, SENT_AT - 1 - DUE_AT);
            digits(SENT_AT, sentUs, PAD_AT - 1 - SENT_AT);
            out.put(line);
        }

        /** {@code value} modulo 10^width, zero-padded, at {@code at}. */
        private void digits(int at, long value, int width) {
            long v = Math.floorMod(value, POW10[width]);
            for (int i = at + width - 1; i >= at; i--) {
                line[i] = (byte) ('0' + (int) (v % 10));
                v /= 10;
            }
        }
    }
}
