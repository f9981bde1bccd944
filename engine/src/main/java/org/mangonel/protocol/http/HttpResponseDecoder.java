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
 *                     │ CR LF (empty line)
 *                     ▼
 *            1xx (not 101): back to STATUS (interim response skipped)
 *            HEAD request, 204, 304:            COMPLETE
 *            Transfer-Encoding ... chunked:     CHUNK_SIZE ─LF─▶ CHUNK_DATA ─CRLF─▶ CHUNK_SIZE
 *                                                  │ size 0
 *                                                  ▼
 *                                               TRAILER_START ─(trailer lines)─ CRLF ─▶ COMPLETE
 *            Content-Length n:                  BODY_LENGTH ──n bytes──▶ COMPLETE
 *            neither (or HTTP/1.0 style):       BODY_UNTIL_EOF ──EOF──▶ COMPLETE
 * </pre>
 * A lone LF is accepted where CRLF is expected (as most clients do). Keep-alive follows RFC 9112:
 * HTTP/1.1 unless {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive};
 * never after a body delimited by the end of the connection.
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
    private static final int FOLDED_LINE = 6;
    private static final int BODY_LENGTH = 7;
    private static final int CHUNK_SIZE = 8;
    private static final int CHUNK_EXT = 9;
    private static final int CHUNK_SIZE_LF = 10;
    private static final int CHUNK_DATA = 11;
    private static final int CHUNK_DATA_CR = 12;
    private static final int CHUNK_DATA_LF = 13;
    private static final int TRAILER_START = 14;
    private static final int TRAILER_LINE = 15;
    private static final int TRAILER_END_LF = 16;
    private static final int BODY_UNTIL_EOF = 17;
    private static final int DONE = 18;
    private static final int FAILED = 19;

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

    public static final String E_STATUS_LINE = "malformed status line (expected 'HTTP/1.x NNN reason')";
    public static final String E_VERSION = "unsupported HTTP version (expected HTTP/1.0 or HTTP/1.1)";
    public static final String E_HEADER_LINE = "malformed header line (no ':' before the end of the line)";
    public static final String E_HEADER_TOO_LARGE = "response header section larger than the limit";
    public static final String E_BODY_TOO_LARGE = "response body larger than the limit";
    public static final String E_CONTENT_LENGTH = "invalid or conflicting Content-Length";
    public static final String E_CHUNK_SIZE = "invalid chunk size line";
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
    private int header;
    private int candidates;
    private int nameLength;
    private int valueLength;
    private boolean valueOverflow;
    private long contentLength;
    private boolean chunked;
    private boolean transferEncoded;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private long remaining;
    private long bodyBytes;
    private int chunkDigits;

    /**
     * @param maxHeaderBytes limit for the status line plus headers
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
        contentLength = -1;
        chunked = false;
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
                    if (header == H_OTHER) {
                        // An uninteresting header's value: skip to the end of the line in one go.
                        int end = pos;
                        while (end < limit && a[end] != '\r' && a[end] != '\n') {
                            end++;
                        }
                        headerBytes += end - pos;
                        if (headerBytes > maxHeaderBytes) {
                            return fail(limit, E_HEADER_TOO_LARGE);
                        }
                        pos = end;
                        if (pos == limit) {
                            break;
                        }
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
     * itself when the fast path does not apply (the byte-at-a-time path takes over), or -1 on error.
     */
    private int headerName(byte[] a, int pos, int limit) {
        byte first = a[pos];
        if (first == '\r' || first == '\n' || first == ' ' || first == '\t' || first == ':') {
            return pos;
        }
        int colon = pos + 1;
        while (colon < limit) {
            byte b = a[colon];
            if (b == ':') {
                break;
            }
            if (b == '\r' || b == '\n') {
                return pos;
            }
            colon++;
        }
        if (colon == limit) {
            return pos;
        }
        int length = colon - pos;
        headerBytes += length + 1;
        if (headerBytes > maxHeaderBytes) {
            fail(E_HEADER_TOO_LARGE);
            return -1;
        }
        header = H_OTHER;
        for (int h = 0; h < NAMES.length; h++) {
            if (NAMES[h].length == length && namesEqual(a, pos, NAMES[h])) {
                header = h;
            }
        }
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
     * Fast path for the start of a status line: when {@code HTTP/1.x NNN} is in this buffer it is
     * read in one go (the reason phrase then goes byte by byte). Returns where decoding goes on,
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
        return pos + 12;
    }

    /** One byte of the status line, headers, chunk framing or trailers; false on error. */
    private boolean step(byte b) {
        switch (state) {
            case STATUS:
                return headerByte() && statusByte(b);
            case LINE_START:
                if (!headerByte()) {
                    return false;
                }
                if (b == '\r') {
                    state = END_LF;
                    return true;
                }
                if (b == '\n') {
                    return endOfHeaders();
                }
                if (b == ' ' || b == '\t') {
                    state = FOLDED_LINE;
                    return true;
                }
                state = NAME;
                candidates = ALL_NAMES;
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
                    return endOfHeaderLine();
                }
                if (header != H_OTHER && !(valueLength == 0 && (b == ' ' || b == '\t'))) {
                    if (valueLength < value.length) {
                        value[valueLength++] = b;
                    } else {
                        valueOverflow = true;
                    }
                }
                return true;
            case HEADER_LF:
                if (!headerByte()) {
                    return false;
                }
                if (b != '\n') {
                    return fail(E_BARE_CR);
                }
                return endOfHeaderLine();
            case FOLDED_LINE:
                if (!headerByte()) {
                    return false;
                }
                if (b == '\n') {
                    state = LINE_START;
                }
                return true;
            case END_LF:
                if (!headerByte()) {
                    return false;
                }
                return b == '\n' ? endOfHeaders() : fail(E_BARE_CR);
            case CHUNK_SIZE:
                return chunkSizeByte(b);
            case CHUNK_EXT:
                if (!headerByte()) {
                    return false;
                }
                if (b == '\n') {
                    return endOfChunkSize();
                }
                return true;
            case CHUNK_SIZE_LF:
                return b == '\n' ? endOfChunkSize() : fail(E_CHUNK_SIZE);
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
            case TRAILER_START:
                if (!headerByte()) {
                    return false;
                }
                if (b == '\r') {
                    state = TRAILER_END_LF;
                } else if (b == '\n') {
                    state = DONE;
                } else {
                    state = TRAILER_LINE;
                }
                return true;
            case TRAILER_LINE:
                if (!headerByte()) {
                    return false;
                }
                if (b == '\n') {
                    state = TRAILER_START;
                }
                return true;
            case TRAILER_END_LF:
                if (b != '\n') {
                    return fail(E_BARE_CR);
                }
                state = DONE;
                return true;
            default:
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
                statusCr = b == '\r';
                return true;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private boolean nameByte(byte b) {
        if (b == ':') {
            header = H_OTHER;
            for (int h = 0; h < NAMES.length; h++) {
                if ((candidates & (1 << h)) != 0 && NAMES[h].length == nameLength) {
                    header = h;
                }
            }
            if (nameLength == 0) {
                return fail(E_HEADER_LINE);
            }
            valueLength = 0;
            valueOverflow = false;
            state = VALUE;
            return true;
        }
        if (b == '\r' || b == '\n') {
            return fail(E_HEADER_LINE);
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

    private boolean endOfHeaderLine() {
        state = LINE_START;
        int len = valueLength;
        while (len > 0 && (value[len - 1] == ' ' || value[len - 1] == '\t')) {
            len--;
        }
        switch (header) {
            case H_CONTENT_LENGTH:
                return contentLength(len);
            case H_TRANSFER_ENCODING:
                transferEncoded = true;
                chunked = !valueOverflow && endsWithToken(len, "chunked");
                return true;
            case H_CONNECTION:
                connectionClose |= hasToken(len, "close");
                connectionKeepAlive |= hasToken(len, "keep-alive");
                return true;
            default:
                return true;
        }
    }

    private boolean contentLength(int len) {
        if (len == 0 || valueOverflow || len > 18) {
            return fail(E_CONTENT_LENGTH);
        }
        long n = 0;
        for (int i = 0; i < len; i++) {
            byte b = value[i];
            if (!isDigit(b)) {
                return fail(E_CONTENT_LENGTH);
            }
            n = n * 10 + (b - '0');
        }
        if (contentLength >= 0 && contentLength != n) {
            return fail(E_CONTENT_LENGTH);
        }
        contentLength = n;
        return true;
    }

    /** Whether the comma-separated value holds {@code token}, case-insensitively. */
    private boolean hasToken(int len, String token) {
        int start = 0;
        while (start < len) {
            int end = start;
            while (end < len && value[end] != ',') {
                end++;
            }
            int s = start;
            int e = end;
            while (s < e && (value[s] == ' ' || value[s] == '\t')) {
                s++;
            }
            while (e > s && (value[e - 1] == ' ' || value[e - 1] == '\t')) {
                e--;
            }
            if (equalsIgnoreCase(s, e, token)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private boolean endsWithToken(int len, String token) {
        int s = len;
        while (s > 0 && value[s - 1] != ',') {
            s--;
        }
        while (s < len && (value[s] == ' ' || value[s] == '\t')) {
            s++;
        }
        return equalsIgnoreCase(s, len, token);
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
    }

    private boolean chunkSizeByte(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            remaining = remaining * 16 + digit;
            chunkDigits++;
            return remaining <= MAX_CHUNK_SIZE || fail(E_CHUNK_SIZE);
        }
        if (chunkDigits == 0) {
            return fail(E_CHUNK_SIZE);
        }
        switch (b) {
            case ';', ' ', '\t':
                state = CHUNK_EXT;
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
            state = TRAILER_START;
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
