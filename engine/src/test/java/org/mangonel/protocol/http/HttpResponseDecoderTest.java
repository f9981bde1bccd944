package org.mangonel.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every case is decoded whole, then split into two pieces at every byte boundary, then fed one
 * byte at a time: the outcome must be the same each way.
 */
class HttpResponseDecoderTest {
    private static final int MAX_HEADER = 8 * 1024;
    private static final long MAX_BODY = 1 << 20;

    /** What decoding a whole input produced. */
    record Outcome(List<Integer> statuses, List<Long> bodyLengths, List<Boolean> keepAlive, String error,
                   int consumedAfterLast, boolean matched) {
    }

    /**
     * Decodes {@code input} given as the listed pieces, expecting {@code responses} complete
     * responses (or an error), then optionally end of input.
     */
    private static Outcome decode(List<byte[]> pieces, int responses, boolean head, boolean eof, BodyMatcher matcher) {
        HttpResponseDecoder d = new HttpResponseDecoder(MAX_HEADER, MAX_BODY);
        List<Integer> statuses = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        List<Boolean> keep = new ArrayList<>();
        boolean matched = true;
        d.begin(head, matcher);
        String error = null;
        int leftover = 0;
        outer:
        for (byte[] piece : pieces) {
            ByteBuffer buf = ByteBuffer.wrap(piece);
            while (buf.hasRemaining()) {
                int r = d.decode(buf);
                if (r == HttpResponseDecoder.ERROR) {
                    error = d.error();
                    break outer;
                }
                if (r == HttpResponseDecoder.COMPLETE) {
                    statuses.add(d.status());
                    lengths.add(d.bodyBytes());
                    keep.add(d.keepAlive());
                    matched &= d.bodyMatched();
                    if (statuses.size() == responses) {
                        leftover = buf.remaining();
                        break outer;
                    }
                    d.begin(head, matcher);
                }
            }
        }
        if (eof && error == null && statuses.size() < responses) {
            int r = d.endOfInput();
            if (r == HttpResponseDecoder.COMPLETE) {
                statuses.add(d.status());
                lengths.add(d.bodyBytes());
                keep.add(d.keepAlive());
                matched &= d.bodyMatched();
            } else {
                error = d.error();
            }
        }
        return new Outcome(statuses, lengths, keep, error, leftover, matched);
    }

