package org.mangonel.protocol.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * XOR masking (RFC 6455 §5.3), in place, eight bytes at a time where it can. Masking and unmasking
 * are the same operation. Stateless; the caller carries the position in the key across calls.
 */
final class Masking {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Masking() {
    }

    /**
     * XORs {@code a[from, to)} with the key, the first byte with key byte {@code keyIndex} (0-3,
     * the most significant byte of {@code key} being byte 0). Returns the key index for the byte
     * after {@code to}.
     */
    static int mask(byte[] a, int from, int to, int key, int keyIndex) {
        int k = Integer.rotateLeft(key, 8 * keyIndex);
        int i = from;
        if (to - i >= 16) {
            long k8 = ((long) k << 32) | (k & 0xFFFFFFFFL);
            for (int end = to - 7; i < end; i += 8) {
                LONGS.set(a, i, (long) LONGS.get(a, i) ^ k8);
            }
        }
        for (; i < to; i++) {
            a[i] ^= (byte) (k >>> 24);
            k = Integer.rotateLeft(k, 8);
        }
        return (keyIndex + (to - from)) & 3;
    }

    /** The same for {@code buf[from, to)} (absolute indexes), for buffers with or without an array. */
    static void mask(ByteBuffer buf, int from, int to, int key) {
        if (buf.hasArray()) {
            int offset = buf.arrayOffset();
            mask(buf.array(), offset + from, offset + to, key, 0);
            return;
        }
        int i = from;
        long k8 = ((long) key << 32) | (key & 0xFFFFFFFFL);
        if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
            k8 = Long.reverseBytes(k8);
        }
        for (int end = to - 7; i < end; i += 8) {
            buf.putLong(i, buf.getLong(i) ^ k8);
        }
        int k = key;
        for (; i < to; i++) {
            buf.put(i, (byte) (buf.get(i) ^ (k >>> 24)));
            k = Integer.rotateLeft(k, 8);
        }
    }
}
