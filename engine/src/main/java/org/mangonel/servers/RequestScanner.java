package org.mangonel.servers;

import java.nio.ByteBuffer;

/**
 * Finds where HTTP/1.x requests end in a byte stream, for the hello server: it only needs to
 * know how many complete requests arrived (pipelined ones included) and whether the client wants
 * the connection closed, and whether each is a HEAD (answered without a body). One per connection;
 * allocation-free.
 *
 * <pre>
 *   LINE ──LF after a non-empty line──▶ LINE  (header lines; Content-Length and Connection noted)
 *   LINE ──empty line──▶ BODY (Content-Length bytes skipped) ──▶ request complete ──▶ LINE
 * </pre>
 */
final class RequestScanner {
    private static final int MAX_LINE = 64;
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private int lineBytes;
    private boolean requestLine = true;
    private boolean head;
    private boolean http10;
    private boolean close;
    private boolean keepAlive;
    private long contentLength;
    private long bodyLeft;
    private boolean inBody;
    private int headBytes;
    private boolean broken;

    /** Each complete request, in order, as the scan finds it. */
    interface Sink {
        /**
         * @param head  the request is a HEAD: its response has no body
         * @param close the client asked to close after it: the response says so, and is the last
         */
        void request(boolean head, boolean close);
    }

    /** Whether the client asked to close after its last complete request. */
    boolean closeRequested() {
        return close || (http10 && !keepAlive);
    }

    /** True when the stream is not HTTP the scanner can follow; the connection should be closed. */
    boolean broken() {
        return broken;
    }

    /**
     * Scans {@code buf} to its limit, handing each request completed in it to {@code sink}; stops
     * after a request that asks to close (the rest is ignored). Returns how many completed.
     */
    int scan(ByteBuffer buf, Sink sink) {
        int completed = 0;
        int pos = buf.position();
        int limit = buf.limit();
        while (pos < limit && !broken) {
            if (inBody) {
                int n = (int) Math.min(bodyLeft, limit - pos);
                pos += n;
                bodyLeft -= n;
                if (bodyLeft == 0) {
                    inBody = false;
                    completed++;
                    sink.request(head, closeRequested());
                    if (closeRequested()) {
                        break;
                    }
                    startRequest();
                }
                continue;
            }
            byte b = buf.get(pos++);
            if (++headBytes > MAX_HEAD_BYTES) {
                broken = true;
                break;
            }
            if (b == '\n') {
                if (endOfLine()) {
                    if (contentLength > 0) {
                        inBody = true;
                        bodyLeft = contentLength;
                    } else {
                        completed++;
                        sink.request(head, closeRequested());
                        if (closeRequested()) {
                            break;
                        }
                        startRequest();
                    }
                }
            } else if (b != '\r') {
                if (lineLength < MAX_LINE) {
                    line[lineLength++] = (b >= 'A' && b <= 'Z') ? (byte) (b + 32) : b;
                }
                lineBytes++;
            }
        }
        buf.position(limit);
        return completed;
    }

    private void startRequest() {
        requestLine = true;
        head = false;
        http10 = false;
        close = false;
        keepAlive = false;
        contentLength = 0;
        headBytes = 0;
        lineLength = 0;
        lineBytes = 0;
    }

    /** Handles a finished line; true when it was the empty line that ends the head. */
    private boolean endOfLine() {
        int length = lineLength;
        int bytes = lineBytes;
        lineLength = 0;
        lineBytes = 0;
        if (bytes == 0) {
            if (requestLine) {
                return false; // tolerate empty lines before a request
            }
            return true;
        }
        if (requestLine) {
            requestLine = false;
            http10 = bytes == length && length >= 8 && endsWith(length, "http/1.0");
            head = startsWith(length, "head ");
            return false;
        }
        if (startsWith(length, "content-length:")) {
            long n = 0;
            for (int i = "content-length:".length(); i < length; i++) {
                byte c = line[i];
                if (c >= '0' && c <= '9') {
                    n = n * 10 + (c - '0');
                } else if (c != ' ' && c != '\t') {
                    broken = true;
                }
            }
            contentLength = n;
        } else if (startsWith(length, "connection:")) {
            close |= contains(length, "close");
            keepAlive |= contains(length, "keep-alive");
        }
        return false;
    }

    private boolean startsWith(int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWith(int length, String suffix) {
        int from = length - suffix.length();
        for (int i = 0; i < suffix.length(); i++) {
            if (line[from + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int length, String word) {
        outer:
        for (int i = 0; i + word.length() <= length; i++) {
            for (int j = 0; j < word.length(); j++) {
                if (line[i + j] != word.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
