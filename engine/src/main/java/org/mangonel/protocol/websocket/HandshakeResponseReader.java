package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Client side of the opening handshake: reads the server's answer to the upgrade request, split
 * anywhere, and checks it (RFC 6455 §4.1). One per connection attempt, used by the thread that owns
 * the connection; not on the per-message path (it allocates a little once the head is complete).
 *
 * <h2>Use</h2>
 * <pre>
 *   int r = reader.read(buf);   // any number of times, with what arrived
 *   // NEED_MORE: all of buf was consumed, feed more
 *   // ACCEPTED : the connection speaks WebSocket now; buf's position is just past the response
 *   //            head, and what follows (frames the server sent at once) is for the frame decoder
 *   // FAILED   : failure() says why in one line; close the connection
 *   reader.endOfInput();        // on EOF before the head was complete: FAILED
 * </pre>
 * The checks, in order: a well-formed status line; status 101 (anything else fails naming the
 * status the server gave); HTTP/1.1; {@code Upgrade: websocket} (case-insensitive);
 * {@code Connection} holding the token {@code Upgrade}; {@code Sec-WebSocket-Accept} equal to
 * base64(SHA-1(key + GUID)); no extension (none was offered); a subprotocol only if it was offered.
 * The head is limited to {@code maxHeadBytes}.
 */
public final class HandshakeResponseReader {
    /** All input consumed, the response head is not complete yet. */
    public static final int NEED_MORE = 0;
    /** The server accepted the upgrade. */
    public static final int ACCEPTED = 1;
    /** The server refused, or answered something that is not a valid acceptance; see {@link #failure()}. */
    public static final int FAILED = 2;

    private final String expectedAccept;
    private final List<String> offeredProtocols;
    private final HttpHead head;
    private int result = NEED_MORE;
    private String failure;
    private int status;
    private String protocol;

    /**
     * @param key              the Sec-WebSocket-Key the request carried
     * @param offeredProtocols the subprotocols the request offered (may be empty)
     * @param maxHeadBytes     the longest response head accepted
     */
    public HandshakeResponseReader(String key, List<String> offeredProtocols, int maxHeadBytes) {
        this.expectedAccept = WebSocketHandshake.accept(key);
        this.offeredProtocols = List.copyOf(offeredProtocols);
        this.head = new HttpHead(maxHeadBytes);
    }

    /** For a request that offered no subprotocol. */
    public HandshakeResponseReader(String key, int maxHeadBytes) {
        this(key, List.of(), maxHeadBytes);
    }

    /** Reads the response head from {@code buf}; see the class comment for the results. */
    public int read(ByteBuffer buf) {
        if (result != NEED_MORE) {
            return result;
        }
        int r = head.read(buf);
        if (r == HttpHead.TOO_LARGE) {
            return fail("the response head is larger than " + head.length() + " bytes");
        }
        if (r == HttpHead.NEED_MORE) {
            return NEED_MORE;
        }
        String why = check();
        if (why != null) {
            return fail(why);
        }
        result = ACCEPTED;
        return ACCEPTED;
    }

    private String check() {
        String malformed = head.parse();
        String line = head.startLine();
        if (line == null) {
            return "malformed response: " + malformed;
        }
        // HTTP/1.1 101 Switching Protocols
        if (line.length() < 12 || !line.startsWith("HTTP/") || line.charAt(8) != ' '
                || !digits(line, 9, 12) || (line.length() > 12 && line.charAt(12) != ' ')) {
            return "malformed status line: " + HttpHead.printable(line);
        }
        status = Integer.parseInt(line.substring(9, 12));
        if (status != 101) {
            String reason = line.length() > 13 ? HttpHead.printable(HttpHead.ows(line.substring(13))) : "";
            return "the server answered " + status + (reason.isEmpty() ? "" : " " + reason)
                    + " instead of 101 Switching Protocols";
        }
        if (!line.startsWith("HTTP/1.1")) {
            return "the server answered 101 in " + HttpHead.printable(line.substring(0, 8))
                    + " (a WebSocket upgrade needs HTTP/1.1)";
        }
        if (malformed != null) {
            return malformed;
        }
        String upgrade = head.header("upgrade");
        if (upgrade == null) {
            return "no Upgrade header in the response";
        }
        if (!upgrade.equalsIgnoreCase("websocket")) {
            return "Upgrade: " + HttpHead.printable(upgrade) + " in the response instead of websocket";
        }
        if (head.header("connection") == null) {
            return "no Connection header in the response";
        }
        if (!head.hasToken("connection", "upgrade")) {
            return "the response's Connection header does not contain Upgrade";
        }
        String accept = head.header("sec-websocket-accept");
        if (accept == null) {
            return "no Sec-WebSocket-Accept header in the response";
        }
        if (!accept.equals(expectedAccept)) {
            return "wrong Sec-WebSocket-Accept";
        }
        String extensions = head.header("sec-websocket-extensions");
        if (extensions != null && !extensions.isEmpty()) {
            return "the server chose an extension that was not offered: " + HttpHead.printable(extensions);
        }
        protocol = head.header("sec-websocket-protocol");
        if (protocol != null && !offeredProtocols.contains(protocol)) {
            return "the server chose a subprotocol that was not offered: " + HttpHead.printable(protocol);
        }
        return null;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private int fail(String why) {
        failure = why;
        result = FAILED;
        return FAILED;
    }

    /** The connection ended: FAILED unless the handshake had been ACCEPTED. */
    public int endOfInput() {
        if (result != NEED_MORE) {
            return result;
        }
        return fail(head.length() == 0
                ? "the server closed the connection without answering the upgrade request"
                : "the server closed the connection in the middle of the handshake response");
    }

    /** Why the handshake FAILED (one line), or null. */
    public String failure() {
        return failure;
    }

    /** The response's status code (0 until a status line was read). */
    public int status() {
        return status;
    }

    /** The subprotocol the server chose, or null. */
    public String protocol() {
        return protocol;
    }

    /** Bytes of the response head read so far; once ACCEPTED, the whole head. */
    public int headBytes() {
        return head.length();
    }

    /** A header of the response, all its lines joined, or null (once the head is complete). */
    public String header(String name) {
        return head.header(name.toLowerCase(java.util.Locale.ROOT));
    }
}
