package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mangonel.protocol.websocket.RawFrames.FIN;
import static org.mangonel.protocol.websocket.RawFrames.FORM_16;
import static org.mangonel.protocol.websocket.RawFrames.FORM_64;
import static org.mangonel.protocol.websocket.RawFrames.bytes;
import static org.mangonel.protocol.websocket.RawFrames.closePayload;
import static org.mangonel.protocol.websocket.RawFrames.concat;
import static org.mangonel.protocol.websocket.RawFrames.frame;
import static org.mangonel.protocol.websocket.RawFrames.pattern;
import static org.mangonel.protocol.websocket.RawFrames.utf8;
import static org.mangonel.protocol.websocket.WebSocketFrameDecoder.CLOSE;
import static org.mangonel.protocol.websocket.WebSocketFrameDecoder.ERROR;
import static org.mangonel.protocol.websocket.WebSocketFrameDecoder.MESSAGE;
import static org.mangonel.protocol.websocket.WebSocketFrameDecoder.NEED_MORE;
import static org.mangonel.protocol.websocket.WebSocketFrameDecoder.PING;
import static org.mangonel.protocol.websocket.WebSocketFrameDecoder.PONG;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * Every case is decoded whole, then split into two pieces at every byte position, then into a few
 * random sets of pieces, then fed one byte at a time: the events must be the same each way. Events
 * are written as lines (see {@link #event}) so that a failure shows what happened.
 */
class WebSocketFrameDecoderTest {
    private static final boolean CLIENT = false;
    private static final boolean SERVER = true;
    private static final long LIMIT = 1 << 20;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CONT = 0x0;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;

    /** Keeps a checksum and the start of each message it is given. */
    static final class Recorder implements MessageConsumer {
        final CRC32 crc = new CRC32();
        final byte[] start = new byte[40];
        int opcode = -1;
        long length;

        @Override
        public void begin(int op) {
            opcode = op;
            length = 0;
            crc.reset();
        }

        @Override
        public void update(byte[] a, int from, int to) {
            assertTrue(from <= to, "update with from > to");
            crc.update(a, from, to - from);
            for (int i = from; i < to && length + (i - from) < start.length; i++) {
                start[(int) (length + (i - from))] = a[i];
            }
            length += to - from;
        }
    }

    /** How a payload is written in an event line: short ones in full, long ones as length and CRC. */
    static String show(byte[] a, int from, int to, boolean text) {
        int n = to - from;
        if (n > 40) {
            CRC32 crc = new CRC32();
            crc.update(a, from, n);
            return "crc=" + Long.toHexString(crc.getValue());
        }
        return text ? "'" + new String(a, from, n, StandardCharsets.UTF_8) + "'"
                : "0x" + HexFormat.of().formatHex(a, from, to);
    }

    static String message(int opcode, byte[] payload, int frames) {
        boolean text = opcode == OP_TEXT;
        return "MESSAGE " + (text ? "text" : "binary") + " " + payload.length + " frames=" + frames + " "
                + show(payload, 0, payload.length, text);
    }

    static String text(String s, int frames) {
        return message(OP_TEXT, utf8(s), frames);
    }

    static String ping(String s) {
        return "PING '" + s + "'";
    }

    static String pong(String s) {
        return "PONG '" + s + "'";
    }

    static String close(int code, String reason) {
        return "CLOSE " + code + " '" + reason + "'";
    }

    static String error(int closeCode, String why) {
        return "ERROR " + closeCode + " " + why;
    }

    static String error(String why) {
        return error(CloseStatus.PROTOCOL_ERROR, why);
    }

    /** The line for one decode result (null for NEED_MORE). */
    private static String event(WebSocketFrameDecoder d, Recorder rec, int r) {
        switch (r) {
            case NEED_MORE:
                return null;
            case MESSAGE: {
                assertEquals(d.messageOpcode(), rec.opcode, "the consumer saw the message's opcode");
                assertEquals(d.messageLength(), rec.length, "the consumer saw every byte");
                boolean text = d.messageOpcode() == OP_TEXT;
                String content = rec.length > 40 ? "crc=" + Long.toHexString(rec.crc.getValue())
                        : show(rec.start, 0, (int) rec.length, text);
                return "MESSAGE " + (text ? "text" : "binary") + " " + d.messageLength() + " frames="
                        + d.messageFrames() + " " + content;
            }
            case PING:
                return "PING '" + new String(d.controlPayload(), 0, d.controlLength(), StandardCharsets.ISO_8859_1) + "'";
            case PONG:
                return "PONG '" + new String(d.controlPayload(), 0, d.controlLength(), StandardCharsets.ISO_8859_1) + "'";
            case CLOSE:
                return close(d.closeCode(), d.closeReason());
            case ERROR:
                assertTrue(d.error() != null);
                return error(d.errorCloseCode(), d.error());
            default:
                throw new AssertionError("unknown result " + r);
        }
    }

    /** Decodes {@code input} cut at {@code cuts} (ascending positions); then end of input if {@code eof}. */
    static List<String> decode(byte[] input, int[] cuts, boolean server, long limit, boolean eof) {
        byte[] data = input.clone(); // masked payload is unmasked in place
        Recorder rec = new Recorder();
        WebSocketFrameDecoder d = server ? WebSocketFrameDecoder.forServer(limit, rec)
                : WebSocketFrameDecoder.forClient(limit, rec);
        List<String> events = new ArrayList<>();
        int start = 0;
        boolean failed = false;
        outer:
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : data.length;
            ByteBuffer buf = ByteBuffer.wrap(data, start, end - start);
            start = end;
            while (buf.hasRemaining()) {
                int before = buf.position();
                int r = d.decode(buf);
                if (r == NEED_MORE) {
                    assertFalse(buf.hasRemaining(), "NEED_MORE consumes everything");
                } else if (r != ERROR) {
                    assertTrue(buf.position() > before, "an event consumes its frame");
                }
                String e = event(d, rec, r);
                if (e != null) {
                    events.add(e);
                }
                if (r == ERROR) {
                    assertEquals(buf.limit(), buf.position(), "ERROR consumes everything");
                    assertEquals(ERROR, d.decode(ByteBuffer.wrap(new byte[] {1})), "failed for good");
                    failed = true;
                    break outer;
                }
            }
        }
        if (eof && !failed) {
            int r = d.endOfInput();
            events.add("EOF " + event(d, rec, r));
        }
        return events;
    }

    static void assertAllSplits(byte[] input, boolean server, long limit, boolean eof, String... expected) {
        List<String> want = List.of(expected);
        assertEquals(want, decode(input, new int[0], server, limit, eof), "whole input");
        for (int cut = 1; cut < input.length; cut++) {
            assertEquals(want, decode(input, new int[] {cut}, server, limit, eof), "split at " + cut);
        }
        Random random = new Random(input.length);
        for (int i = 0; i < 20 && input.length > 3; i++) {
            int[] cuts = random.ints(1 + random.nextInt(5), 1, input.length).distinct().sorted().toArray();
            assertEquals(want, decode(input, cuts, server, limit, eof), "split at " + Arrays.toString(cuts));
        }
        int[] every = new int[Math.max(0, input.length - 1)];
        Arrays.setAll(every, i -> i + 1);
        assertEquals(want, decode(input, every, server, limit, eof), "byte by byte");
    }

    static void assertAllSplits(byte[] input, boolean server, String... expected) {
        assertAllSplits(input, server, LIMIT, false, expected);
    }

    // ---------------------------------------------------------------- RFC 6455 §5.7 examples

    @Test
    void rfcExampleSingleUnmaskedTextFrame() {
        assertAllSplits(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), CLIENT, text("Hello", 1));
    }

    @Test
    void rfcExampleSingleMaskedTextFrame() {
        assertAllSplits(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58), SERVER,
                text("Hello", 1));
    }

    @Test
    void rfcExampleFragmentedUnmaskedText() {
        assertAllSplits(bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f), CLIENT, text("Hello", 2));
    }

    @Test
    void rfcExamplePingAndMaskedPong() {
        assertAllSplits(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), CLIENT, ping("Hello"));
        assertAllSplits(bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58), SERVER,
                pong("Hello"));
    }

    @Test
    void rfcExample256ByteAnd64KiBBinaryFrames() {
        byte[] p256 = pattern(256, 1);
        byte[] f256 = concat(bytes(0x82, 0x7E, 0x01, 0x00), p256);
        assertAllSplits(f256, CLIENT, message(OP_BINARY, p256, 1));
        byte[] p64k = pattern(65536, 2);
        byte[] f64k = concat(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0), p64k);
        assertAllSplits(f64k, CLIENT, message(OP_BINARY, p64k, 1));
    }

    // ---------------------------------------------------------------- lengths and masking

    @Test
    void lengthsAroundEachFormBoundaryInBothRoles() {
        for (int n : new int[] {0, 1, 125, 126, 127, 1000, 65535}) {
            for (boolean server : new boolean[] {CLIENT, SERVER}) {
                byte[] binary = pattern(n, n);
                assertAllSplits(frame(FIN | OP_BINARY, server, binary), server, message(OP_BINARY, binary, 1));
                // Two-byte characters; a long text mostly ASCII (every split of 64 KiB of é is slow to check).
                int twoByte = n > 1000 ? 50 : n / 2;
                String s = "é".repeat(twoByte) + "x".repeat(n - 2 * twoByte);
                assertAllSplits(frame(FIN | OP_TEXT, server, s), server, text(s, 1));
            }
        }
    }

    @Test
    void sixtyFourBitLengthMaskedAndUnmasked() {
        byte[] payload = pattern(65536, 3);
        assertAllSplits(frame(FIN | OP_BINARY, CLIENT, payload), CLIENT, message(OP_BINARY, payload, 1));
        assertAllSplits(frame(FIN | OP_BINARY, SERVER, payload), SERVER, message(OP_BINARY, payload, 1));
    }

    @Test
    void lengthsInLongerFormsThanNeededAreAccepted() {
        byte[] p = utf8("short but in a long form");
        assertAllSplits(frame(FIN | OP_TEXT, null, p, FORM_64), CLIENT, text("short but in a long form", 1));
        assertAllSplits(frame(FIN | OP_TEXT, 0x01020304, p, FORM_16), SERVER, text("short but in a long form", 1));
        byte[] p300 = pattern(300, 4);
        assertAllSplits(frame(FIN | OP_BINARY, 0xCAFEBABE, p300, FORM_64), SERVER, message(OP_BINARY, p300, 1));
    }

    @Test
    void maskingKeyBytesAllMatter() {
        byte[] p = utf8("abcdefghijklmnopqrstuvwxyz0123456789");
        for (int key : new int[] {0, 0xFFFFFFFF, 0x80000001, 0x00FF00FF}) {
            assertAllSplits(frame(FIN | OP_TEXT, key, p), SERVER, text("abcdefghijklmnopqrstuvwxyz0123456789", 1));
        }
    }

    @Test
    void serverRoleUnmasksInPlaceInTheCallersBuffer() {
        byte[] data = frame(FIN | OP_BINARY, 0x11223344, utf8("plain"));
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forServer(LIMIT, null);
        assertEquals(MESSAGE, d.decode(ByteBuffer.wrap(data)));
        assertEquals("plain", new String(data, 6, 5, StandardCharsets.US_ASCII));
    }

    @Test
    void aBufferWithAnArrayOffsetIsReadFromItsPosition() {
        byte[] data = concat(bytes(9, 9, 9), frame(FIN | OP_TEXT, CLIENT, "offset"), frame(FIN | OP_PING, CLIENT, "p"));
        ByteBuffer slice = ByteBuffer.wrap(data, 3, data.length - 3).slice();
        Recorder rec = new Recorder();
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(LIMIT, rec);
        assertEquals(MESSAGE, d.decode(slice));
        assertEquals(8, slice.position());
        assertEquals(6, rec.length);
        assertEquals(PING, d.decode(slice));
        assertFalse(slice.hasRemaining());
    }

    // ---------------------------------------------------------------- fragments and control frames

    @Test
    void threeFragmentsWithAPingAndAPongBetweenThem() {
        for (boolean server : new boolean[] {CLIENT, SERVER}) {
            byte[] input = concat(
                    frame(OP_TEXT, server, "Hello, "),
                    frame(FIN | OP_PING, server, "are you there"),
                    frame(OP_CONT, server, "Wor"),
                    frame(FIN | OP_PONG, server, "yes"),
                    frame(FIN | OP_CONT, server, "ld!"));
            assertAllSplits(input, server, ping("are you there"), pong("yes"), text("Hello, World!", 3));
        }
    }

    @Test
    void fragmentedBinaryWithEmptyFragmentsAndSeveralMessagesInOneRead() {
        byte[] a = pattern(200, 5);
        byte[] input = concat(
                frame(OP_BINARY, SERVER, Arrays.copyOfRange(a, 0, 100)),
                frame(OP_CONT, SERVER, new byte[0]),
                frame(FIN | OP_CONT, SERVER, Arrays.copyOfRange(a, 100, 200)),
                frame(FIN | OP_TEXT, SERVER, ""),
                frame(FIN | OP_TEXT, SERVER, "next"));
        assertAllSplits(input, SERVER, message(OP_BINARY, a, 3), text("", 1), text("next", 1));
    }

    @Test
    void multiByteCharactersSplitAcrossFragments() {
        String s = "héllo wörld € 𝄞 ok";
        byte[] b = utf8(s);
        for (int cut = 1; cut < b.length; cut++) {
            byte[] input = concat(frame(OP_TEXT, CLIENT, Arrays.copyOfRange(b, 0, cut)),
                    frame(FIN | OP_CONT, CLIENT, Arrays.copyOfRange(b, cut, b.length)));
            assertAllSplits(input, CLIENT, text(s, 2));
        }
    }

    @Test
    void pingWithAFullSizePayloadAndEmptyControlFrames() {
        String p125 = "p".repeat(125);
        assertAllSplits(concat(frame(FIN | OP_PING, SERVER, p125), frame(FIN | OP_PING, SERVER, ""),
                frame(FIN | OP_PONG, SERVER, "")), SERVER, ping(p125), ping(""), pong(""));
    }

    @Test
    void closeWithCodeAndReason() {
        for (boolean server : new boolean[] {CLIENT, SERVER}) {
            assertAllSplits(frame(FIN | OP_CLOSE, server, closePayload(1000, utf8("bye"))), server, close(1000, "bye"));
            assertAllSplits(frame(FIN | OP_CLOSE, server, closePayload(4001, utf8("ça va"))), server,
                    close(4001, "ça va"));
            assertAllSplits(frame(FIN | OP_CLOSE, server, closePayload(1001, new byte[0])), server, close(1001, ""));
            assertAllSplits(frame(FIN | OP_CLOSE, server, new byte[0]), server, close(CloseStatus.NO_STATUS, ""));
        }
    }

    @Test
    void closeBetweenFragmentsEndsTheConnection() {
        byte[] input = concat(frame(OP_TEXT, CLIENT, "unfinished"), frame(FIN | OP_CLOSE, CLIENT, closePayload(1001, utf8("gone"))));
        assertAllSplits(input, CLIENT, LIMIT, true, close(1001, "gone"), "EOF " + close(1001, "gone"));
    }

    @Test
    void everyCloseCodeAllowedOnTheWireIsAcceptedAndNoOther() {
        for (int code = 0; code < 65536; code++) {
            byte[] input = frame(FIN | OP_CLOSE, CLIENT, closePayload(code, new byte[0]));
            List<String> got = decode(input, new int[0], CLIENT, LIMIT, false);
            boolean allowed = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
                    || (code >= 3000 && code <= 4999);
            assertEquals(List.of(allowed ? close(code, "") : error(WebSocketFrameDecoder.E_CLOSE_CODE)), got,
                    "code " + code);
        }
    }

    @Test
    void someNotAllowedCloseCodesAtEverySplit() {
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
            assertAllSplits(frame(FIN | OP_CLOSE, SERVER, closePayload(code, utf8("x"))), SERVER,
                    error(WebSocketFrameDecoder.E_CLOSE_CODE));
        }
    }

    // ---------------------------------------------------------------- protocol errors

    @Test
    void reservedBitsWithoutAnExtension() {
        for (int rsv : new int[] {0x40, 0x20, 0x10, 0x70}) {
            assertAllSplits(frame(FIN | rsv | OP_TEXT, CLIENT, "x"), CLIENT, error(WebSocketFrameDecoder.E_RESERVED_BITS));
            assertAllSplits(frame(FIN | rsv | OP_PING, SERVER, "x"), SERVER, error(WebSocketFrameDecoder.E_RESERVED_BITS));
        }
    }

    @Test
    void reservedOpcodes() {
        for (int op : new int[] {3, 4, 5, 6, 7, 11, 12, 13, 14, 15}) {
            assertAllSplits(frame(FIN | op, CLIENT, "x"), CLIENT, error(WebSocketFrameDecoder.E_OPCODE));
            assertAllSplits(frame(op, SERVER, "x"), SERVER, error(WebSocketFrameDecoder.E_OPCODE));
        }
    }

    @Test
    void controlFramesOver125Bytes() {
        byte[] p126 = utf8("p".repeat(126));
        for (int op : new int[] {OP_PING, OP_PONG, OP_CLOSE}) {
            assertAllSplits(frame(FIN | op, CLIENT, p126), CLIENT, error(WebSocketFrameDecoder.E_CONTROL_TOO_LONG));
            // A short payload in a 16-bit length form: the length field alone decides.
            assertAllSplits(frame(FIN | op, 7, utf8("p"), FORM_16), SERVER, error(WebSocketFrameDecoder.E_CONTROL_TOO_LONG));
            assertAllSplits(frame(FIN | op, null, utf8("p"), FORM_64), CLIENT, error(WebSocketFrameDecoder.E_CONTROL_TOO_LONG));
        }
    }

    @Test
    void fragmentedControlFrames() {
        for (int op : new int[] {OP_PING, OP_PONG, OP_CLOSE}) {
            assertAllSplits(frame(op, CLIENT, ""), CLIENT, error(WebSocketFrameDecoder.E_CONTROL_FRAGMENTED));
        }
    }

    @Test
    void continuationWithoutAMessage() {
        assertAllSplits(frame(FIN | OP_CONT, CLIENT, "lost"), CLIENT, error(WebSocketFrameDecoder.E_CONTINUATION));
        assertAllSplits(frame(OP_CONT, SERVER, "lost"), SERVER, error(WebSocketFrameDecoder.E_CONTINUATION));
        // After a complete message, a continuation is again without a message.
        assertAllSplits(concat(frame(FIN | OP_TEXT, CLIENT, "done"), frame(FIN | OP_CONT, CLIENT, "more")), CLIENT,
                text("done", 1), error(WebSocketFrameDecoder.E_CONTINUATION));
    }

    @Test
    void newDataFrameWhileAFragmentedMessageIsInProgress() {
        assertAllSplits(concat(frame(OP_TEXT, CLIENT, "a"), frame(FIN | OP_TEXT, CLIENT, "b")), CLIENT,
                error(WebSocketFrameDecoder.E_DATA_IN_MESSAGE));
        assertAllSplits(concat(frame(OP_BINARY, SERVER, "a"), frame(FIN | OP_PING, SERVER, ""),
                frame(OP_BINARY, SERVER, "b")), SERVER, ping(""), error(WebSocketFrameDecoder.E_DATA_IN_MESSAGE));
    }

    @Test
    void sixtyFourBitLengthWithTheTopBitSet() {
        assertAllSplits(bytes(0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5), CLIENT,
                error(WebSocketFrameDecoder.E_LENGTH));
        assertAllSplits(bytes(0x82, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), SERVER,
                error(WebSocketFrameDecoder.E_LENGTH));
    }

    @Test
    void maskingAgainstTheRole() {
        assertAllSplits(frame(FIN | OP_TEXT, true, "masked"), CLIENT, error(WebSocketFrameDecoder.E_MASKED));
        assertAllSplits(frame(FIN | OP_TEXT, false, "plain"), SERVER, error(WebSocketFrameDecoder.E_UNMASKED));
        assertAllSplits(frame(FIN | OP_PING, false, ""), SERVER, error(WebSocketFrameDecoder.E_UNMASKED));
        // One good frame first: the rule holds for every frame.
        assertAllSplits(concat(frame(FIN | OP_TEXT, true, "ok"), frame(FIN | OP_TEXT, false, "plain")), SERVER,
                text("ok", 1), error(WebSocketFrameDecoder.E_UNMASKED));
    }

    @Test
    void oversizeMessagesAreErrorsBeforeTheirPayloadIsRead() {
        String tooBig = error(CloseStatus.TOO_BIG, WebSocketFrameDecoder.E_TOO_LARGE);
        assertAllSplits(frame(FIN | OP_BINARY, CLIENT, pattern(101, 6)), CLIENT, 100, false, tooBig);
        assertAllSplits(frame(FIN | OP_BINARY, CLIENT, pattern(100, 6)), CLIENT, 100, false,
                message(OP_BINARY, pattern(100, 6), 1));
        // The limit is for the whole message, its fragments together.
        assertAllSplits(concat(frame(OP_TEXT, SERVER, "x".repeat(60)), frame(FIN | OP_PING, SERVER, ""),
                frame(FIN | OP_CONT, SERVER, "y".repeat(41))), SERVER, 100, false, ping(""), tooBig);
        // A length of 2^62 announced and no payload: an error at once, nothing kept.
        assertAllSplits(bytes(0x82, 0x7F, 0x40, 0, 0, 0, 0, 0, 0, 0), CLIENT, LIMIT, false, tooBig);
        assertAllSplits(bytes(0x81, 0xFF, 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4), SERVER, LIMIT, false, tooBig);
        assertAllSplits(bytes(0x82, 0x7F, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), CLIENT, LIMIT, false,
                tooBig);
    }

    @Test
    void aHugeLegalLengthIsStreamedNotKept() {
        // Announce 2^40 bytes under a limit that allows them: the decoder only counts.
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(Long.MAX_VALUE, null);
        ByteBuffer head = ByteBuffer.wrap(bytes(0x82, 0x7F, 0, 0, 1, 0, 0, 0, 0, 0));
        assertEquals(NEED_MORE, d.decode(head));
        byte[] chunk = new byte[1 << 16];
        for (int i = 0; i < 100; i++) {
            assertEquals(NEED_MORE, d.decode(ByteBuffer.wrap(chunk)));
        }
        assertTrue(d.midMessage());
        assertEquals(1L << 40, d.messageLength());
    }

    @Test
    void closeWithAOneBytePayload() {
        assertAllSplits(frame(FIN | OP_CLOSE, CLIENT, bytes(0x03)), CLIENT, error(WebSocketFrameDecoder.E_CLOSE_LENGTH));
        assertAllSplits(frame(FIN | OP_CLOSE, SERVER, bytes(0x03)), SERVER, error(WebSocketFrameDecoder.E_CLOSE_LENGTH));
    }

    @Test
    void closeReasonThatIsNotUtf8() {
        assertAllSplits(frame(FIN | OP_CLOSE, SERVER, closePayload(1000, bytes(0x61, 0xC3))), SERVER,
                error(CloseStatus.INVALID_PAYLOAD, WebSocketFrameDecoder.E_CLOSE_UTF8));
        assertAllSplits(frame(FIN | OP_CLOSE, CLIENT, closePayload(1000, bytes(0xED, 0xA0, 0x80))), CLIENT,
                error(CloseStatus.INVALID_PAYLOAD, WebSocketFrameDecoder.E_CLOSE_UTF8));
    }

    @Test
    void bytesAfterTheCloseFrame() {
        assertAllSplits(concat(frame(FIN | OP_CLOSE, CLIENT, closePayload(1000, new byte[0])),
                frame(FIN | OP_TEXT, CLIENT, "late")), CLIENT, close(1000, ""), error(WebSocketFrameDecoder.E_AFTER_CLOSE));
    }

    // ---------------------------------------------------------------- UTF-8

    private static final String INVALID_UTF8 = error(CloseStatus.INVALID_PAYLOAD, WebSocketFrameDecoder.E_UTF8);

    @Test
    void invalidUtf8InASingleFrame() {
        for (byte[] bad : new byte[][] {
            bytes(0xFF), bytes(0x80), bytes(0xC0, 0x80), bytes(0xE0, 0x80, 0x80), bytes(0xED, 0xA0, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0x61, 0xC3, 0x28)}) {
            assertAllSplits(frame(FIN | OP_TEXT, SERVER, concat(utf8("ok "), bad)), SERVER, INVALID_UTF8);
            // The same bytes are a fine binary message.
            byte[] p = concat(utf8("ok "), bad);
            assertAllSplits(frame(FIN | OP_BINARY, SERVER, p), SERVER, message(OP_BINARY, p, 1));
        }
    }

    @Test
    void invalidUtf8SplitAcrossFragments() {
        // "é" is C3 A9; C3 followed by 28 is invalid, with the C3 ending one fragment and 28 starting the next.
        byte[] input = concat(frame(OP_TEXT, CLIENT, bytes(0x61, 0xC3)), frame(FIN | OP_PING, CLIENT, ""),
                frame(FIN | OP_CONT, CLIENT, bytes(0x28, 0x62)));
        assertAllSplits(input, CLIENT, ping(""), INVALID_UTF8);
        // A surrogate, its three bytes in three fragments.
        byte[] surrogate = concat(frame(OP_TEXT, SERVER, bytes(0xED)), frame(OP_CONT, SERVER, bytes(0xA0)),
                frame(FIN | OP_CONT, SERVER, bytes(0x80)));
        assertAllSplits(surrogate, SERVER, INVALID_UTF8);
        // A character cut short by the end of the message: each fragment is fine, the message is not.
        byte[] truncated = concat(frame(OP_TEXT, CLIENT, utf8("ab")), frame(FIN | OP_CONT, CLIENT, bytes(0xE2, 0x82)));
        assertAllSplits(truncated, CLIENT, INVALID_UTF8);
    }

    @Test
    void invalidUtf8IsReportedAsSoonAsItArrivesNotAtTheEndOfTheMessage() {
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(LIMIT, null);
        byte[] frame = frame(FIN | OP_TEXT, CLIENT, concat(utf8("fine so far "), bytes(0xC0), utf8("x".repeat(50))));
        assertEquals(ERROR, d.decode(ByteBuffer.wrap(frame, 0, 16)));
        assertEquals(WebSocketFrameDecoder.E_UTF8, d.error());
    }

    @Test
    void theConsumerNeverSeesTheInvalidBytes() {
        Recorder rec = new Recorder();
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(LIMIT, rec);
        assertEquals(NEED_MORE, d.decode(ByteBuffer.wrap(frame(OP_TEXT, CLIENT, "valid"))));
        assertEquals(ERROR, d.decode(ByteBuffer.wrap(frame(FIN | OP_CONT, CLIENT, bytes(0x62, 0xFF)))));
        assertEquals(5, rec.length);
    }

    // ---------------------------------------------------------------- end of input, state, reuse

    @Test
    void endOfInput() {
        assertAllSplits(frame(FIN | OP_TEXT, CLIENT, "hi"), CLIENT, LIMIT, true, text("hi", 1),
                "EOF " + error(CloseStatus.ABNORMAL, WebSocketFrameDecoder.E_EOF));
        assertAllSplits(Arrays.copyOf(frame(FIN | OP_TEXT, CLIENT, "cut short"), 6), CLIENT, LIMIT, true,
                "EOF " + error(CloseStatus.ABNORMAL, WebSocketFrameDecoder.E_EOF_IN_MESSAGE));
        assertAllSplits(frame(OP_TEXT, CLIENT, "first fragment only"), CLIENT, LIMIT, true,
                "EOF " + error(CloseStatus.ABNORMAL, WebSocketFrameDecoder.E_EOF_IN_MESSAGE));
        assertAllSplits(frame(FIN | OP_CLOSE, SERVER, closePayload(1000, utf8("done"))), SERVER, LIMIT, true,
                close(1000, "done"), "EOF " + close(1000, "done"));
    }

    @Test
    void midMessage() {
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(LIMIT, null);
        assertFalse(d.midMessage());
        d.decode(ByteBuffer.wrap(bytes(0x01)));
        assertTrue(d.midMessage());
        d.decode(ByteBuffer.wrap(bytes(0x01, 0x61)));
        assertTrue(d.midMessage(), "between fragments");
        assertEquals(MESSAGE, d.decode(ByteBuffer.wrap(frame(FIN | OP_CONT, CLIENT, "b"))));
        assertFalse(d.midMessage());
    }

    @Test
    void resetMakesAFailedDecoderUsableForANewConnection() {
        Recorder rec = new Recorder();
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forServer(LIMIT, rec);
        assertEquals(ERROR, d.decode(ByteBuffer.wrap(frame(FIN | OP_TEXT, false, "x"))));
        d.reset();
        assertEquals(null, d.error());
        assertEquals(MESSAGE, d.decode(ByteBuffer.wrap(frame(FIN | OP_TEXT, true, "again"))));
        assertEquals(5, rec.length);
    }

    @Test
    void withoutAConsumerMessagesAreCounted() {
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forServer(LIMIT, null);
        ByteBuffer buf = ByteBuffer.wrap(concat(frame(OP_BINARY, true, pattern(70, 1)),
                frame(FIN | OP_CONT, true, pattern(30, 2))));
        assertEquals(MESSAGE, d.decode(buf));
        assertEquals(100, d.messageLength());
        assertEquals(OP_BINARY, d.messageOpcode());
        assertEquals(2, d.messageFrames());
    }

    @Test
    void theConsumerCanBeChangedBetweenMessages() {
        MessageBuffer first = new MessageBuffer(16);
        MessageBuffer second = new MessageBuffer(16);
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(LIMIT, first);
        ByteBuffer buf = ByteBuffer.wrap(concat(frame(FIN | OP_TEXT, false, "one"), frame(FIN | OP_BINARY, false, "two")));
        assertEquals(MESSAGE, d.decode(buf));
        d.consumer(second);
        assertEquals(MESSAGE, d.decode(buf));
        assertEquals("one", first.text());
        assertEquals("two", second.text());
        assertEquals(OP_BINARY, second.opcode());
    }

    @Test
    void messageBufferKeepsUpToItsCapacity() {
        MessageBuffer b = new MessageBuffer(4);
        WebSocketFrameDecoder d = WebSocketFrameDecoder.forClient(LIMIT, b);
        assertEquals(MESSAGE, d.decode(ByteBuffer.wrap(frame(FIN | OP_TEXT, false, "abcdef"))));
        assertEquals("abcd", b.text());
        assertTrue(b.truncated());
        assertEquals(MESSAGE, d.decode(ByteBuffer.wrap(frame(FIN | OP_TEXT, false, "xy"))));
        assertEquals("xy", b.text());
        assertFalse(b.truncated());
    }
}
