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
        assertEquals(expected, decode(List.of(bytes), responses, head, eof, copy(matcher)), "whole input");
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] a = java.util.Arrays.copyOfRange(bytes, 0, cut);
            byte[] b = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
            Outcome got = decode(List.of(a, b), responses, head, eof, copy(matcher));
            assertEquals(expected.statuses(), got.statuses(), "split at " + cut);
            assertEquals(expected.bodyLengths(), got.bodyLengths(), "split at " + cut);
            assertEquals(expected.keepAlive(), got.keepAlive(), "split at " + cut);
            assertEquals(expected.error(), got.error(), "split at " + cut);
            assertEquals(expected.matched(), got.matched(), "split at " + cut);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte x : bytes) {
            single.add(new byte[] {x});
        }
        Outcome got = decode(single, responses, head, eof, copy(matcher));
        assertEquals(expected.statuses(), got.statuses(), "byte by byte");
        assertEquals(expected.bodyLengths(), got.bodyLengths(), "byte by byte");
        assertEquals(expected.error(), got.error(), "byte by byte");
        assertEquals(expected.matched(), got.matched(), "byte by byte");
    }

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
}
