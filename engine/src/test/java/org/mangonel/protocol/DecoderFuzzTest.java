package org.mangonel.protocol;

import org.mangonel.protocol.chat.ChatLineDecoder;
import org.mangonel.protocol.chat.ChatLines;
import org.mangonel.protocol.http.BodyMatcher;
import org.mangonel.protocol.http.HttpResponseDecoder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated input, split anywhere: the decoders never throw, never spin, and always end
 * in a result. Seeded, so a failure is reproducible; the seed is in the message.
 */
class DecoderFuzzTest {
    private static final String[] RESPONSES = {
        "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nHello\r\n0\r\nT: 1\r\n\r\n",
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
        "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n",
        "HTTP/1.0 200 OK\r\n\r\nuntil the end",
        "HTTP/1.1 500 Oops\r\nConnection: close\r\nContent-Length: 4\r\n\r\noops",
        "HTTP/1.1 200 OK\r\nX-Fold: a\r\n b\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5 ; a=\"q\\\"x\" ;b\r\nHello\r\n0;z\r\nT: 1\r\n\r\n",
    };

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(6)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> {
                int at = r.nextInt(b.length);
                byte[] extra = new byte[1 + r.nextInt(20)];
                r.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 2 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case 3 -> {
                int from = r.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + r.nextInt(10));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                b = out;
            }
            case 4 -> {
                b = new byte[r.nextInt(300)];
                r.nextBytes(b);
            }
            default -> {
                // unchanged
            }
        }
        return b;
    }

    @Test
    void httpDecoderAlwaysEndsInAResult() {
        long seed = 20261127L;
        Random r = new Random(seed);
        for (int iteration = 0; iteration < 30_000; iteration++) {
            byte[] input = mutate(RESPONSES[r.nextInt(RESPONSES.length)].getBytes(StandardCharsets.ISO_8859_1), r);
            HttpResponseDecoder d = new HttpResponseDecoder(256, 64);
            d.begin(r.nextInt(10) == 0, r.nextBoolean() ? BodyMatcher.containing("lo".getBytes()) : null);
            int pos = 0;
            int calls = 0;
            int completes = 0;
            int result = HttpResponseDecoder.NEED_MORE;
            String where = "seed " + seed + ", iteration " + iteration;
            while (pos < input.length && result != HttpResponseDecoder.ERROR) {
                int n = 1 + r.nextInt(Math.max(1, input.length - pos));
                ByteBuffer buf = ByteBuffer.wrap(input, pos, Math.min(n, input.length - pos));
                while (buf.hasRemaining()) {
                    int before = buf.position();
                    result = d.decode(buf);
                    assertTrue(++calls <= 4 * input.length + 10, "no progress: " + where);
                    if (result == HttpResponseDecoder.ERROR) {
                        assertTrue(d.error() != null, where);
                        break;
                    }
                    if (result == HttpResponseDecoder.COMPLETE) {
                        completes++;
                        assertTrue(d.status() >= 100 && d.status() <= 999, where);
                        d.begin(false, null);
                    } else {
                        assertEquals(buf.limit(), buf.position(), "NEED_MORE consumes everything: " + where);
                    }
                    assertTrue(buf.position() > before || result == HttpResponseDecoder.COMPLETE, where);
                }
                pos += n;
            }
            if (result != HttpResponseDecoder.ERROR) {
                int end = d.endOfInput();
                assertTrue(end == HttpResponseDecoder.COMPLETE || end == HttpResponseDecoder.ERROR, where);
            }
            assertTrue(completes <= input.length, where);
        }
    }

    @Test
    void chatDecoderAlwaysEndsInAResult() {
        long seed = 1127L;
        Random r = new Random(seed);
        ByteBuffer good = ByteBuffer.allocate(100);
        ChatLines.encode(good, 3, 4, 5, 6, 64, new byte[] {'\n'});
        byte[] message = java.util.Arrays.copyOf(good.array(), good.position());
        for (int iteration = 0; iteration < 30_000; iteration++) {
            byte[] input = mutate(r.nextBoolean() ? message : "* hello\r\n".getBytes(), r);
            ChatLineDecoder d = new ChatLineDecoder(64, 200);
            int lines = 0;
            int lfs = 0;
            for (byte b : input) {
                lfs += b == '\n' ? 1 : 0;
            }
            String where = "seed " + seed + ", iteration " + iteration;
            int pos = 0;
            int calls = 0;
            while (pos < input.length) {
                int n = 1 + r.nextInt(input.length - pos);
                ByteBuffer buf = ByteBuffer.wrap(input, pos, n);
                while (buf.hasRemaining()) {
                    int result = d.decode(buf);
                    assertTrue(++calls <= input.length + 10, "no progress: " + where);
                    if (result != ChatLineDecoder.NEED_MORE && result != ChatLineDecoder.TOO_LONG) {
                        lines++;
                    }
                }
                pos += n;
            }
            assertTrue(lines == lfs, "one result per line end: " + where);
        }
    }
}
