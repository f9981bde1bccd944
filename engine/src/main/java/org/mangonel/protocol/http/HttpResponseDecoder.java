package org.mangonel.protocol.http;

import java.nio.ByteBuffer;

/**
 * Incremental HTTP/1.x response decoder. One instance per connection, used by the thread that
 * owns the connection; allocation-free after construction.
 *
 * <h2>Use</h2>
 * <pre>
 *   decoder.begin(requestWasHead, matcherOrNull);   // before each response
 *   int r = decoder.decode(buf);                    // any number of times, with what arrived
 *   // NEED_MORE: all of buf was consumed, feed more
 *   // COMPLETE : buf.position() is just past this response (pipelined bytes may follow)
 *   // ERROR    : error() says why; the connection is unusable
 *   decoder.endOfInput();                           // on EOF: COMPLETE only for read-until-close bodies
 * </pre>
 *
 * <h2>States</h2>
 * <pre>
 *   STATUS ──LF──▶ LINE_START ──name byte──▶ NAME ──':'──▶ VALUE ──LF──▶ LINE_START
 *                     │ CR LF (empty line)                  ▲                │ SP/HTAB (obs-fold)
 *                     ▼                                      └────────────────┘
 *            1xx (not 101): back to STATUS (interim response skipped)
 *            HEAD request, 204, 304:            COMPLETE
 *            Transfer-Encoding ... chunked:     CHUNK_SIZE ─(BWS ; ext[=val])─ LF ─▶ CHUNK_DATA ─CRLF─▶ CHUNK_SIZE
 *                                                  │ size 0
 *                                                  ▼
 *                                               LINE_START (trailer fields, as headers) ─ CRLF ─▶ COMPLETE
 *            Content-Length n:                  BODY_LENGTH ──n bytes──▶ COMPLETE
 *            neither (or HTTP/1.0 style):       BODY_UNTIL_EOF ──EOF──▶ COMPLETE
 * </pre>
 * A header field that matters for framing or the connection (Content-Length, Transfer-Encoding,
 * Connection) is interpreted at the start of the next line, once it is known not to continue on
 * an obs-fold line. Keep-alive follows RFC 9112 §9.3: HTTP/1.1 unless {@code Connection: close};
 * HTTP/1.0 only with {@code Connection: keep-alive}; never after a body delimited by the end of
 * the connection, nor after an HTTP/1.0 response with Transfer-Encoding (§6.1).
 *
 * <h2>Grammar: what is strict, and where the RFC's leniency is taken</h2>
 * Section numbers are RFC 9112 (HTTP/1.1) unless marked RFC 9110 (HTTP semantics). Every
 * rejection is an ERROR with a constant {@link #error()} string (the load engine counts it as a
 * protocol error); nothing is ever repaired silently.
 *
 * <p><b>Rejected</b> (where the grammar is clear, or the RFC lets a recipient reject):
 * <ul>
 *   <li>Status line (§4): exactly {@code HTTP/1.0} or {@code HTTP/1.1} (case-sensitive, §2.3),
 *       one SP, three digits, at least 100. The reason phrase may hold only HTAB, SP, VCHAR and
 *       obs-text; a control character is {@link #E_STATUS_LINE}. §4 lets a recipient split the
 *       line on any run of whitespace (SP, HTAB, VT, FF, bare CR); we do not: one SP.</li>
 *   <li>HTTP/1.2 and up: {@link #E_VERSION}. RFC 9110 §2.5 says a recipient SHOULD read a higher
 *       minor version as the highest it implements; no such version exists, so a server that
 *       sends one is broken or not speaking HTTP, which a load test should report.</li>
 *   <li>Empty lines before the status line: {@link #E_STATUS_LINE}. §2.2 allows skipping them only
 *       to a server reading a request; in a response they mean the previous body's framing was
 *       wrong.</li>
 *   <li>Bare CR (a CR not followed by LF) outside the body: {@link #E_BARE_CR} (or
 *       {@link #E_CHUNK_SIZE} / {@link #E_CHUNK_END} in chunk framing). §2.2 lets a recipient
 *       either reject the element or replace the CR with SP; we reject.</li>
 *   <li>Field name (§5.1; RFC 9110 §5.1): a non-empty token, with no whitespace before the colon,
 *       else {@link #E_HEADER_NAME}. §5.1 makes rejecting whitespace before the colon a MUST for
 *       servers and has proxies strip it; for a client it is a choice, and we reject because
 *       {@code Content-Length :} would otherwise be read as some other field and the body
 *       misframed. A line without a colon is {@link #E_HEADER_LINE}.</li>
 *   <li>Field value (RFC 9110 §5.5): NUL, and every other control character except HTAB, is
 *       {@link #E_HEADER_VALUE}. The RFC makes rejecting (or replacing with SP) CR, LF and NUL a
 *       MUST and lets a recipient keep the other CTLs; we reject them all: the grammar
 *       ({@code field-vchar}) excludes them and no working server sends them.</li>
 *   <li>Whitespace at the start of the first header line (§2.2), or the first trailer line:
 *       {@link #E_LEADING_WHITESPACE}. §2.2 lets a recipient either reject the message or skip such
 *       lines; we reject, as there is no field for them to continue.</li>
 *   <li>Content-Length (§6.3, RFC 9110 §8.6): each value must be 1*DIGIT (at most 18 digits,
 *       leading zeros allowed); differing values, an empty value or an empty list element are
 *       {@link #E_CONTENT_LENGTH}.</li>
 *   <li>Transfer-Encoding (§6.1): {@code chunked} more than once across all Transfer-Encoding
 *       fields (a sender MUST NOT apply it twice), or a value longer than the 64 bytes this
 *       decoder keeps, is {@link #E_TRANSFER_ENCODING}.</li>
 *   <li>Chunk size line (§7.1, §7.1.1): {@code chunk-size = 1*HEXDIG}, then only
 *       {@code *( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )}, then the line
 *       end; anything else (such as {@code 2 erfrferferf}) is {@link #E_CHUNK_SIZE}. Sizes above
 *       2^48 are {@link #E_CHUNK_SIZE} (§7.1: guard against overflow). A whole size line, with
 *       its extensions, longer than {@value #MAX_CHUNK_LINE_BYTES} bytes is
 *       {@link #E_CHUNK_LINE_TOO_LONG} (§7.1.1 asks servers to limit the length of extensions they
 *       receive; a client has the same reason to: bounded work per chunk).</li>
 *   <li>Chunk data (§7.1) not followed by the line end: {@link #E_CHUNK_END}.</li>
 *   <li>Trailer section (§7.1.2): every trailer line must be a valid field line, by the same rules
 *       as header lines.</li>
 *   <li>101 Switching Protocols: {@link #E_SWITCHING} (the engine never asks to upgrade).</li>
 *   <li>End of input inside a header section, a Content-Length body or anywhere in a chunked
 *       body, including before the empty line that ends the trailer section: {@link #E_EOF}
 *       (§8; once the last chunk has arrived §8 would let us call the message complete, but a
 *       server that stops there has not finished the message it started).</li>
 * </ul>
 *
 * <p><b>Accepted</b> (leniency the RFC allows or requires, and what we do with it):
 * <ul>
 *   <li>A lone LF as a line end (§2.2 MAY), anywhere a CRLF is due: status line, field lines,
 *       the end of the header and trailer sections, chunk size lines and after chunk data. Such
 *       a line end cannot be read two ways by a client, and some servers still send it.</li>
 *   <li>No SP after the status code when the reason phrase is empty ({@code HTTP/1.1 404 CRLF}).
 *       §4 requires the SP; servers omit it, and the line cannot be read two ways.</li>
 *   <li>The reason phrase is checked for characters only; its content is ignored (§4: a client
 *       SHOULD ignore it).</li>
 *   <li>Status codes 600 to 999 (RFC 9110 §15: invalid; a client SHOULD treat them as 5xx): the
 *       response is framed as a final response and its code reported as it came, so the
 *       expectation decides whether it counts as an error.</li>
 *   <li>obs-fold (§5.2): a user agent MUST replace each fold with SP, so a line starting with SP
 *       or HTAB continues the previous field's value. For Content-Length, Transfer-Encoding and
 *       Connection the continuation is part of the value as interpreted (so
 *       {@code Content-Length: 5 CRLF SP 6} is invalid); other fields' values are only checked
 *       for characters.</li>
 *   <li>Repeated identical Content-Length values, as separate fields or as a comma list
 *       ({@code 42, 42}): read as that one value (§6.3 item 5; RFC 9110 §8.6 MAY).</li>
 *   <li>Transfer-Encoding with Content-Length: Transfer-Encoding wins and Content-Length is
 *       ignored (§6.3 item 3, which adds that such a message "ought to be handled as an error").
 *       We do not make it an error: an application can make a framework send both, and a client
 *       that does not forward the message can read it only one way.</li>
 *   <li>Transfer-Encoding whose final coding is not chunked: the body is read until the
 *       connection closes (§6.3 item 4). Transfer codings other than chunked are not decoded;
 *       the body length counts their bytes. Empty list elements are ignored (RFC 9110 §5.6.1).</li>
 *   <li>An HTTP/1.0 response with Transfer-Encoding (§6.1): decoded by its Transfer-Encoding, and
 *       the connection is not reused, as §6.1 requires.</li>
 *   <li>BWS in chunk size lines (§7.1.1): whitespace around {@code ;} and {@code =} is accepted
 *       (RFC 9110 §5.6.3: a recipient MUST parse such whitespace and remove it), and so is whitespace between the size and the line end
 *       with no extension ({@code 2 SP CRLF}), which the grammar does not produce but which
 *       cannot be read two ways. Chunk extensions are validated, then ignored (§7.1.1: a
 *       recipient MUST ignore unrecognized extensions).</li>
 *   <li>Trailer fields are validated and ignored, a Content-Length or Transfer-Encoding among
 *       them included (§7.1.2; RFC 9110 §6.5.1: a recipient does not merge trailers into the
 *       header section unless it knows the field is allowed there).</li>
 *   <li>obs-text (bytes 0x80 to 0xFF) in the reason phrase, field values and quoted chunk
 *       extension values: accepted, as the grammar allows.</li>
 *   <li>Connection is scanned for {@code close} and {@code keep-alive} in its first 64 bytes
 *       only; it does not affect framing.</li>
 * </ul>
 */
