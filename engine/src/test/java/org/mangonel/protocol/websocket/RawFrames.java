package org.mangonel.protocol.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds frame bytes by hand, independently of {@link WebSocketFrames}, so that decoder tests do
 * not rely on the encoder (and can build frames the encoder refuses to write).
 */
final class RawFrames {
    static final int FIN = 0x80;
    /** Length forms for {@link #frame(int, Integer, byte[], int)}. */
    static final int SHORTEST = 0;
    static final int FORM_16 = 16;
    static final int FORM_64 = 64;

    private RawFrames() {
    }

    /** A frame: first byte as given (FIN, RSV, opcode), unmasked when {@code maskKey} is null. */
    static byte[] frame(int firstByte, Integer maskKey, byte[] payload, int lengthForm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = maskKey != null ? 0x80 : 0;
        long n = payload.length;
        int form = lengthForm != SHORTEST ? lengthForm : n <= 125 ? 7 : n <= 0xFFFF ? FORM_16 : FORM_64;
        if (form == 7) {
            out.write(maskBit | (int) n);
        } else if (form == FORM_16) {
            out.write(maskBit | 126);
            out.write((int) (n >>> 8) & 0xFF);
            out.write((int) n & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (n >>> shift) & 0xFF);
            }
        }
        byte[] body = payload.clone();
        if (maskKey != null) {
            byte[] key = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) (int) maskKey};
            out.write(key, 0, 4);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= key[i % 4];
            }
        }
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    static byte[] frame(int firstByte, Integer maskKey, byte[] payload) {
        return frame(firstByte, maskKey, payload, SHORTEST);
    }

    /** A frame masked (with a fixed key) when {@code masked}. */
    static byte[] frame(int firstByte, boolean masked, byte[] payload) {
        return frame(firstByte, masked ? 0x1A2B3C4D : null, payload, SHORTEST);
    }

    static byte[] frame(int firstByte, boolean masked, String utf8) {
        return frame(firstByte, masked, utf8(utf8));
    }

    /** A close payload: the code, then the reason's bytes. */
    static byte[] closePayload(int code, byte[] reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** {@code n} bytes of a fixed pseudo-random pattern. */
    static byte[] pattern(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }
}
