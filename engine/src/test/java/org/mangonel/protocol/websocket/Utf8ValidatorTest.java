package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mangonel.protocol.websocket.RawFrames.bytes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The validator against hand-picked cases, against the JDK's strict decoder, split everywhere. */
class Utf8ValidatorTest {
    /** Validates {@code b} whole, then split at every position, then byte by byte; all must agree. */
    private static boolean validEveryWay(byte[] b) {
        boolean whole = Utf8Validator.isValid(b, 0, b.length);
        Utf8Validator v = new Utf8Validator();
        assertEquals(whole, v.update(b, 0, b.length) && v.complete(), "incremental, whole: " + hex(b));
        for (int cut = 0; cut <= b.length; cut++) {
            v.reset();
            boolean ok = v.update(b, 0, cut) && v.update(b, cut, b.length) && v.complete();
            assertEquals(whole, ok, "split at " + cut + ": " + hex(b));
        }
        v.reset();
        boolean ok = true;
        for (int i = 0; i < b.length && ok; i++) {
            ok = v.update(b, i, i + 1);
        }
        assertEquals(whole, ok && v.complete(), "byte by byte: " + hex(b));
        return whole;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void validText() {
        for (String s : new String[] {"", "plain ASCII", "héllo", "€uro", "𝄞 clef", "日本語", "mixed é € 𝄞 a"}) {
            assertTrue(validEveryWay(s.getBytes(StandardCharsets.UTF_8)), s);
        }
        assertTrue(validEveryWay(bytes(0xF4, 0x8F, 0xBF, 0xBF)), "U+10FFFF");
        assertTrue(validEveryWay(bytes(0xEF, 0xBF, 0xBF)), "U+FFFF");
        assertTrue(validEveryWay(bytes(0xEE, 0x80, 0x80)), "U+E000, just after the surrogates");
        assertTrue(validEveryWay(bytes(0xED, 0x9F, 0xBF)), "U+D7FF, just before the surrogates");
        assertTrue(validEveryWay(bytes(0x00)), "NUL is valid UTF-8");
    }

    @Test
    void everyCodePointIsValid() {
        Utf8Validator v = new Utf8Validator();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            v.reset();
            assertTrue(v.update(b, 0, b.length) && v.complete(), "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void invalidSequences() {
        byte[][] invalid = {
            bytes(0x80), bytes(0xBF), bytes(0xC0, 0x80), bytes(0xC1, 0xBF), bytes(0xC2), bytes(0xC2, 0x41),
            bytes(0xE0, 0x80, 0x80), bytes(0xE0, 0x9F, 0xBF), bytes(0xE1, 0x80), bytes(0xED, 0xA0, 0x80),
            bytes(0xED, 0xBF, 0xBF), bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF0, 0x8F, 0xBF, 0xBF),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xF8), bytes(0xFE), bytes(0xFF),
            bytes(0xF1, 0x80, 0x80), bytes(0x61, 0xE2, 0x82, 0x28),
        };
        for (byte[] b : invalid) {
            assertFalse(validEveryWay(b), hex(b));
        }
    }

    @Test
    void rejectionIsStickyAndIncompleteIsNotComplete() {
        Utf8Validator v = new Utf8Validator();
        assertTrue(v.update(bytes(0xE2, 0x82), 0, 2));
        assertFalse(v.complete());
        assertTrue(v.update(bytes(0xAC), 0, 1));
        assertTrue(v.complete());
        assertFalse(v.update(bytes(0xFF), 0, 1));
        assertFalse(v.update(bytes(0x61), 0, 1), "once invalid, always invalid");
        v.reset();
        assertTrue(v.update(bytes(0x61), 0, 1));
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomBytes() {
        CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // Bytes drawn mostly from the interesting ranges: ASCII, continuation bytes and lead bytes.
        int[] alphabet = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                          0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        Random r = new Random(6455);
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[r.nextInt(7)];
            for (int j = 0; j < b.length; j++) {
                b[j] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : alphabet[r.nextInt(alphabet.length)]);
            }
            boolean expected;
            try {
                jdk.reset().decode(ByteBuffer.wrap(b));
                expected = true;
            } catch (CharacterCodingException e) {
                expected = false;
            }
            assertEquals(expected, Utf8Validator.isValid(b, 0, b.length), hex(b));
            Utf8Validator v = new Utf8Validator();
            int cut = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            assertEquals(expected, v.update(b, 0, cut) && v.update(b, cut, b.length) && v.complete(), hex(b));
        }
    }

    @Test
    void longAsciiRunsAroundAnError() {
        byte[] b = ("a".repeat(1000) + "é" + "b".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8Validator.isValid(b, 0, b.length));
        b[1001] = 0x41; // the continuation byte of "é" replaced
        Utf8Validator v = new Utf8Validator();
        assertFalse(v.update(b, 0, b.length));
    }
}
