package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random conversations written by {@link WebSocketFrames} and read back by
 * {@link WebSocketFrameDecoder}, in both directions, fed in random pieces: what was sent is what
 * arrives. Seeded, so a failure is reproducible; the seed and iteration are in the message.
 */
class WebSocketRoundTripTest {
    private static final int[] SIZES = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 125, 126, 127, 1000, 65535, 65536, 70000};
    private static final String CHARACTERS = "aZ09 ,.é€𝄞日ß\n";

    private static byte[] randomText(Random r, int approxBytes) {
        StringBuilder s = new StringBuilder();
        int[] cps = CHARACTERS.codePoints().toArray();
        if (approxBytes > 1000) {
            s.append("x".repeat(approxBytes - 8)); // keep big texts cheap to build
        }
        while (s.toString().getBytes(StandardCharsets.UTF_8).length < approxBytes) {
            s.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String show(int opcode, byte[] a, int from, int to) {
        return (opcode == WebSocketFrames.OP_TEXT ? "text " : opcode == WebSocketFrames.OP_BINARY ? "binary " : "ctl ")
                + (to - from) + " " + HexFormat.of().formatHex(a, from, Math.min(to, from + 64))
                + " hash " + Arrays.hashCode(Arrays.copyOfRange(a, from, to));
    }

    private static void conversation(boolean clientSends, long seed, int iterations) {
        Random r = new Random(seed);
        for (int iteration = 0; iteration < iterations; iteration++) {
            String where = "seed " + seed + ", iteration " + iteration;
            WebSocketFrames frames = clientSends ? WebSocketFrames.client(r.nextLong()) : WebSocketFrames.server();
            ByteBuffer out = ByteBuffer.allocate(600_000);
            List<String> expected = new ArrayList<>();
            int messages = 1 + r.nextInt(5);
            for (int m = 0; m < messages; m++) {
                boolean text = r.nextBoolean();
                int size = r.nextInt(4) == 0 ? SIZES[r.nextInt(SIZES.length)] : r.nextInt(300);
                byte[] payload;
                if (text) {
                    payload = randomText(r, size);
                } else {
                    payload = new byte[size];
                    r.nextBytes(payload);
                }
                int opcode = text ? WebSocketFrames.OP_TEXT : WebSocketFrames.OP_BINARY;
                int fragments = 1 + r.nextInt(4);
                int[] cuts = r.ints(fragments - 1, 0, payload.length + 1).sorted().toArray();
                int from = 0;
                for (int f = 0; f < fragments; f++) {
                    int to = f < cuts.length ? cuts[f] : payload.length;
                    boolean last = f == fragments - 1;
                    int op = f == 0 ? opcode : WebSocketFrames.OP_CONTINUATION;
                    if (r.nextBoolean() && to - from > 0) {
                        // The payload written in place.
                        frames.begin(out, last, op, to - from);
                        out.put(payload, from, to - from);
                        frames.end(out);
                    } else {
                        frames.frame(out, last, op, payload, from, to);
                    }
                    from = to;
                    if (!last && r.nextInt(3) == 0) {
                        byte[] ping = new byte[r.nextInt(126)];
                        r.nextBytes(ping);
                        int pingOp = r.nextBoolean() ? WebSocketFrames.OP_PING : WebSocketFrames.OP_PONG;
                        frames.frame(out, true, pingOp, ping, 0, ping.length);
                        expected.add((pingOp == WebSocketFrames.OP_PING ? "PING " : "PONG ")
                                + show(0, ping, 0, ping.length));
                    }
                }
                expected.add("MESSAGE " + fragments + " " + show(opcode, payload, 0, payload.length));
            }
            byte[] reason = randomText(r, r.nextInt(40));
            int code = 1000 + r.nextInt(4);
            frames.close(out, code, reason);
            expected.add("CLOSE " + code + " " + show(0, reason, 0, reason.length));

            byte[] wire = Arrays.copyOf(out.array(), out.position());
            MessageBuffer buffer = new MessageBuffer(80_000);
            WebSocketFrameDecoder d = clientSends ? WebSocketFrameDecoder.forServer(80_000, buffer)
                    : WebSocketFrameDecoder.forClient(80_000, buffer);
            List<String> got = new ArrayList<>();
            int pos = 0;
            while (pos < wire.length) {
                int n = 1 + r.nextInt(r.nextBoolean() ? 16 : wire.length - pos);
                ByteBuffer in = ByteBuffer.wrap(wire, pos, Math.min(n, wire.length - pos));
                pos += in.remaining();
                while (in.hasRemaining()) {
                    int result = d.decode(in);
                    switch (result) {
                        case WebSocketFrameDecoder.MESSAGE -> {
                            assertFalse(buffer.truncated(), where);
                            got.add("MESSAGE " + d.messageFrames() + " " + show(d.messageOpcode(), buffer.array(), 0,
                                    buffer.length()));
                        }
                        case WebSocketFrameDecoder.PING, WebSocketFrameDecoder.PONG -> got.add(
                                (result == WebSocketFrameDecoder.PING ? "PING " : "PONG ")
                                        + show(0, d.controlPayload(), 0, d.controlLength()));
                        case WebSocketFrameDecoder.CLOSE -> {
                            byte[] why = d.closeReason().getBytes(StandardCharsets.UTF_8);
                            got.add("CLOSE " + d.closeCode() + " " + show(0, why, 0, why.length));
                        }
                        case WebSocketFrameDecoder.ERROR -> got.add("ERROR " + d.error());
                        default -> { }
                    }
                }
            }
            assertEquals(expected, got, where);
        }
    }

    @Test
    void clientToServer() {
        conversation(true, 6455L, 400);
    }

    @Test
    void serverToClient() {
        conversation(false, 1306L, 400);
    }
}