public final class HttpResponseDecoder {
    /** All input consumed, the response is not complete yet. */
    public static final int NEED_MORE = 0;
    /** A whole response was decoded. */
    public static final int COMPLETE = 1;
    /** The input is not a valid response (or breaks a limit); see {@link #error()}. */
    public static final int ERROR = 2;

    private static final int STATUS = 0;
    private static final int LINE_START = 1;
    private static final int NAME = 2;
    private static final int VALUE = 3;
    private static final int HEADER_LF = 4;
    private static final int END_LF = 5;
    private static final int BODY_LENGTH = 6;
    /** Hex digits of the chunk size. */
    private static final int CHUNK_SIZE = 7;
    /** After the size or an extension value: BWS, ';' or the line end. */
    private static final int CHUNK_BWS = 8;
    /** After ';': BWS, then an extension name. */
    private static final int CHUNK_EXT_NAME_START = 9;
    private static final int CHUNK_EXT_NAME = 10;
    /** BWS after an extension name: '=', ';' or the line end. */
    private static final int CHUNK_EXT_AFTER_NAME = 11;
    /** After '=': BWS, then a token or a quoted-string. */
    private static final int CHUNK_EXT_VALUE_START = 12;
    private static final int CHUNK_EXT_TOKEN = 13;
    private static final int CHUNK_EXT_QUOTED = 14;
    /** Just after a backslash in a quoted-string. */
    private static final int CHUNK_EXT_QUOTED_PAIR = 15;
    private static final int CHUNK_SIZE_LF = 16;
    private static final int CHUNK_DATA = 17;
    private static final int CHUNK_DATA_CR = 18;
    private static final int CHUNK_DATA_LF = 19;
    private static final int BODY_UNTIL_EOF = 20;
    private static final int DONE = 21;
    private static final int FAILED = 22;