    /** Checks that every way of splitting {@code text} gives {@code expected}. */
    private static void assertAllSplits(String text, int responses, boolean head, boolean eof, BodyMatcher matcher,
                                        Outcome expected) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        String in = " of " + printable(text);
        assertEquals(expected, decode(List.of(bytes), responses, head, eof, copy(matcher)), "whole input" + in);
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] a = java.util.Arrays.copyOfRange(bytes, 0, cut);
            byte[] b = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
            Outcome got = decode(List.of(a, b), responses, head, eof, copy(matcher));
            String where = "split at " + cut + in;
            assertEquals(expected.statuses(), got.statuses(), where);
            assertEquals(expected.bodyLengths(), got.bodyLengths(), where);
            assertEquals(expected.keepAlive(), got.keepAlive(), where);
            assertEquals(expected.error(), got.error(), where);
            assertEquals(expected.matched(), got.matched(), where);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte x : bytes) {
            single.add(new byte[] {x});
        }
        Outcome got = decode(single, responses, head, eof, copy(matcher));
        assertEquals(expected.statuses(), got.statuses(), "byte by byte" + in);
        assertEquals(expected.bodyLengths(), got.bodyLengths(), "byte by byte" + in);
        assertEquals(expected.error(), got.error(), "byte by byte" + in);
        assertEquals(expected.matched(), got.matched(), "byte by byte" + in);
    }

    /** The input for a failure message, control characters escaped, long inputs cut. */
    private static String printable(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append(text.length() > 200 ? "...\"" : "\"").toString();
    }

    /** Every split of {@code text}, a single response, ends in ERROR with {@code message}. */
    private static void assertError(String text, String message) {
        assertAllSplits(text, 1, false, false, null, error(message));
    }

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    private static BodyMatcher copy(BodyMatcher m) {
        return m == null ? null : m.copy();
    }

    private static Outcome ok(int status, long body, boolean keepAlive) {
        return new Outcome(List.of(status), List.of(body), List.of(keepAlive), null, 0, true);
    }

    private static Outcome error(String message) {
        return new Outcome(List.of(), List.of(), List.of(), message, 0, true);
    }

    @Test
    void contentLength() {
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Type: text/plain\r\n\r\nHello, World!",
                1, false, false, null, ok(200, 13, true));
    }

    @Test
    void contentLengthHeaderNameIsCaseInsensitiveAndValueTrimmed() {
        assertAllSplits("HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh:    5   \r\n\r\nabcde", 1, false, false, null,
                ok(200, 5, true));
    }

    @Test
    void zeroLengthBody() {
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 1, false, false, null, ok(200, 0, true));
    }

    @Test
    void chunkedBodyWithExtensionsAndTrailers() {
        String r = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nHello\r\n"
                + "8\r\n, World!\r\n"
                + "0\r\nX-Trailer: yes\r\n\r\n";
        assertAllSplits(r, 1, false, false, BodyMatcher.equalTo("Hello, World!".getBytes()), ok(200, 13, true));
    }

    @Test
    void chunkedWithUpperCaseHexAndBareLf() {
        String r = "HTTP/1.1 200 OK\nTransfer-Encoding: gzip, chunked\n\nA\n0123456789\n0\n\n";
        assertAllSplits(r, 1, false, false, null, ok(200, 10, true));
    }

    @Test
    void http10WithoutLengthReadsUntilEndOfInput() {
        assertAllSplits("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nbody until close", 1, false, true, null,
                ok(200, 16, false));
    }

    @Test
    void http10KeepAliveWithLength() {
        assertAllSplits("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok", 1, false, false,
                null, ok(200, 2, true));
    }

    @Test
    void http10WithLengthButNoKeepAliveIsNotReusable() {
        assertAllSplits("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 1, false, false, null, ok(200, 2, false));
    }

    @Test
    void connectionCloseAmongOtherTokens() {
        assertAllSplits("HTTP/1.1 200 OK\r\nConnection: foo, Close\r\nContent-Length: 1\r\n\r\nx", 1, false, false,
                null, ok(200, 1, false));
    }

    @Test
    void interimResponsesAreSkipped() {
        String r = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nnew";
        assertAllSplits(r, 1, false, false, null, ok(201, 3, true));
    }

    @Test
    void headResponseHasNoBodyWhateverItsLength() {
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", 1, true, false, null, ok(200, 0, true));
    }

    @Test
    void noContentAndNotModifiedHaveNoBody() {
        assertAllSplits("HTTP/1.1 204 No Content\r\n\r\n", 1, false, false, null, ok(204, 0, true));
        assertAllSplits("HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n", 1, false, false, null,
                ok(304, 0, true));
    }

    @Test
    void statusLineWithoutReasonPhrase() {
        assertAllSplits("HTTP/1.1 404\r\nContent-Length: 0\r\n\r\n", 1, false, false, null, ok(404, 0, true));
    }

    @Test
    void pipelinedResponsesInOneBuffer() {
        String r = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
                + "HTTP/1.1 500 Oops\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n";
        Outcome expected = new Outcome(List.of(200, 500, 204), List.of(1L, 1L, 0L), List.of(true, true, true), null, 0,
                true);
        assertAllSplits(r, 3, false, false, null, expected);
    }

    @Test
    void completeLeavesTheNextResponseInTheBuffer() {
        HttpResponseDecoder d = new HttpResponseDecoder(MAX_HEADER, MAX_BODY);
        d.begin(false, null);
        ByteBuffer buf = ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1".getBytes());
        assertEquals(HttpResponseDecoder.COMPLETE, d.decode(buf));
        assertEquals(8, buf.remaining());
    }

    @Test
    void bodyMatchers() {
        String r = "HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!";
        assertAllSplits(r, 1, false, false, BodyMatcher.equalTo("Hello, World?".getBytes()),
                new Outcome(List.of(200), List.of(13L), List.of(true), null, 0, false));
        assertAllSplits(r, 1, false, false, BodyMatcher.equalTo("Hello".getBytes()),
                new Outcome(List.of(200), List.of(13L), List.of(true), null, 0, false));
        assertAllSplits(r, 1, false, false, BodyMatcher.containing("o, W".getBytes()), ok(200, 13, true));
        assertAllSplits(r, 1, false, false, BodyMatcher.containing("World!!".getBytes()),
                new Outcome(List.of(200), List.of(13L), List.of(true), null, 0, false));
    }

    @Test
    void containsMatcherFindsOverlappingPrefix() {
        String r = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\n\r\naaaaaab";
        assertAllSplits(r, 1, false, false, BodyMatcher.containing("aab".getBytes()), ok(200, 7, true));
    }

    @Test
    void malformedInputsAreErrorsNotExceptions() {
        assertAllSplits("SSH-2.0-OpenSSH_9.2\r\n", 1, false, false, null, error(HttpResponseDecoder.E_STATUS_LINE));
        assertAllSplits("HTTP/2.0 200 OK\r\n\r\n", 1, false, false, null, error(HttpResponseDecoder.E_VERSION));
        assertAllSplits("HTTP/1.1 2x0 OK\r\n\r\n", 1, false, false, null, error(HttpResponseDecoder.E_STATUS_LINE));
        assertAllSplits("HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n", 1, false, false, null,
                error(HttpResponseDecoder.E_HEADER_LINE));
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n", 1, false, false, null,
                error(HttpResponseDecoder.E_CONTENT_LENGTH));
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 1, false, false, null,
                error(HttpResponseDecoder.E_CONTENT_LENGTH));
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 1, false, false, null,
                error(HttpResponseDecoder.E_CHUNK_SIZE));
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 1, false, false, null,
                error(HttpResponseDecoder.E_CHUNK_END));
        assertAllSplits("HTTP/1.1 200 OK\rX", 1, false, false, null, error(HttpResponseDecoder.E_BARE_CR));
        assertAllSplits("HTTP/1.1 101 Switching Protocols\r\n\r\n", 1, false, false, null,
                error(HttpResponseDecoder.E_SWITCHING));
    }

    @Test
    void truncatedBodyThenEndOfInputIsAnError() {
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", 1, false, true, null,
                error(HttpResponseDecoder.E_EOF));
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", 1, false, true, null,
                error(HttpResponseDecoder.E_EOF));
    }

    @Test
    void headerLimitStopsAHugeHeaderWithoutKeepingIt() {
        String big = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(MAX_HEADER) + "\r\n\r\n";
        Outcome got = decode(List.of(big.getBytes()), 1, false, false, null);
        assertEquals(HttpResponseDecoder.E_HEADER_TOO_LARGE, got.error());
    }

    @Test
    void headerLimitCountsEveryByteWhicheverPathReadsIt() {
        // The fast paths (whole lines in one buffer) and the byte path (lines split across reads)
        // must count the same bytes: a header section of exactly the limit passes at every split,
        // one byte more fails at every split.
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\nX-Pad: ";
        String tail = "\r\n\r\n";
        int pad = 96 - head.length() - tail.length();
        String exact = head + "p".repeat(pad) + tail;
        assertEquals(96, exact.length());
        HttpResponseDecoder limited = new HttpResponseDecoder(96, MAX_BODY);
        for (String text : List.of(exact + "ok", head + "p".repeat(pad + 1) + tail + "ok")) {
            boolean fits = text.length() == 98;
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            for (int cut = 0; cut < bytes.length; cut++) {
                limited.begin(false, null);
                ByteBuffer first = ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, 0, cut));
                int r = limited.decode(first);
                if (r == HttpResponseDecoder.NEED_MORE) {
                    r = limited.decode(ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, cut, bytes.length)));
                }
                assertEquals(fits ? HttpResponseDecoder.COMPLETE : HttpResponseDecoder.ERROR, r, "split at " + cut);
                if (!fits) {
                    assertEquals(HttpResponseDecoder.E_HEADER_TOO_LARGE, limited.error(), "split at " + cut);
                }
            }
        }
    }

    @Test
    void bodyLimitAppliesToLengthAndChunks() {
        HttpResponseDecoder d = new HttpResponseDecoder(MAX_HEADER, 10);
        d.begin(false, null);
        assertEquals(HttpResponseDecoder.ERROR,
                d.decode(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n".getBytes())));
        assertEquals(HttpResponseDecoder.E_BODY_TOO_LARGE, d.error());
        d.begin(false, null);
        assertEquals(HttpResponseDecoder.ERROR, d.decode(ByteBuffer.wrap(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n".getBytes())));
        assertEquals(HttpResponseDecoder.E_BODY_TOO_LARGE, d.error());
    }

    @Test
    void midResponseTellsWhetherBytesOfAResponseArrived() {
        HttpResponseDecoder d = new HttpResponseDecoder(MAX_HEADER, MAX_BODY);
        d.begin(false, null);
        assertFalse(d.midResponse());
        d.decode(ByteBuffer.wrap("HTTP/1".getBytes()));
        assertTrue(d.midResponse());
    }

    // ---- RFC 9112 grammar, case by case (see the decoder's class comment) ----

    /** §7.1, §7.1.1: after the hex size only BWS, ';' extensions and the line end. */
    @Test
    void chunkSizeLineWithAnythingButExtensionsIsAnError() {
        String[] bad = {
            "2 erfrferferf\r\nab\r\n0\r\n\r\n",  // the reported case
            "2erf\r\nab\r\n0\r\n\r\n",           // "2e" is hex, 'r' is not
            "2 3\r\nab\r\n0\r\n\r\n",            // a second number after BWS
            " 2\r\nab\r\n0\r\n\r\n",             // whitespace before the size
            "\r\nab\r\n0\r\n\r\n",               // no size
            "0x2\r\nab\r\n0\r\n\r\n",
            "+2\r\nab\r\n0\r\n\r\n",
            "2;\r\nab\r\n0\r\n\r\n",             // ';' without a name
            "2;=v\r\nab\r\n0\r\n\r\n",
            "2;a=\r\nab\r\n0\r\n\r\n",           // '=' without a value
            "2;a b\r\nab\r\n0\r\n\r\n",          // two names without ';'
            "2;a=b c\r\nab\r\n0\r\n\r\n",        // a value then junk
            "2;a=b=c\r\nab\r\n0\r\n\r\n",
            "2;a=\"x\" y\r\nab\r\n0\r\n\r\n",    // junk after a quoted value
            "2;a=\"open\r\nab\r\n0\r\n\r\n",     // unterminated quoted-string
            "2;a=\"c\u0001\"\r\nab\r\n0\r\n\r\n", // control character in a quoted-string
            "2;a=\"c\\\u0000\"\r\nab\r\n0\r\n\r\n", // quoted-pair of a control character
            "2;n\u00e9=v\r\nab\r\n0\r\n\r\n",    // obs-text is not a token
            "2;a=(v)\r\nab\r\n0\r\n\r\n",        // '(' is not a token character
            "2\rX\r\nab\r\n0\r\n\r\n",           // bare CR
            "2;a\rb\r\nab\r\n0\r\n\r\n",         // bare CR in an extension
            "2\u0000\r\nab\r\n0\r\n\r\n",
            "2\r\nab\r\n0 x\r\n\r\n",            // the last chunk too
        };
        for (String chunks : bad) {
            assertError(CHUNKED_HEAD + chunks, HttpResponseDecoder.E_CHUNK_SIZE);
        }
    }

    /** §7.1.1: every form the chunk-ext grammar produces still decodes, with the right body. */
    @Test
    void validChunkExtensionsAreAcceptedAndIgnored() {
        String[] good = {
            "2;ext=val\r\nab\r\n0\r\n\r\n",
            "2 ; ext=\"quoted\"\r\nab\r\n0\r\n\r\n",
            "2;a;b=c\r\nab\r\n0\r\n\r\n",
            "2\t;\ta\t=\tb ;c = \"d\"\t\r\nab\r\n0\r\n\r\n",            // BWS everywhere it may be
            "2;a=\"q\\\"uo;te=d\\\\\"\r\nab\r\n0\r\n\r\n",                // quoted-pairs, ';' and '=' inside quotes
            "2;a=\"caf\u00e9 \t!#\"\r\nab\r\n0\r\n\r\n",                 // obs-text, SP, HTAB in a quoted-string
            "2;!#$%&'*+-.^_`|~09AZaz=!#$%&'*+-.^_`|~\r\nab\r\n0\r\n\r\n", // every token character
            "2;a=\"\"\r\nab\r\n0\r\n\r\n",                                // empty quoted-string
            "2 \r\nab\r\n0 \t\r\n\r\n",                                   // BWS before the line end
            "0002\r\nab\r\n0000;last=1\r\n\r\n",                          // leading zeros
            "2;a=b\nab\n0;c\n\n",                                         // lone LF line ends
            "1;a=b\r\na\r\n1;c=\"d\"\r\nb\r\n0;e\r\nT: 1\r\n\r\n",
        };
        for (String chunks : good) {
            assertAllSplits(CHUNKED_HEAD + chunks, 1, false, false, BodyMatcher.equalTo("ab".getBytes()),
                    ok(200, 2, true));
        }
    }

    /** §7.1.1: extensions are bounded per line, not per response, and not by the header limit. */
    @Test
    void chunkSizeLineLengthIsBounded() {
        int limit = HttpResponseDecoder.MAX_CHUNK_LINE_BYTES;
        String longest = "2;x=" + "v".repeat(limit - "2;x=\r\n".length()) + "\r\n";
        assertEquals(limit, longest.length());
        assertAllSplits(CHUNKED_HEAD + longest + "ab\r\n0\r\n\r\n", 1, false, false, null, ok(200, 2, true));
        String tooLong = "2;x=" + "v".repeat(limit - "2;x=\r\n".length() + 1) + "\r\n";
        assertError(CHUNKED_HEAD + tooLong + "ab\r\n0\r\n\r\n", HttpResponseDecoder.E_CHUNK_LINE_TOO_LONG);
        assertError(CHUNKED_HEAD + "0".repeat(limit + 1) + "2\r\nab\r\n0\r\n\r\n",
                HttpResponseDecoder.E_CHUNK_LINE_TOO_LONG);
        // Many chunks, with more extension bytes in all than the header limit: fine.
        StringBuilder many = new StringBuilder(CHUNKED_HEAD);
        for (int i = 0; i < 100; i++) {
            many.append("1;signature=\"").append("s".repeat(80)).append("\"\r\nx\r\n");
        }
        assertTrue(many.length() > MAX_HEADER);
        assertAllSplits(many.append("0\r\n\r\n").toString(), 1, false, false, null, ok(200, 100, true));
    }

    /** §5.1, RFC 9110 §5.1 and §5.6.2: a field name is a non-empty token, right before the colon. */
    @Test
    void fieldNameMustBeAToken() {
        String[] bad = {
            "Content-Length : 2",  // whitespace before the colon
            "Content-Length\t: 2",
            "Bad Name: x",
            "X(y): z",
            "Caf\u00e9: x",
            "X\u0000: y",
            ": empty name",
        };
        for (String line : bad) {
            assertError("HTTP/1.1 200 OK\r\n" + line + "\r\nContent-Length: 2\r\n\r\nok",
                    HttpResponseDecoder.E_HEADER_NAME);
        }
        assertAllSplits("HTTP/1.1 200 OK\r\n!#$%&'*+-.^_`|~09AZaz: x\r\nContent-Length: 2\r\n\r\nok", 1, false,
                false, null, ok(200, 2, true));
    }

    /** RFC 9110 §5.5: no control characters but HTAB in a field value; obs-text is fine. */
    @Test
    void fieldValueMustNotHoldControlCharacters() {
        for (String value : new String[] {"a\u0000b", "a\u0001", "\u001fb", "a\u007fb", "a\u000bb"}) {
            assertError("HTTP/1.1 200 OK\r\nX: " + value + "\r\nContent-Length: 2\r\n\r\nok",
                    HttpResponseDecoder.E_HEADER_VALUE);
            assertError("HTTP/1.1 200 OK\r\nContent-Length: 2" + value + "\r\n\r\nok",
                    HttpResponseDecoder.E_HEADER_VALUE);
        }
        assertAllSplits("HTTP/1.1 200 OK\r\nX: a\tb caf\u00e9 \u00ff\r\nContent-Length: 2\r\n\r\nok", 1, false,
                false, null, ok(200, 2, true));
    }

    /** §4: the reason phrase is HTAB, SP, VCHAR and obs-text; its content is ignored. */
    @Test
    void reasonPhraseMustNotHoldControlCharacters() {
        assertError("HTTP/1.1 200 O\u0000K\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.1 200 O\u001bK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.1 200 \u007f\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertAllSplits("HTTP/1.1 200 \u00e9t\u00e9\t o:k\r\nContent-Length: 0\r\n\r\n", 1, false, false, null,
                ok(200, 0, true));
    }

    /** §4, §2.2, §2.3, RFC 9110 §2.5 and §15: the status line choices, as documented. */
    @Test
    void statusLineChoices() {
        assertError("\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.1\t200 OK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.1 099 Low\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_STATUS_LINE);
        assertError("HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n", HttpResponseDecoder.E_VERSION);
        assertAllSplits("HTTP/1.1 999 Custom\r\nContent-Length: 0\r\n\r\n", 1, false, false, null, ok(999, 0, true));
        assertAllSplits("HTTP/1.1 200\nContent-Length: 0\n\n", 1, false, false, null, ok(200, 0, true));
    }

    /** §2.2: whitespace before the first field line (headers or trailers) is rejected. */
    @Test
    void whitespaceBeforeTheFirstFieldIsAnError() {
        assertError("HTTP/1.1 200 OK\r\n X: y\r\nContent-Length: 2\r\n\r\nok", HttpResponseDecoder.E_LEADING_WHITESPACE);
        assertError("HTTP/1.1 200 OK\r\n\tContent-Length: 2\r\n\r\nok", HttpResponseDecoder.E_LEADING_WHITESPACE);
        assertError("HTTP/1.1 200 OK\r\n \r\n\r\n", HttpResponseDecoder.E_LEADING_WHITESPACE);
        assertError(CHUNKED_HEAD + "2\r\nab\r\n0\r\n T: 1\r\n\r\n", HttpResponseDecoder.E_LEADING_WHITESPACE);
    }

    /** §5.2: an obs-fold continues the previous field's value, read as SP. */
    @Test
    void obsFoldContinuesTheFieldValue() {
        assertAllSplits("HTTP/1.1 200 OK\r\nX-Folded: a\r\n b\r\n\t c\r\nContent-Length: 2\r\n\r\nok", 1, false,
                false, null, ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length:\r\n 2\r\n\r\nok", 1, false, false, null,
                ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n \r\n\r\nok", 1, false, false, null,
                ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 2,\r\n 2\r\n\r\nok", 1, false, false, null,
                ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", 1,
                false, false, null, ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nConnection: keep-alive,\r\n\tclose\r\nContent-Length: 2\r\n\r\nok", 1,
                false, false, null, ok(200, 2, false));
        assertError("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n 3\r\n\r\nok", HttpResponseDecoder.E_CONTENT_LENGTH);
        assertError("HTTP/1.1 200 OK\r\nX: a\r\n b\u0000\r\nContent-Length: 2\r\n\r\nok",
                HttpResponseDecoder.E_HEADER_VALUE);
        assertError("HTTP/1.1 200 OK\r\nX: a\r\n b\rc\r\nContent-Length: 2\r\n\r\nok", HttpResponseDecoder.E_BARE_CR);
    }

    /** §6.3 item 5, RFC 9110 §8.6: identical repeats are one value; anything else is an error. */
    @Test
    void contentLengthListsAndRepeats() {
        for (String value : new String[] {"2, 2", "2,2", " 2 ,\t2 , 2 ", "002"}) {
            assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\nok", 1, false, false, null,
                    ok(200, 2, true));
        }
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2, 2\r\n\r\nok", 1, false, false,
                null, ok(200, 2, true));
        for (String value : new String[] {"2, 3", "2,,2", ",2", "2,", "", "+2", "-2", "0x2", "2 2", "2;", "1e3",
                                          "1234567890123456789", "1".repeat(70)}) {
            assertError("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\nok",
                    HttpResponseDecoder.E_CONTENT_LENGTH);
        }
        assertError("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2, 3\r\n\r\nok",
                HttpResponseDecoder.E_CONTENT_LENGTH);
    }

    /** §6.1, §6.3: chunked only once and last; Transfer-Encoding wins over Content-Length. */
    @Test
    void transferEncodingRules() {
        assertError("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
                HttpResponseDecoder.E_TRANSFER_ENCODING);
        assertError("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
                HttpResponseDecoder.E_TRANSFER_ENCODING);
        assertError("HTTP/1.1 200 OK\r\nTransfer-Encoding: " + "x,".repeat(40) + "chunked\r\n\r\n",
                HttpResponseDecoder.E_TRANSFER_ENCODING);
        // chunked, then another coding: read until the connection closes
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\nbody", 1,
                false, true, null, ok(200, 4, false));
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n", 1, false, false, null, ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nTransfer-Encoding: , Chunked ,\r\n\r\n2\r\nok\r\n0\r\n\r\n", 1, false,
                false, null, ok(200, 2, true));
        assertAllSplits("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n", 1, false, false, null, ok(200, 2, true));
    }

    /** §6.1: an HTTP/1.0 response with Transfer-Encoding is decoded, then the connection closed. */
    @Test
    void http10WithTransferEncodingIsNotReused() {
        assertAllSplits("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\nok\r\n0\r\n\r\n", 1, false, false, null, ok(200, 2, false));
    }

    /** §7.1.2: trailer lines are field lines, checked like headers, and never used for framing. */
    @Test
    void trailersAreValidatedAndIgnored() {
        assertError(CHUNKED_HEAD + "2\r\nab\r\n0\r\nBad Trailer: x\r\n\r\n", HttpResponseDecoder.E_HEADER_NAME);
        assertError(CHUNKED_HEAD + "2\r\nab\r\n0\r\nT: a\u0000\r\n\r\n", HttpResponseDecoder.E_HEADER_VALUE);
        assertError(CHUNKED_HEAD + "2\r\nab\r\n0\r\nNoColon\r\n\r\n", HttpResponseDecoder.E_HEADER_LINE);
        assertError(CHUNKED_HEAD + "2\r\nab\r\n0\r\nT: 1\rX", HttpResponseDecoder.E_BARE_CR);
        assertError(CHUNKED_HEAD + "2\r\nab\r\n0\r\n\rX", HttpResponseDecoder.E_BARE_CR);
        String r = CHUNKED_HEAD + "2\r\nab\r\n0\r\nContent-Length: 99\r\nTransfer-Encoding: gzip\r\nT: 1\r\n"
                + " \tfolded\r\n\r\n";
        assertAllSplits(r, 1, false, false, BodyMatcher.equalTo("ab".getBytes()), ok(200, 2, true));
    }

    /** The trailer section has its own header-size budget, and it is enforced. */
    @Test
    void trailersHaveTheirOwnSizeLimit() {
        String big = "a".repeat(MAX_HEADER * 3 / 4);
        String head = "HTTP/1.1 200 OK\r\nX-Big: " + big + "\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n";
        assertAllSplits(head + "T-Big: " + big + "\r\n\r\n", 1, false, false, null, ok(200, 2, true));
        Outcome got = decode(List.of((head + "T-Big: " + big + big + "\r\n\r\n").getBytes()), 1, false, false, null);
        assertEquals(HttpResponseDecoder.E_HEADER_TOO_LARGE, got.error());
    }
}
