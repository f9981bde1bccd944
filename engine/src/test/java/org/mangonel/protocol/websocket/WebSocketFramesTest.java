package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mangonel.protocol.websocket.RawFrames.bytes;
import static org.mangonel.protocol.websocket.RawFrames.concat;
import static org.mangonel.protocol.websocket.RawFrames.pattern;
import static org.mangonel.protocol.websocket.RawFrames.utf8;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_BINARY;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CLOSE;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CONTINUATION;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_PING;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_PONG;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_TEXT;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The encoder, byte for byte against RFC 6455 §5.7, and against the decoder. */
class WebSocketFramesTest {
    private static byte[] written(ByteBuffer out) {
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void rfcExamplesFromAServer() {
        WebSocketFrames server = WebSocketFrames.server();
        ByteBuffer out = ByteBuffer.allocate(100);
        server.frame(out, true, OP_TEXT, utf8("Hello"), 0, 5);
        assertArrayEquals(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), written(out));

        out.clear();
        server.frame(out, false, OP_TEXT, utf8("Hel"), 0, 3);
        server.frame(out, true, OP_CONTINUATION, utf8("lo"), 0, 2);
        assertArrayEquals(bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f), written(out));

        out.clear();
        server.frame(out, true, OP_PING, utf8("Hello"), 0, 5);
        assertArrayEquals(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), written(out));
    }

    @Test
    void rfcMaskedExamplesWithTheirKey() {
        ByteBuffer out = ByteBuffer.allocate(100);
        WebSocketFrames.writeHeader(out, true, OP_TEXT, 5, true, 0x37fa213d);
        int start = out.position();
        out.put(utf8("Hello"));
        WebSocketFrames.mask(out, start, out.position(), 0x37fa213d);
        assertArrayEquals(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58), written(out));

        out.clear();
        WebSocketFrames.writeHeader(out, true, OP_PONG, 5, true, 0x37fa213d);
        start = out.position();
        out.put(utf8("Hello"));
        WebSocketFrames.mask(out, start, out.position(), 0x37fa213d);
        assertArrayEquals(bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58), written(out));
    }

    @Test
    void rfcLengthExamples() {
        ByteBuffer out = ByteBuffer.allocate(70_000);
        WebSocketFrames.server().frame(out, true, OP_BINARY, new byte[256], 0, 256);
        assertArrayEquals(bytes(0x82, 0x7E, 0x01, 0x00), Arrays.copyOf(out.array(), 4));
        assertEquals(4 + 256, out.position());
        out.clear();
        WebSocketFrames.server().frame(out, true, OP_BINARY, new byte[65536], 0, 65536);
        assertArrayEquals(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), Arrays.copyOf(out.array(), 10));
        assertEquals(10 + 65536, out.position());
    }

    @Test
    void headerLengthsAtTheFormBoundaries() {
        int[][] cases = {{0, 2}, {125, 2}, {126, 4}, {65535, 4}, {65536, 10}, {100_000, 10}};
        for (int[] c : cases) {
            for (boolean client : new boolean[] {false, true}) {
                WebSocketFrames frames = client ? WebSocketFrames.client(1) : WebSocketFrames.server();
                int header = c[1] + (client ? 4 : 0);
                assertEquals(header, WebSocketFrames.headerLength(c[0], client));
                assertEquals(header + c[0], frames.frameLength(c[0]));
                ByteBuffer out = ByteBuffer.allocate(header + c[0]);
                frames.frame(out, true, OP_BINARY, new byte[c[0]], 0, c[0]);
                assertEquals(out.capacity(), out.position(), c[0] + " bytes, client " + client);
            }
        }
    }

    @Test
    void clientFramesAreMaskedWithANewKeyEachServerFramesAreNot() {
        WebSocketFrames client = WebSocketFrames.client(42);
        assertTrue(client.masks());
        ByteBuffer out = ByteBuffer.allocate(100);
        client.frame(out, true, OP_TEXT, utf8("same"), 0, 4);
        client.frame(out, true, OP_TEXT, utf8("same"), 0, 4);
        byte[] b = written(out);
        assertEquals(0x84, b[1] & 0xFF, "mask bit and length");
        assertNotEquals(Arrays.toString(Arrays.copyOfRange(b, 2, 6)), Arrays.toString(Arrays.copyOfRange(b, 12, 16)),
                "a new key per frame");
        assertNotEquals("same", new String(b, 6, 4), "the payload is masked");

        WebSocketFrameDecoder d = WebSocketFrameDecoder.forServer(1000, new MessageBuffer(100));
        ByteBuffer in = ByteBuffer.wrap(b);
        assertEquals(WebSocketFrameDecoder.MESSAGE, d.decode(in));
        assertEquals(WebSocketFrameDecoder.MESSAGE, d.decode(in));

        WebSocketFrames server = WebSocketFrames.server();
        out.clear();
        server.frame(out, true, OP_TEXT, utf8("same"), 0, 4);
        assertArrayEquals(concat(bytes(0x81, 0x04), utf8("same")), written(out));
    }

    @Test
    void payloadWrittenInPlaceThenMasked() {
        for (boolean client : new boolean[] {false, true}) {
            WebSocketFrames frames = client ? WebSocketFrames.client(7) : WebSocketFrames.server();
            ByteBuffer out = ByteBuffer.allocate(1000);
            out.put(bytes(1, 2, 3)); // something already waiting to be sent
            // A line of text produced straight into the buffer ...
            String line = "#mg 000001 000000042 line written in place\n";
            int start = frames.begin(out, true, OP_TEXT, line.length());
            assertEquals(out.position(), start);
            for (int i = 0; i < line.length(); i++) {
                out.put((byte) line.charAt(i));
            }
            frames.end(out);
            // ... and N random bytes.
            byte[] random = pattern(300, 9);
            frames.begin(out, true, OP_BINARY, random.length);
            out.put(random);
            frames.end(out);

            MessageBuffer got = new MessageBuffer(1000);
            WebSocketFrameDecoder d = client ? WebSocketFrameDecoder.forServer(1000, got)
                    : WebSocketFrameDecoder.forClient(1000, got);
            ByteBuffer in = ByteBuffer.wrap(out.array(), 3, out.position() - 3);
            assertEquals(WebSocketFrameDecoder.MESSAGE, d.decode(in));
            assertEquals(line, got.text());
            assertEquals(WebSocketFrameDecoder.MESSAGE, d.decode(in));
            assertArrayEquals(random, Arrays.copyOf(got.array(), got.length()));
            assertEquals(0, in.remaining());
        }
    }

    @Test
    void closeFrames() {
        ByteBuffer out = ByteBuffer.allocate(200);
        WebSocketFrames.server().close(out, CloseStatus.NORMAL, utf8("bye"));
        assertArrayEquals(bytes(0x88, 0x05, 0x03, 0xE8, 'b', 'y', 'e'), written(out));
        out.clear();
        WebSocketFrames.server().close(out);
        assertArrayEquals(bytes(0x88, 0x00), written(out));

        out.clear();
        WebSocketFrames client = WebSocketFrames.client(3);
        client.close(out, 4000, utf8("x".repeat(WebSocketFrames.MAX_CLOSE_REASON)));
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forServer(10, null);
        assertEquals(WebSocketFrameDecoder.CLOSE, d.decode(ByteBuffer.wrap(written(out))));
        assertEquals(4000, d.closeCode());
        assertEquals("x".repeat(123), d.closeReason());
    }

    @Test
    void callerMistakesThrow() {
        WebSocketFrames frames = WebSocketFrames.client(1);
        ByteBuffer out = ByteBuffer.allocate(1000);
        assertThrows(IllegalArgumentException.class, () -> frames.frame(out, true, 3, new byte[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> frames.frame(out, false, OP_PING, new byte[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> frames.frame(out, true, OP_PING, new byte[126], 0, 126));
        assertThrows(IllegalArgumentException.class, () -> frames.close(out, CloseStatus.NO_STATUS, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> frames.close(out, 1000, new byte[124]));
        assertThrows(IllegalStateException.class, () -> frames.end(out));
        frames.begin(out, true, OP_TEXT, 3);
        assertThrows(IllegalStateException.class, () -> frames.begin(out, true, OP_TEXT, 3));
        out.put((byte) 'a');
        assertThrows(IllegalStateException.class, () -> frames.end(out), "1 byte written, 3 announced");
        assertEquals(0, out.position() - 7, "nothing else was written");

        ByteBuffer small = ByteBuffer.allocate(10);
        small.put((byte) 1);
        assertThrows(BufferOverflowException.class, () -> frames.frame(small, true, OP_BINARY, new byte[4], 0, 4));
        assertEquals(1, small.position(), "no partial frame");
        frames.frame(small, true, OP_BINARY, new byte[3], 0, 3); // still usable, and exactly fits
        assertEquals(10, small.position());
    }

    @Test
    void directBuffersOfEitherByteOrder() {
        byte[] payload = pattern(1000, 11);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            ByteBuffer direct = ByteBuffer.allocateDirect(2000).order(order);
            WebSocketFrames client = WebSocketFrames.client(5);
            for (int len : new int[] {0, 3, 17, 1000}) {
                client.frame(direct, true, OP_BINARY, payload, 0, len);
            }
            direct.flip();
            byte[] copy = new byte[direct.remaining()];
            direct.get(copy);
            MessageBuffer got = new MessageBuffer(2000);
            WebSocketFrameDecoder d = WebSocketFrameDecoder.forServer(2000, got);
            ByteBuffer in = ByteBuffer.wrap(copy);
            for (int len : new int[] {0, 3, 17, 1000}) {
                assertEquals(WebSocketFrameDecoder.MESSAGE, d.decode(in));
                assertArrayEquals(Arrays.copyOf(payload, len), Arrays.copyOf(got.array(), got.length()), order + " " + len);
            }
        }
    }

    @Test
    void maskingInPiecesEqualsMaskingAtOnce() {
        byte[] plain = pattern(100, 12);
        int key = 0x9A3C5E71;
        byte[] once = plain.clone();
        Masking.mask(once, 0, once.length, key, 0);
        for (int cut = 0; cut <= 100; cut++) {
            for (int cut2 = cut; cut2 <= 100; cut2 += 7) {
                byte[] pieces = plain.clone();
                int k = Masking.mask(pieces, 0, cut, key, 0);
                k = Masking.mask(pieces, cut, cut2, key, k);
                Masking.mask(pieces, cut2, 100, key, k);
                assertArrayEquals(once, pieces, cut + "/" + cut2);
            }
        }
        for (int i = 0; i < plain.length; i++) {
            assertEquals((byte) (plain[i] ^ (key >>> (24 - 8 * (i % 4)))), once[i], "byte " + i);
        }
        Masking.mask(once, 0, once.length, key, 0);
        assertArrayEquals(plain, once, "masking twice restores");
    }

    @Test
    void maskKeysDifferPerFrameAndPerSeedAndRepeatPerSeed() {
        MaskKeys a = new MaskKeys(1);
        MaskKeys b = new MaskKeys(1);
        MaskKeys c = new MaskKeys(2);
        MaskKeys zero = new MaskKeys(0);
        Set<Integer> seen = new HashSet<>();
        int[] byteValues = new int[256];
        int same = 0;
        for (int i = 0; i < 10_000; i++) {
            int k = a.next();
            assertEquals(k, b.next(), "same seed, same keys");
            same += k == c.next() ? 1 : 0;
            seen.add(k);
            seen.add(zero.next());
            byteValues[k & 0xFF]++;
            byteValues[k >>> 24]++;
        }
        assertTrue(same < 3, "different seeds, different keys");
        assertTrue(seen.size() > 19_990, "keys do not repeat: " + seen.size());
        for (int n : byteValues) {
            assertTrue(n > 30 && n < 130, "key bytes spread evenly");
        }
    }
}
