package org.mangonel.protocol.websocket;

/**
 * Incremental UTF-8 validator (RFC 3629): fed a text message in pieces split anywhere, even in the
 * middle of a character, it says as soon as a byte makes the message invalid. One per decoder, used
 * by the thread that owns the connection; allocation-free.
 *
 * <pre>
 *   ACCEPT ──00..7F──▶ ACCEPT
 *     │ C2..DF ─────────────────────────────────────▶ TAIL1 ──80..BF──▶ ACCEPT
 *     │ E1..EC, EE..EF ─────────────────────────────▶ TAIL2 ──80..BF──▶ TAIL1
 *     │ E0 ──▶ E0_SECOND ──A0..BF (no overlong) ────▶ TAIL1
 *     │ ED ──▶ ED_SECOND ──80..9F (no surrogate) ───▶ TAIL1
 *     │ F1..F3 ─────────────────────────────────────▶ TAIL3 ──80..BF──▶ TAIL2
 *     │ F0 ──▶ F0_SECOND ──90..BF (no overlong) ────▶ TAIL2
 *     │ F4 ──▶ F4_SECOND ──80..8F (max U+10FFFF) ───▶ TAIL2
 *     └ 80..C1, F5..FF ──▶ REJECT (sticky); so is any byte a state above does not list
 * </pre>
 * The text is valid when all of it was fed and the state is ACCEPT ({@link #complete()}).
 */
public final class Utf8Validator {
    private static final int ACCEPT = 0;
    private static final int TAIL1 = 1;
    private static final int TAIL2 = 2;
    private static final int TAIL3 = 3;
    private static final int E0_SECOND = 4;
    private static final int ED_SECOND = 5;
    private static final int F0_SECOND = 6;
    private static final int F4_SECOND = 7;
    private static final int REJECT = 8;
    private static final int STATES = 9;

    /** {@code NEXT[state * 256 + byte]}: the state after that byte. */
    private static final byte[] NEXT = new byte[STATES * 256];

    static {
        java.util.Arrays.fill(NEXT, (byte) REJECT);
        for (int b = 0x00; b <= 0x7F; b++) {
            set(ACCEPT, b, ACCEPT);
        }
        for (int b = 0xC2; b <= 0xDF; b++) {
            set(ACCEPT, b, TAIL1);
        }
        set(ACCEPT, 0xE0, E0_SECOND);
        for (int b = 0xE1; b <= 0xEF; b++) {
            set(ACCEPT, b, TAIL2);
        }
        set(ACCEPT, 0xED, ED_SECOND);
        set(ACCEPT, 0xF0, F0_SECOND);
        for (int b = 0xF1; b <= 0xF3; b++) {
            set(ACCEPT, b, TAIL3);
        }
        set(ACCEPT, 0xF4, F4_SECOND);
        for (int b = 0x80; b <= 0xBF; b++) {
            set(TAIL1, b, ACCEPT);
            set(TAIL2, b, TAIL1);
            set(TAIL3, b, TAIL2);
        }
        for (int b = 0xA0; b <= 0xBF; b++) {
            set(E0_SECOND, b, TAIL1);
        }
        for (int b = 0x80; b <= 0x9F; b++) {
            set(ED_SECOND, b, TAIL1);
        }
        for (int b = 0x90; b <= 0xBF; b++) {
            set(F0_SECOND, b, TAIL2);
        }
        for (int b = 0x80; b <= 0x8F; b++) {
            set(F4_SECOND, b, TAIL2);
        }
    }

    private static void set(int state, int b, int next) {
        NEXT[state * 256 + b] = (byte) next;
    }

    private int state = ACCEPT;

    /** Starts a new text. */
    public void reset() {
        state = ACCEPT;
    }

    /**
     * Feeds {@code a[from, to)}; false as soon as the text so far cannot be the start of valid
     * UTF-8 (and from then on, whatever is fed).
     */
    public boolean update(byte[] a, int from, int to) {
        int s = state;
        int i = from;
        while (i < to) {
            if (s == ACCEPT) {
                // ASCII runs are the common case: skip them without the table.
                while (i < to && a[i] >= 0) {
                    i++;
                }
                if (i == to) {
                    break;
                }
            }
            s = NEXT[(s << 8) | (a[i++] & 0xFF)];
            if (s == REJECT) {
                break;
            }
        }
        state = s;
        return s != REJECT;
    }

    /** Whether everything fed so far is valid UTF-8 that does not end inside a character. */
    public boolean complete() {
        return state == ACCEPT;
    }

    /** Whether {@code a[from, to)} is, on its own, valid UTF-8. */
    public static boolean isValid(byte[] a, int from, int to) {
        int s = ACCEPT;
        for (int i = from; i < to && s != REJECT; i++) {
            s = NEXT[(s << 8) | (a[i] & 0xFF)];
        }
        return s == ACCEPT;
    }
}
