package org.mangonel.protocol.chat;

import java.nio.ByteBuffer;

/**
 * Splits received bytes into lines and recognises chat message lines in them (see
 * {@link ChatLines}). One per connection; allocation-free; fed whatever arrived, split anywhere.
 *
 * <pre>
 *   SEEK_MARKER ──"#mg "──▶ FIELDS (digits and spaces at fixed offsets) ──▶ PADDING ──LF──▶ MESSAGE
 *        │ LF                    │ a wrong byte: remember "damaged", go on to LF ─────────▶ CORRUPT
 *        ▼                       │ LF early, or a length other than the message size ──▶ CORRUPT
 *      OTHER (a line that is not a message: a welcome, a join announcement ...)
 *   a line longer than the limit ──▶ TOO_LONG (the connection should be dropped)
 * </pre>
 * A CR just before the LF is not part of the line.
 *
 * <p>A line that starts a buffer and ends in it (the usual case: a relay writes whole lines) is
 * checked in one go ({@link #wholeLine}: find the LF, the marker, then each field at its offset)
 * rather than byte by byte through the state machine, with the same verdicts; a line split
 * across reads, or longer than the limit, takes the state machine.
 */
public final class ChatLineDecoder {
    public static final int NEED_MORE = 0;
    public static final int MESSAGE = 1;
    public static final int OTHER = 2;
    public static final int CORRUPT = 3;
    public static final int TOO_LONG = 4;

    private final int messageSize;
    private final int maxLineBytes;

    private int lineBytes;
    private int markerMatched;
    private int at = -1;
    private boolean damaged;
    private boolean pendingCr;
    private long sender;
    private long seq;
    private long dueUs;
    private long sentUs;