    private static final int H_OTHER = -1;
    private static final int H_CONTENT_LENGTH = 0;
    private static final int H_TRANSFER_ENCODING = 1;
    private static final int H_CONNECTION = 2;
    private static final byte[][] NAMES = {
        "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "transfer-encoding".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "connection".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
    };
    private static final int ALL_NAMES = 0b111;
    private static final long MAX_CHUNK_SIZE = 1L << 48;
    /** Longest chunk size line accepted, extensions and line end included. */
    public static final int MAX_CHUNK_LINE_BYTES = 4096;

    /** tchar (RFC 9110 §5.6.2): the bytes of a token. */
    private static final boolean[] TCHAR = new boolean[256];
    /** HTAB, SP, VCHAR and obs-text: what a field value or reason phrase may hold (RFC 9110 §5.5). */
    private static final boolean[] FIELD_CHAR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            TCHAR[c] = true;
            TCHAR[c + 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        FIELD_CHAR['\t'] = true;
        for (int c = 0x20; c < 256; c++) {
            FIELD_CHAR[c] = c != 0x7f;
        }
    }

    public static final String E_STATUS_LINE = "malformed status line (expected 'HTTP/1.x NNN reason')";
    public static final String E_VERSION = "unsupported HTTP version (expected HTTP/1.0 or HTTP/1.1)";
    public static final String E_HEADER_LINE = "malformed header line (no ':' before the end of the line)";
    public static final String E_HEADER_NAME =
            "malformed header field name (empty, not a token, or whitespace before ':')";
    public static final String E_HEADER_VALUE = "control character in a header field value";
    public static final String E_LEADING_WHITESPACE = "whitespace at the start of the first header or trailer line";
    public static final String E_HEADER_TOO_LARGE = "response header section larger than the limit";
    public static final String E_BODY_TOO_LARGE = "response body larger than the limit";
    public static final String E_CONTENT_LENGTH = "invalid or conflicting Content-Length";
    public static final String E_TRANSFER_ENCODING = "invalid Transfer-Encoding (chunked twice, or value too long)";
    public static final String E_CHUNK_SIZE = "invalid chunk size line (expected hex size, then only ;name=value extensions)";
    public static final String E_CHUNK_LINE_TOO_LONG = "chunk size line longer than " + MAX_CHUNK_LINE_BYTES + " bytes";
    public static final String E_CHUNK_END = "chunk data not followed by CRLF";
    public static final String E_BARE_CR = "CR not followed by LF";
    public static final String E_SWITCHING = "101 Switching Protocols is not supported";
    public static final String E_EOF = "connection closed before the response was complete";
    public static final String E_NOT_STARTED = "decode() called without begin()";

    private final int maxHeaderBytes;
    private final long maxBodyBytes;
    private final byte[] value = new byte[64];

    private int state = DONE;
    private boolean headRequest;
    private BodyMatcher matcher;
    private String error;

