package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects one HTTP/1.1 message head (the start line and the header lines, up to the empty line)
 * from bytes split anywhere, bounded, then splits it into its start line and headers. Used by the
 * handshake readers on the connection's thread; allocates its buffer once, and strings when the head
 * is complete (a handshake happens once per connection).
 *
 * <pre>
 *   LINE ──LF after a non-empty line──▶ LINE
 *     │ LF after an empty line (CR LF CR LF, or LF LF)
 *     ▼
 *   COMPLETE: the buffer's position is just past the head; what follows is not read
 *   more than the limit before that ──▶ TOO_LARGE
 * </pre>
 * A CR is not part of a line's content. Repeated headers are joined with ", " (RFC 9110 §5.3);
 * a folded line (starting with a space) continues the previous header's value.
 */
final class HttpHead {
    static final int NEED_MORE = 0;
    static final int COMPLETE = 1;
    static final int TOO_LARGE = 2;

    private final byte[] bytes;
    private int length;
    private int lineLength;
    private int result = NEED_MORE;

    private String startLine;
    private final Map<String, String> headers = new LinkedHashMap<>();

    HttpHead(int maxBytes) {
        this.bytes = new byte[maxBytes];
    }

    /** Reads up to the end of the head; COMPLETE leaves {@code buf} just past it. */
    int read(ByteBuffer buf) {
        while (result == NEED_MORE && buf.hasRemaining()) {
            if (length == bytes.length) {
                buf.position(buf.limit());
                result = TOO_LARGE;
                break;
            }
            byte b = buf.get();
            bytes[length++] = b;
            if (b == '\n') {
                if (lineLength == 0) {
                    result = COMPLETE;
                } else {
                    lineLength = 0;
                }
            } else if (b != '\r') {
                lineLength++;
            }
        }
        return result;
    }

    /** Bytes of head read so far. */
    int length() {
        return length;
    }

    /**
     * Splits the complete head; null when it is well formed, else what is wrong. Afterwards
     * {@link #startLine()} and {@link #header} answer.
     */
    String parse() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                int end = i;
                while (end > start && bytes[end - 1] == '\r') {
                    end--;
                }
                lines.add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        if (lines.isEmpty() || lines.get(0).isEmpty()) {
            return "empty first line";
        }
        startLine = lines.get(0);
        String lastName = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastName == null) {
                    return "malformed header line: " + printable(line);
                }
                headers.merge(lastName, ows(line), (a, b) -> a + " " + b);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.lastIndexOf(' ', colon) >= 0 || line.lastIndexOf('\t', colon) >= 0) {
                return "malformed header line: " + printable(line);
            }
            lastName = line.substring(0, colon).toLowerCase(Locale.ROOT);
            headers.merge(lastName, ows(line.substring(colon + 1)), (a, b) -> a + ", " + b);
        }
        return null;
    }

    String startLine() {
        return startLine;
    }

    /** The value of a header (all its lines joined), or null when absent; {@code lowerName} in lower case. */
    String header(String lowerName) {
        return headers.get(lowerName);
    }

    /** Whether the comma-separated value of the header holds {@code token}, case-insensitively. */
    boolean hasToken(String lowerName, String token) {
        String value = headers.get(lowerName);
        if (value == null) {
            return false;
        }
        for (String t : value.split(",")) {
            if (ows(t).equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} without the spaces and tabs around it (HTTP's optional whitespace). */
    static String ows(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** {@code s} fit for a one-line message: control characters replaced, cut at 80 characters. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 80));
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c >= 0x7F ? '?' : c);
        }
        if (s.length() > 80) {
            out.append("...");
        }
        return out.toString();
    }
}