    /**
     * @param messageSize  the length of a message from its marker to the end of its padding
     * @param maxLineBytes a line longer than this is TOO_LONG
     */
    public ChatLineDecoder(int messageSize, int maxLineBytes) {
        this.messageSize = messageSize;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Consumes bytes up to and including the end of the next complete line; returns what that
     * line was, or NEED_MORE when {@code buf} ran out first. The buffer must be backed by an
     * array (the event loop's read buffer is).
     */
    public int decode(ByteBuffer buf) {
        byte[] a = buf.array();
        int offset = buf.arrayOffset();
        int pos = offset + buf.position();
        int limit = offset + buf.limit();
        if (lineBytes == 0 && !pendingCr && messageSize > ChatLines.HEADER_BYTES) {
            // no further than a line within the limit (with its CR and LF) could reach
            int scanLimit = (int) Math.min(limit, pos + (long) maxLineBytes + 2);
            int lf = pos;
            while (lf < scanLimit && a[lf] != '\n') {
                lf++;
            }
            int end = lf > pos && lf < scanLimit && a[lf - 1] == '\r' ? lf - 1 : lf;
            if (lf < scanLimit && end - pos <= maxLineBytes) {
                buf.position(lf + 1 - offset);
                return wholeLine(a, pos, end);
            }
        }
        while (pos < limit) {
            byte b = a[pos++];
            if (b == '\n') {
                buf.position(pos - offset);
                int result = endOfLine();
                reset();
                return result;
            }
            if (pendingCr) {
                pendingCr = false;
                content((byte) '\r');
            }
            if (b == '\r') {
                pendingCr = true;
            } else {
                content(b);
            }
            if (lineBytes > maxLineBytes) {
                buf.position(pos - offset);
                reset();
                return TOO_LONG;
            }
        }
        buf.position(pos - offset);
        return NEED_MORE;
    }

    /**
     * The verdict on a whole line, {@code a[from, end)} (its terminator excluded), as the state
     * machine would give it: OTHER without a marker; MESSAGE when exactly the message size follows
     * the first marker, every field well formed; CORRUPT otherwise. Sets the fields of a MESSAGE.
     */
    private int wholeLine(byte[] a, int from, int end) {
        int m = marker(a, from, end);
        if (m < 0) {
            return OTHER;
        }
        if (end - m != messageSize) {
            return CORRUPT;
        }
        long s = digits(a, m + ChatLines.SENDER_AT, m + ChatLines.SEQ_AT - 1);
        long q = digits(a, m + ChatLines.SEQ_AT, m + ChatLines.DUE_AT - 1);
        long d = digits(a, m + ChatLines.DUE_AT, m + ChatLines.SENT_AT - 1);
        long t = digits(a, m + ChatLines.SENT_AT, m + ChatLines.PAD_AT - 1);
        if ((s | q | d | t) < 0 || a[m + ChatLines.SEQ_AT - 1] != ' ' || a[m + ChatLines.DUE_AT - 1] != ' '
                || a[m + ChatLines.SENT_AT - 1] != ' ' || a[m + ChatLines.PAD_AT - 1] != ' ') {
            return CORRUPT;
        }
        for (int i = m + ChatLines.PAD_AT; i < end; i++) {
            if (a[i] != 'x') {
                return CORRUPT;
            }
        }
        sender = s;
        seq = q;
        dueUs = d;
        sentUs = t;
        return MESSAGE;
    }

    /** Where the first marker in {@code a[from, end)} starts, or -1. */
    private static int marker(byte[] a, int from, int end) {
        for (int i = from; i + ChatLines.MARKER.length <= end; i++) {
            if (a[i] == '#' && a[i + 1] == 'm' && a[i + 2] == 'g' && a[i + 3] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The decimal number in {@code a[from, to)}, or -1 when a byte there is not a digit. */
    private static long digits(byte[] a, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            int digit = a[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            v = v * 10 + digit;
        }
        return v;
    }

    private void content(byte b) {
        lineBytes++;
        if (at < 0) {
            if (b == ChatLines.MARKER[markerMatched]) {
                if (++markerMatched == ChatLines.MARKER.length) {
                    at = ChatLines.MARKER.length;
                    damaged = false;
                    sender = 0;
                    seq = 0;
                    dueUs = 0;
                    sentUs = 0;
                }
            } else {
                markerMatched = b == ChatLines.MARKER[0] ? 1 : 0;
            }
            return;
        }
        int i = at++;
        if (i >= messageSize) {
            damaged = true;
        } else if (i < ChatLines.SEQ_AT - 1) {
            sender = digit(sender, b);
        } else if (i < ChatLines.DUE_AT - 1) {
            seq = i == ChatLines.SEQ_AT - 1 ? space(seq, b) : digit(seq, b);
        } else if (i < ChatLines.SENT_AT - 1) {
            dueUs = i == ChatLines.DUE_AT - 1 ? space(dueUs, b) : digit(dueUs, b);
        } else if (i < ChatLines.PAD_AT - 1) {
            sentUs = i == ChatLines.SENT_AT - 1 ? space(sentUs, b) : digit(sentUs, b);
        } else if (i == ChatLines.PAD_AT - 1) {
            space(0, b);
        } else if (b != 'x') {
            damaged = true;
        }
    }

    private long digit(long acc, byte b) {
        if (b < '0' || b > '9') {
            damaged = true;
            return acc;
        }
        return acc * 10 + (b - '0');
    }

    private long space(long acc, byte b) {
        if (b != ' ') {
            damaged = true;
        }
        return acc;
    }

    private int endOfLine() {
        if (at < 0) {
            return OTHER;
        }
        return !damaged && at == messageSize ? MESSAGE : CORRUPT;
    }

    private void reset() {
        lineBytes = 0;
        markerMatched = 0;
        at = -1;
        pendingCr = false;
    }

    /** The sender of the last MESSAGE. */
    public int sender() {
        return (int) sender;
    }

    public long seq() {
        return seq;
    }

    public long dueUs() {
        return dueUs;
    }

    public long sentUs() {
        return sentUs;
    }
}
