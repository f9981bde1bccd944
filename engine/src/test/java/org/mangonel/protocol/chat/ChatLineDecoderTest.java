package org.mangonel.protocol.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each stream is decoded whole, split in two at every byte, and byte by byte: same lines each way. */
class ChatLineDecoderTest {
    private static final int SIZE = 64;

    private static byte[] message(int sender, long seq, long due, long sent, String terminator) {
        ByteBuffer out = ByteBuffer.allocate(200);
        ChatLines.encode(out, sender, seq, due, sent, SIZE, terminator.getBytes(StandardCharsets.US_ASCII));
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    private static List<String> decode(List<byte[]> pieces) {
        return decode(pieces, 1000);
    }

    private static List<String> decode(List<byte[]> pieces, int maxLineBytes) {
        ChatLineDecoder d = new ChatLineDecoder(SIZE, maxLineBytes);
        List<String> lines = new ArrayList<>();
        for (byte[] piece : pieces) {
            ByteBuffer buf = ByteBuffer.wrap(piece);
            while (buf.hasRemaining()) {
                int r = d.decode(buf);
                switch (r) {
                    case ChatLineDecoder.MESSAGE -> lines.add("M " + d.sender() + " " + d.seq() + " " + d.dueUs()
                            + " " + d.sentUs());
                    case ChatLineDecoder.OTHER -> lines.add("O");
                    case ChatLineDecoder.CORRUPT -> lines.add("C");
                    case ChatLineDecoder.TOO_LONG -> lines.add("L");
                    default -> { }
                }
            }
        }
        return lines;
    }

    private static void assertAllSplits(byte[] stream, List<String> expected) {
        assertEquals(expected, decode(List.of(stream)), "whole");
        for (int cut = 1; cut < stream.length; cut++) {
            assertEquals(expected, decode(List.of(java.util.Arrays.copyOfRange(stream, 0, cut),
                    java.util.Arrays.copyOfRange(stream, cut, stream.length))), "split at " + cut);
        }
        assertEquals(expected, decode(byteByByte(stream)), "byte by byte");
    }

    /** One buffer per byte: every line goes through the state machine, never the whole-line path. */
    private static List<byte[]> byteByByte(byte[] stream) {
        List<byte[]> single = new ArrayList<>();
        for (byte b : stream) {
            single.add(new byte[] {b});
        }
        return single;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void encodedMessageHasTheDeclaredSize() {
        byte[] m = message(12, 34, 56, 78, "\n");
        assertEquals(SIZE + 1, m.length);
        assertEquals("#mg 000012 000000034 000000000056 000000000078 xxxxxxxxxxxxxxxxx\n",
                new String(m, StandardCharsets.US_ASCII));
    }

    @Test
    void messagesOtherLinesAndPrefixesAcrossEverySplit() {
        byte[] stream = concat(
                message(1, 2, 3, 4, "\n"),
                "* bob joined\r\n".getBytes(),
                "alice: ".getBytes(), message(999_999, 123_456_789, 999_999_999_999L, 5, "\r\n"),
                "\n".getBytes(),
                "##m #m#".getBytes(), message(7, 8, 9, 10, "\n"));
        assertAllSplits(stream, List.of("M 1 2 3 4", "O", "M 999999 123456789 999999999999 5", "O",
                "M 7 8 9 10"));
    }

    @Test
    void damagedMessagesAreCorrupt() {
        String good = new String(message(1, 2, 3, 4, ""), StandardCharsets.US_ASCII);
        byte[] stream = concat(
                (good.substring(0, 10) + "Z" + good.substring(11) + "\n").getBytes(),   // a letter in a number
                (good.substring(0, 40) + "\n").getBytes(),                              // cut short
                (good + "x\n").getBytes(),                                              // too long
                (good.substring(0, SIZE - 1) + "y\n").getBytes(),                       // padding changed
                (good.substring(0, 10) + "-" + good.substring(11) + "\n").getBytes());  // separator changed
        assertAllSplits(stream, List.of("C", "C", "C", "C", "C"));
    }

    /**
     * The whole-line path (lines that start and end in one buffer) and the state machine (the
     * same bytes one at a time) agree on 20,000 damaged variants of message lines: bytes changed,
     * inserted or removed from the marker's alphabet, digits, separators, CR and LF, prefixes.
     */
    @Test
    void theWholeLinePathAgreesWithTheStateMachine() {
        java.util.Random random = new java.util.Random(20261128);
        byte[] alphabet = "0123456789 x#mgZ\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 20_000; i++) {
            String prefix = random.nextInt(4) == 0 ? "user" + random.nextInt(100) + ": " : "";
            String end = random.nextBoolean() ? "\n" : "\r\n";
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            line.writeBytes(prefix.getBytes(StandardCharsets.US_ASCII));
            line.writeBytes(message(random.nextInt(1_000_000), random.nextInt(1_000_000_000),
                    random.nextLong() & 0xFFFFFFFFFFL, random.nextLong() & 0xFFFFFFFFFFL, end));
            byte[] stream = line.toByteArray();
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(stream.length);
                byte b = alphabet[random.nextInt(alphabet.length)];
                stream = switch (random.nextInt(3)) {
                    case 0 -> { stream[at] = b; yield stream; }
                    case 1 -> concat(java.util.Arrays.copyOfRange(stream, 0, at), new byte[] {b},
                            java.util.Arrays.copyOfRange(stream, at, stream.length));
                    default -> concat(java.util.Arrays.copyOfRange(stream, 0, at),
                            java.util.Arrays.copyOfRange(stream, at + 1, stream.length));
                };
            }
            String shown = new String(stream, StandardCharsets.US_ASCII);
            for (int max : new int[] {1000, SIZE + 2, SIZE - 1}) {
                assertEquals(decode(byteByByte(stream), max), decode(List.of(stream), max),
                        "limit " + max + ": " + shown);
            }
        }
    }

    @Test
    void aLineLongerThanTheLimitIsTooLong() {
        ChatLineDecoder d = new ChatLineDecoder(SIZE, 100);
        ByteBuffer buf = ByteBuffer.wrap("a".repeat(150).getBytes());
        assertEquals(ChatLineDecoder.TOO_LONG, d.decode(buf));
    }

    /** A sender's template keeps only its fixed bytes: each message's digits replace the last's whole. */
    @Test
    void aReusedTemplateWritesEachMessageWhole() {
        ChatLines.Template t = new ChatLines.Template(SIZE, new byte[] {'\r', '\n'});
        ByteBuffer out = ByteBuffer.allocateDirect(400);
        t.encode(out, 999_999, 987_654_321L, 999_999_999_999L, 123_456_789_012L);
        t.encode(out, 7, 5, 0, -1);
        t.encode(out, 12, 1_000_000_005L, 1_000_000_000_042L, 3);
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        assertEquals(3 * (SIZE + 2), bytes.length);
        assertEquals(List.of("M 999999 987654321 999999999999 123456789012", "M 7 5 0 999999999999", "M 12 5 42 3"),
                decode(List.of(bytes)), "every field modulo its width, the line the same every time");
        assertEquals(new String(message(7, 5, 0, -1, "\r\n"), StandardCharsets.US_ASCII),
                new String(bytes, SIZE + 2, SIZE + 2, StandardCharsets.US_ASCII), "as a fresh template writes it");
    }
}