    private int lineIndex;
    private boolean statusCr;
    private int status;
    private boolean http10;
    private int headerBytes;
    /** Reading the trailer section (field lines after the last chunk) rather than the header section. */
    private boolean trailers;
    /** Whether the current header or trailer section has had a field line yet. */
    private boolean fieldSeen;
    /** The field being read; at LINE_START, the field of the previous line, still to interpret. */
    private int header;
    private int candidates;
    private int nameLength;
    private int valueLength;
    private boolean valueOverflow;
    /** The bounds in {@link #value} of the comma-list element {@link #listElement} found last. */
    private int elementFrom;
    private int elementTo;
    private long contentLength;
    private boolean chunked;
    private int chunkedCodings;
    private boolean transferEncoded;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private long remaining;
    private long bodyBytes;
    private int chunkDigits;
    private int chunkLineBytes;

    /**
     * @param maxHeaderBytes limit for the status line plus headers (and, separately, for the trailers)
     * @param maxBodyBytes   limit for the decoded body
     */
    public HttpResponseDecoder(int maxHeaderBytes, long maxBodyBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Prepares for the next response.
     *
     * @param requestWasHead a HEAD response has no body, whatever its headers say
     * @param bodyMatcher    checks the body as it streams, or null for none
     */
    public void begin(boolean requestWasHead, BodyMatcher bodyMatcher) {
        this.headRequest = requestWasHead;
        this.matcher = bodyMatcher;
        this.error = null;
        if (bodyMatcher != null) {
            bodyMatcher.begin();
        }
        bodyBytes = 0;
        startMessage();
    }

    private void startMessage() {
        state = STATUS;
        lineIndex = 0;
        statusCr = false;
        status = 0;
        http10 = false;
        headerBytes = 0;
        trailers = false;
        fieldSeen = false;
        header = H_OTHER;
        contentLength = -1;
        chunked = false;
        chunkedCodings = 0;
        transferEncoded = false;
        connectionClose = false;
        connectionKeepAlive = false;
    }

    /**
     * Consumes bytes from {@code buf}'s position; see the class comment for the results. The buffer
     * must be backed by an array (the event loop's read buffer is; tests wrap arrays).
     */
    public int decode(ByteBuffer buf) {
        byte[] a = buf.array();
        int offset = buf.arrayOffset();
        int pos = offset + buf.position();
        int limit = offset + buf.limit();
        int result = decode(a, pos, limit);
        buf.position(consumedTo - offset);
        return result;
    }

    /** Where the last {@link #decode(byte[], int, int)} stopped (exclusive). */
    private int consumedTo;

    private int decode(byte[] a, int pos, int limit) {
        while (pos < limit) {
            switch (state) {
                case BODY_LENGTH, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, limit - pos);
                    body(a, pos, pos + n);
                    pos += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == BODY_LENGTH ? DONE : CHUNK_DATA_CR;
                    }
                }
                case BODY_UNTIL_EOF -> {
                    if (bodyBytes + (limit - pos) > maxBodyBytes) {
                        return fail(limit, E_BODY_TOO_LARGE);
                    }
                    body(a, pos, limit);
                    pos = limit;
                }
                case DONE -> {
                    consumedTo = pos;
                    return COMPLETE;
                }
                case FAILED -> {
                    consumedTo = limit;
                    return ERROR;
                }
                case VALUE -> {
                    // A field value's valid bytes in one go (kept when the field matters), then its
                    // CRLF when both bytes are here; anything else (a lone LF, a bare CR, an
                    // invalid byte, a CRLF split across reads) goes through step().
                    int end = pos;
                    while (end < limit && FIELD_CHAR[a[end] & 0xff]) {
                        end++;
                    }
                    headerBytes += end - pos;
                    if (headerBytes > maxHeaderBytes) {
                        return fail(limit, E_HEADER_TOO_LARGE);
                    }
                    if (header != H_OTHER) {
                        for (int i = pos; i < end; i++) {
                            valueByte(a[i]);
                        }
                    }
                    pos = end;
                    if (pos == limit) {
                        break;
                    }
                    if (a[pos] == '\r' && pos + 1 < limit && a[pos + 1] == '\n') {
                        headerBytes += 2;
                        if (headerBytes > maxHeaderBytes) {
                            return fail(limit, E_HEADER_TOO_LARGE);
                        }
                        state = LINE_START;
                        pos += 2;
                        break;
                    }
                    if (!step(a[pos])) {
                        return fail(limit, error);
                    }
                    pos++;
                }
                case LINE_START, STATUS -> {
                    // Bulk fast path when the whole token is in this buffer, else byte by byte.
                    int next = state == STATUS ? statusStart(a, pos, limit) : headerName(a, pos, limit);
                    if (next < 0) {
                        return fail(limit, error);
                    }
                    if (next == pos) {
                        if (!step(a[pos])) {
                            return fail(limit, error);
                        }
                        next = pos + 1;
                    }
                    pos = next;
                }
                default -> {
                    if (!step(a[pos])) {
                        return fail(limit, error);
                    }
                    pos++;
                }
            }
            if (state == DONE) {
                consumedTo = pos;
                return COMPLETE;
            }
        }
        consumedTo = pos;
        if (state == DONE) {
            return COMPLETE;
        }
        return state == FAILED ? ERROR : NEED_MORE;
    }

    /**
     * The connection reached end of input. COMPLETE when the body was delimited by it (and the
     * response is now whole), else ERROR with {@link #E_EOF}.
     */
    public int endOfInput() {
        if (state == BODY_UNTIL_EOF) {
            state = DONE;
            return COMPLETE;
        }
        if (state == DONE) {
            return COMPLETE;
        }
        state = FAILED;
        error = E_EOF;
        return ERROR;
    }

    /** True when this decoder has read part of a response that is not complete yet. */
    public boolean midResponse() {
        return state != DONE && state != FAILED && !(state == STATUS && lineIndex == 0);
    }

    private int fail(int limit, String why) {
        error = why;
        state = FAILED;
        consumedTo = limit;
        return ERROR;
    }

    private void body(byte[] a, int from, int to) {
        bodyBytes += to - from;
        if (matcher != null) {
            matcher.update(a, from, to);
        }
    }

    /**
     * Fast path at the start of a header line: when the whole {@code Name:} is in this buffer, it
     * is matched in one go. Returns where decoding goes on (just past the colon), {@code pos}
     * itself when the fast path does not apply (the byte-at-a-time path takes over and says
     * precisely what is wrong, if anything), or -1 on error.
     */
    private int headerName(byte[] a, int pos, int limit) {
        byte first = a[pos];
        if (!TCHAR[first & 0xff]) {
            return pos; // a fold, the end of the section, or an invalid name
        }
        // Not a fold: the previous line's field is complete.
        if (header != H_OTHER && !fieldLineDone()) {
            return -1;
        }
        int colon = pos + 1;
        while (colon < limit && TCHAR[a[colon] & 0xff]) {
            colon++;
        }
        if (colon == limit || a[colon] != ':') {
            return pos;
        }
        int length = colon - pos;
        headerBytes += length + 1;
        if (headerBytes > maxHeaderBytes) {
            fail(E_HEADER_TOO_LARGE);
            return -1;
        }
        header = H_OTHER;
        if (!trailers) {
            for (int h = 0; h < NAMES.length; h++) {
                if (NAMES[h].length == length && namesEqual(a, pos, NAMES[h])) {
                    header = h;
                }
            }
        }
        fieldSeen = true;
        valueLength = 0;
        valueOverflow = false;
        state = VALUE;
        return colon + 1;
    }

    private static boolean namesEqual(byte[] a, int from, byte[] lowerName) {
        for (int i = 0; i < lowerName.length; i++) {
            byte b = a[from + i];
            if (((b >= 'A' && b <= 'Z') ? (byte) (b + 32) : b) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fast path for the status line: when {@code HTTP/1.x NNN} is in this buffer it is read in one
     * go, and so is the rest of the line when {@code SP reason CRLF} is here too (else the rest
     * goes byte by byte, which also says precisely what is wrong). Returns where decoding goes on,
     * {@code pos} when the fast path does not apply, or -1 on error.
     */
    private int statusStart(byte[] a, int pos, int limit) {
        if (lineIndex != 0 || limit - pos < 12) {
            return pos;
        }
        if (a[pos] != 'H' || a[pos + 1] != 'T' || a[pos + 2] != 'T' || a[pos + 3] != 'P' || a[pos + 4] != '/'
                || a[pos + 6] != '.' || a[pos + 8] != ' ') {
            return pos; // let the byte path say precisely what is wrong
        }
        byte major = a[pos + 5];
        byte minor = a[pos + 7];
        byte d1 = a[pos + 9];
        byte d2 = a[pos + 10];
        byte d3 = a[pos + 11];
        if (major != '1' || (minor != '0' && minor != '1') || !isDigit(d1) || !isDigit(d2) || !isDigit(d3)) {
            return pos;
        }
        headerBytes += 12;
        if (headerBytes > maxHeaderBytes) {
            fail(E_HEADER_TOO_LARGE);
            return -1;
        }
        http10 = minor == '0';
        status = (d1 - '0') * 100 + (d2 - '0') * 10 + (d3 - '0');
        lineIndex = 12;
        // The usual rest, " reason CRLF", in one go when all of it is here.
        int end = pos + 12;
        if (end < limit && a[end] == ' ') {
            end++;
            while (end < limit && FIELD_CHAR[a[end] & 0xff]) {
                end++;
            }
            if (status >= 100 && end + 1 < limit && a[end] == '\r' && a[end + 1] == '\n') {
                headerBytes += end + 2 - (pos + 12);
                if (headerBytes > maxHeaderBytes) {
                    fail(E_HEADER_TOO_LARGE);
                    return -1;
                }
                state = LINE_START;
                return end + 2;
            }
        }
        return pos + 12;
    }

    /** One byte of the status line, headers, chunk framing or trailers; false on error. */
    private boolean step(byte b) {
        switch (state) {
            case STATUS:
                return headerByte() && statusByte(b);
            case LINE_START:
                if (b == ' ' || b == '\t') {
                    return headerByte() && foldedLine();
                }
                // Not a fold: the previous line's field is complete.
                if (header != H_OTHER && !fieldLineDone()) {
                    return false;
                }
                if (!headerByte()) {
                    return false;
                }
                if (b == '\r') {
                    state = END_LF;
                    return true;
                }
                if (b == '\n') {
                    return endOfSection();
                }
                state = NAME;
                candidates = trailers ? 0 : ALL_NAMES;
                nameLength = 0;
                return nameByte(b);
            case NAME:
                return headerByte() && nameByte(b);
            case VALUE:
                if (!headerByte()) {
                    return false;
                }
                if (b == '\r') {
                    state = HEADER_LF;
                    return true;
                }
                if (b == '\n') {
                    state = LINE_START;
                    return true;
                }
                if (!FIELD_CHAR[b & 0xff]) {
                    return fail(E_HEADER_VALUE);
                }
                if (header != H_OTHER) {
                    valueByte(b);
                }
                return true;
            case HEADER_LF:
                if (!headerByte()) {
                    return false;
                }
                if (b != '\n') {
                    return fail(E_BARE_CR);
                }
                state = LINE_START;
                return true;
            case END_LF:
                if (!headerByte()) {
                    return false;
                }
                return b == '\n' ? endOfSection() : fail(E_BARE_CR);
            case CHUNK_DATA_CR:
                if (b == '\r') {
                    state = CHUNK_DATA_LF;
                    return true;
                }
                if (b == '\n') {
                    startChunkSize();
                    return true;
                }
                return fail(E_CHUNK_END);
            case CHUNK_DATA_LF:
                if (b != '\n') {
                    return fail(E_CHUNK_END);
                }
                startChunkSize();
                return true;
            default:
                if (state >= CHUNK_SIZE && state <= CHUNK_SIZE_LF) {
                    return chunkLineByte(b);
                }
                return fail(E_NOT_STARTED);
        }
    }

    private boolean fail(String why) {
        error = why;
        return false;
    }

    private boolean headerByte() {
        if (++headerBytes > maxHeaderBytes) {
            return fail(E_HEADER_TOO_LARGE);
        }
        return true;
    }

    /** A byte of a kept field value: kept unless it is whitespace before the value starts. */
    private void valueByte(byte b) {
        if (valueLength > 0 || !isOws(b)) {
            appendValue(b);
        }
    }

    private void appendValue(byte b) {
        if (valueLength < value.length) {
            value[valueLength++] = b;
        } else {
            valueOverflow = true;
        }
    }

    private boolean statusByte(byte b) {
        int i = lineIndex++;
        if (i < 5) {
            return b == "HTTP/".charAt(i) || fail(E_STATUS_LINE);
        }
        switch (i) {
            case 5:
                return b == '1' || fail(isDigit(b) ? E_VERSION : E_STATUS_LINE);
            case 6:
                return b == '.' || fail(E_STATUS_LINE);
            case 7:
                if (b == '0') {
                    http10 = true;
                    return true;
                }
                return b == '1' || fail(isDigit(b) ? E_VERSION : E_STATUS_LINE);
            case 8:
                return b == ' ' || fail(E_STATUS_LINE);
            case 9, 10, 11:
                if (!isDigit(b)) {
                    return fail(E_STATUS_LINE);
                }
                status = status * 10 + (b - '0');
                return true;
            case 12:
                if (b == '\n') {
                    state = LINE_START;
                    return status >= 100 || fail(E_STATUS_LINE);
                }
                statusCr = b == '\r';
                return b == ' ' || b == '\r' || fail(E_STATUS_LINE);
            default:
                if (b == '\n') {
                    state = LINE_START;
                    return status >= 100 || fail(E_STATUS_LINE);
                }
                if (statusCr) {
                    return fail(E_BARE_CR);
                }
                if (b == '\r') {
                    statusCr = true;
                    return true;
                }
                // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
                return FIELD_CHAR[b & 0xff] || fail(E_STATUS_LINE);
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private boolean nameByte(byte b) {
        if (b == ':') {
            if (nameLength == 0) {
                return fail(E_HEADER_NAME);
            }
            header = H_OTHER;
            for (int h = 0; h < NAMES.length; h++) {
                if ((candidates & (1 << h)) != 0 && NAMES[h].length == nameLength) {
                    header = h;
                }
            }
            fieldSeen = true;
            valueLength = 0;
            valueOverflow = false;
            state = VALUE;
            return true;
        }
        if (b == '\r' || b == '\n') {
            return fail(E_HEADER_LINE);
        }
        if (!TCHAR[b & 0xff]) {
            return fail(E_HEADER_NAME);
        }
        if (candidates != 0) {
            byte lower = (b >= 'A' && b <= 'Z') ? (byte) (b + 32) : b;
            for (int h = 0; h < NAMES.length; h++) {
                if ((candidates & (1 << h)) != 0 && (nameLength >= NAMES[h].length || NAMES[h][nameLength] != lower)) {
                    candidates &= ~(1 << h);
                }
            }
        }
        nameLength++;
        return true;
    }

    /**
     * A line starting with SP or HTAB: an obs-fold continuing the previous field's value (RFC 9112
     * §5.2, read as one SP), or, at the start of a section, an error (§2.2).
     */
    private boolean foldedLine() {
        if (!fieldSeen) {
            return fail(E_LEADING_WHITESPACE);
        }
        if (header != H_OTHER && valueLength > 0) {
            appendValue((byte) ' ');
        }
        state = VALUE;
        return true;
    }

    /** The field line just read (folds included) is complete: interpret it if it matters. */
    private boolean fieldLineDone() {
        int h = header;
        header = H_OTHER;
        int len = valueLength;
        while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t')) {
            len--;
        }
        switch (h) {
            case H_CONTENT_LENGTH:
                return contentLength(len);
            case H_TRANSFER_ENCODING:
                return transferEncoding(len);
            case H_CONNECTION:
                connectionClose |= hasToken(len, "close");
                connectionKeepAlive |= hasToken(len, "keep-alive");
                return true;
            default:
                return true;
        }
    }

    private static boolean isOws(byte b) {
        return b == ' ' || b == '\t';
    }

    /** {@code 1*DIGIT}, or a comma list of identical ones (RFC 9112 §6.3 item 5). */
    private boolean contentLength(int len) {
        if (valueOverflow) {
            return fail(E_CONTENT_LENGTH);
        }
        int i = 0;
        while (true) {
            while (i < len && isOws(value[i])) {
                i++;
            }
            int start = i;
            long n = 0;
            while (i < len && isDigit(value[i])) {
                if (i - start == 18) {
                    return fail(E_CONTENT_LENGTH);
                }
                n = n * 10 + (value[i] - '0');
                i++;
            }
            if (i == start) {
                return fail(E_CONTENT_LENGTH);
            }
            while (i < len && isOws(value[i])) {
                i++;
            }
            if (contentLength >= 0 && contentLength != n) {
                return fail(E_CONTENT_LENGTH);
            }
            contentLength = n;
            if (i == len) {
                return true;
            }
            if (value[i] != ',') {
                return fail(E_CONTENT_LENGTH);
            }
            i++;
        }
    }

    /**
     * One Transfer-Encoding field: the body is chunked when the last coding of the last field is
     * chunked (RFC 9112 §6.3); chunked may appear only once (§6.1).
     */
    private boolean transferEncoding(int len) {
        transferEncoded = true;
        if (valueOverflow) {
            return fail(E_TRANSFER_ENCODING);
        }
        for (int next = 0; next < len; ) {
            next = listElement(next, len);
            if (elementFrom < elementTo) {
                chunked = equalsIgnoreCase(elementFrom, elementTo, "chunked");
                if (chunked && ++chunkedCodings > 1) {
                    return fail(E_TRANSFER_ENCODING);
                }
            }
        }
        return true;
    }

    /** Whether the comma-separated value holds {@code token}, case-insensitively. */
    private boolean hasToken(int len, String token) {
        for (int next = 0; next < len; ) {
            next = listElement(next, len);
            if (equalsIgnoreCase(elementFrom, elementTo, token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds the element of the comma list in {@code value} that begins at {@code start} (before
     * {@code len}): sets {@link #elementFrom} and {@link #elementTo} to its bounds without the OWS
     * around it (equal for an empty element), and returns where the next element begins.
     */
    private int listElement(int start, int len) {
        int end = start;
        while (end < len && value[end] != ',') {
            end++;
        }
        int from = start;
        int to = end;
        while (from < to && isOws(value[from])) {
            from++;
        }
        while (to > from && isOws(value[to - 1])) {
            to--;
        }
        elementFrom = from;
        elementTo = to;
        return end + 1;
    }

    private boolean equalsIgnoreCase(int from, int to, String token) {
        if (to - from != token.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            byte b = value[from + i];
            byte lower = (b >= 'A' && b <= 'Z') ? (byte) (b + 32) : b;
            if (lower != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The empty line that ends the header section or the trailer section. */
    private boolean endOfSection() {
        if (trailers) {
            state = DONE;
            return true;
        }
        return endOfHeaders();
    }

    private boolean endOfHeaders() {
        if (status < 200) {
            if (status == 101) {
                return fail(E_SWITCHING);
            }
            startMessage();
            return true;
        }
        if (headRequest || status == 204 || status == 304) {
            state = DONE;
            return true;
        }
        if (chunked) {
            startChunkSize();
            return true;
        }
        if (contentLength >= 0 && !transferEncoded) {
            if (contentLength > maxBodyBytes) {
                return fail(E_BODY_TOO_LARGE);
            }
            remaining = contentLength;
            state = remaining == 0 ? DONE : BODY_LENGTH;
            return true;
        }
        state = BODY_UNTIL_EOF;
        return true;
    }

    private void startChunkSize() {
        state = CHUNK_SIZE;
        remaining = 0;
        chunkDigits = 0;
        chunkLineBytes = 0;
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    /**
     * One byte of a chunk size line (RFC 9112 §7.1, §7.1.1):
     * <pre>
     *   chunk-size [ chunk-ext ] CRLF
     *   chunk-size     = 1*HEXDIG
     *   chunk-ext      = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
     *   chunk-ext-name = token
     *   chunk-ext-val  = token / quoted-string
     * </pre>
     * plus a lone LF as the line end, and BWS before it (see the class comment).
     */
    private boolean chunkLineByte(byte b) {
        if (++chunkLineBytes > MAX_CHUNK_LINE_BYTES) {
            return fail(E_CHUNK_LINE_TOO_LONG);
        }
        int c = b & 0xff;
        switch (state) {
            case CHUNK_SIZE: {
                int digit = hexValue(b);
                if (digit >= 0) {
                    remaining = remaining * 16 + digit;
                    chunkDigits++;
                    return remaining <= MAX_CHUNK_SIZE || fail(E_CHUNK_SIZE);
                }
                return chunkDigits > 0 ? afterChunkElement(b, false) : fail(E_CHUNK_SIZE);
            }
            case CHUNK_BWS:
                return afterChunkElement(b, false);
            case CHUNK_EXT_NAME_START:
                if (isOws(b)) {
                    return true;
                }
                if (TCHAR[c]) {
                    state = CHUNK_EXT_NAME;
                    return true;
                }
                return fail(E_CHUNK_SIZE);
            case CHUNK_EXT_NAME:
                return TCHAR[c] || afterChunkElement(b, true);
            case CHUNK_EXT_AFTER_NAME:
                return afterChunkElement(b, true);
            case CHUNK_EXT_VALUE_START:
                if (isOws(b)) {
                    return true;
                }
                if (b == '"') {
                    state = CHUNK_EXT_QUOTED;
                    return true;
                }
                if (TCHAR[c]) {
                    state = CHUNK_EXT_TOKEN;
                    return true;
                }
                return fail(E_CHUNK_SIZE);
            case CHUNK_EXT_TOKEN:
                return TCHAR[c] || afterChunkElement(b, false);
            case CHUNK_EXT_QUOTED:
                if (b == '"') {
                    state = CHUNK_BWS;
                    return true;
                }
                if (b == '\\') {
                    state = CHUNK_EXT_QUOTED_PAIR;
                    return true;
                }
                // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
                return FIELD_CHAR[c] || fail(E_CHUNK_SIZE);
            case CHUNK_EXT_QUOTED_PAIR:
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                state = CHUNK_EXT_QUOTED;
                return FIELD_CHAR[c] || fail(E_CHUNK_SIZE);
            case CHUNK_SIZE_LF:
                return b == '\n' ? endOfChunkSize() : fail(E_CHUNK_SIZE);
            default:
                return fail(E_NOT_STARTED);
        }
    }

    /**
     * After the chunk size, an extension name ({@code afterName}) or an extension value: BWS,
     * {@code ;} (another extension), {@code =} (after a name only), or the line end.
     */
    private boolean afterChunkElement(byte b, boolean afterName) {
        switch (b) {
            case ' ', '\t':
                state = afterName ? CHUNK_EXT_AFTER_NAME : CHUNK_BWS;
                return true;
            case ';':
                state = CHUNK_EXT_NAME_START;
                return true;
            case '=':
                if (!afterName) {
                    return fail(E_CHUNK_SIZE);
                }
                state = CHUNK_EXT_VALUE_START;
                return true;
            case '\r':
                state = CHUNK_SIZE_LF;
                return true;
            case '\n':
                return endOfChunkSize();
            default:
                return fail(E_CHUNK_SIZE);
        }
    }

    private boolean endOfChunkSize() {
        if (remaining == 0) {
            // The last chunk: the trailer section follows, read as header lines with its own limit.
            trailers = true;
            fieldSeen = false;
            header = H_OTHER;
            headerBytes = 0;
            state = LINE_START;
            return true;
        }
        if (bodyBytes + remaining > maxBodyBytes) {
            return fail(E_BODY_TOO_LARGE);
        }
        state = CHUNK_DATA;
        return true;
    }

    /** The final status code of the last decoded response. */
    public int status() {
        return status;
    }

    /** Whether the connection may carry another request after this response. */
    public boolean keepAlive() {
        if (state == FAILED) {
            return false;
        }
        if (!chunked && (contentLength < 0 || transferEncoded) && !headRequest && status != 204 && status != 304) {
            return false;
        }
        if (http10 && transferEncoded) {
            return false; // RFC 9112 §6.1: the framing of such a message is suspect; close after it
        }
        return http10 ? connectionKeepAlive && !connectionClose : !connectionClose;
    }

    /** Bytes of decoded body in the current response. */
    public long bodyBytes() {
        return bodyBytes;
    }

    /** Whether the body matcher given to {@link #begin} matched (true when there was none). */
    public boolean bodyMatched() {
        return matcher == null || matcher.matched();
    }

    /** Why the last call returned ERROR (a constant string), or null. */
    public String error() {
        return error;
    }
}
