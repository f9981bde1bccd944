package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and mutated valid input, split anywhere: the decoder and the handshake readers never
 * throw, never spin, and always end in a result. Seeded, so a failure is reproducible; the seed
 * and iteration are in the message.
 */
class WebSocketFuzzTest {
    private static final Duration BOUND = Duration.ofSeconds(120);

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        if (b.length == 0) {
            return b;
        }
        switch (r.nextInt(7)) {
            case 0 -> {
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> {
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8)); // a flipped bit: flags, lengths
                }
            }
            case 2 -> {
                int at = r.nextInt(b.length);
                byte[] extra = new byte[1 + r.nextInt(20)];
                r.nextBytes(extra);
                byte[] out = new byte[b.length + extra.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(b, at, out, at + extra.length, b.length - at);
                b = out;
            }
            case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 4 -> {
                int from = r.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + r.nextInt(10));
                byte[] out = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, out, 0, from);
                System.arraycopy(b, to, out, from, b.length - to);
                b = out;
            }
            case 5 -> {
                b = new byte[r.nextInt(300)];
                r.nextBytes(b);
            }
            default -> {
                // unchanged
            }
        }
        return b;
    }

    /** A valid stream of frames from one side: messages (some fragmented), pings, pongs, maybe a close. */
    private static byte[] validStream(Random r, boolean fromClient) {
        WebSocketFrames frames = fromClient ? WebSocketFrames.client(r.nextLong()) : WebSocketFrames.server();
        ByteBuffer out = ByteBuffer.allocate(4096);
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    byte[] p = "héllo wörld €".repeat(1 + r.nextInt(3)).getBytes(StandardCharsets.UTF_8);
                    int cut = r.nextInt(p.length + 1);
                    frames.frame(out, false, WebSocketFrames.OP_TEXT, p, 0, cut);
                    frames.frame(out, true, WebSocketFrames.OP_PING, p, 0, Math.min(10, p.length));
                    frames.frame(out, true, WebSocketFrames.OP_CONTINUATION, p, cut, p.length);
                }
                case 1 -> {
                    byte[] p = new byte[r.nextInt(300)];
                    r.nextBytes(p);
                    frames.frame(out, true, WebSocketFrames.OP_BINARY, p, 0, p.length);
                }
                case 2 -> frames.frame(out, true, WebSocketFrames.OP_PONG, new byte[3], 0, 3);
                default -> frames.frame(out, true, WebSocketFrames.OP_TEXT, new byte[] {'o', 'k'}, 0, 2);
            }
        }
        if (r.nextBoolean()) {
            frames.close(out, CloseStatus.NORMAL, "bye".getBytes(StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    @Test
    void frameDecoderAlwaysEndsInAResult() {
        assertTimeoutPreemptively(BOUND, () -> {
            long seed = 6455L;
            Random r = new Random(seed);
            long[] limits = {16, 100, 1 << 20};
            for (int iteration = 0; iteration < 40_000; iteration++) {
                boolean server = r.nextBoolean();
                // Mostly frames from the right side, sometimes from the wrong one.
                boolean fromClient = r.nextInt(8) == 0 ? !server : server;
                byte[] input = mutate(validStream(r, fromClient), r);
                WebSocketFrameDecoder d = server
                        ? WebSocketFrameDecoder.forServer(limits[r.nextInt(limits.length)], new MessageBuffer(64))
                        : WebSocketFrameDecoder.forClient(limits[r.nextInt(limits.length)], null);
                String where = "seed " + seed + ", iteration " + iteration;
                int pos = 0;
                int calls = 0;
                int pieces = 0;
                int result = WebSocketFrameDecoder.NEED_MORE;
                while (pos < input.length && result != WebSocketFrameDecoder.ERROR) {
                    int n = Math.min(1 + r.nextInt(r.nextBoolean() ? 8 : input.length), input.length - pos);
                    ByteBuffer buf = ByteBuffer.wrap(input, pos, n);
                    pos += n;
                    pieces++;
                    while (buf.hasRemaining()) {
                        int before = buf.position();
                        result = d.decode(buf);
                        calls++;
                        assertTrue(result >= WebSocketFrameDecoder.NEED_MORE && result <= WebSocketFrameDecoder.ERROR,
                                where);
                        if (result == WebSocketFrameDecoder.ERROR) {
                            assertNotNull(d.error(), where);
                            assertEquals(buf.limit(), buf.position(), where);
                            break;
                        }
                        if (result == WebSocketFrameDecoder.NEED_MORE) {
                            assertEquals(buf.limit(), buf.position(), "NEED_MORE consumes everything: " + where);
                        } else {
                            assertTrue(buf.position() > before, "an event consumes the end of a frame: " + where);
                        }
                        if (result == WebSocketFrameDecoder.PING || result == WebSocketFrameDecoder.PONG) {
                            assertTrue(d.controlLength() <= 125, where);
                        }
                    }
                }
                assertTrue(calls <= input.length / 2 + pieces + 1, "no progress: " + where);
                if (result != WebSocketFrameDecoder.ERROR) {
                    int end = d.endOfInput();
                    assertTrue(end == WebSocketFrameDecoder.CLOSE || end == WebSocketFrameDecoder.ERROR, where);
                }
            }
        });
    }

    private static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    private static final String REQUEST = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\nSec-WebSocket-Version: 13\r\n\r\n";

    @Test
    void handshakeReadersAlwaysEndInAResult() {
        assertTimeoutPreemptively(BOUND, () -> {
            long seed = 1455L;
            Random r = new Random(seed);
            for (int iteration = 0; iteration < 20_000; iteration++) {
                String where = "seed " + seed + ", iteration " + iteration;
                boolean client = r.nextBoolean();
                byte[] input = mutate((client ? RESPONSE : REQUEST).getBytes(StandardCharsets.ISO_8859_1), r);
                HandshakeResponseReader response = new HandshakeResponseReader("dGhlIHNhbXBsZSBub25jZQ==", 256);
                HandshakeRequestReader request = new HandshakeRequestReader(256);
                int result = 0;
                int pos = 0;
                while (pos < input.length && result == 0) {
                    int n = Math.min(1 + r.nextInt(input.length), input.length - pos);
                    ByteBuffer buf = ByteBuffer.wrap(input, pos, n);
                    pos += n;
                    result = client ? response.read(buf) : request.read(buf);
                    assertTrue(result >= 0 && result <= 2, where);
                    if (result == 0) {
                        assertEquals(buf.limit(), buf.position(), where);
                    }
                }
                if (result == 0 && client) {
                    result = response.endOfInput();
                    assertEquals(HandshakeResponseReader.FAILED, result, where);
                }
                if (result == 2) {
                    String failure = client ? response.failure() : request.failure();
                    assertNotNull(failure, where);
                    assertTrue(failure.indexOf('\n') < 0 && failure.indexOf('\r') < 0, "one line: " + where);
                    if (!client) {
                        assertTrue(request.rejection().length > 0, where);
                    }
                }
                if (result == 1 && !client) {
                    assertNotNull(request.key(), where);
                    assertTrue(request.response().length > 0, where);
                }
            }
        });
    }
}
