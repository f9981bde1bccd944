package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Server side of the opening handshake: reads a client's upgrade request, split anywhere, checks it
 * (RFC 6455 §4.2.1) and produces the answer. One per accepted connection, used by the thread that
 * owns it; not on the per-message path (it allocates a little once the head is complete).
 *
 * <h2>Use</h2>
 * <pre>
 *   int r = reader.read(buf);   // any number of times, with what arrived
 *   // NEED_MORE: all of buf was consumed, feed more
 *   // ACCEPTED : send response() (or response(protocol)); buf's position is just past the request
 *   //            head, and what follows (frames the client sent at once) is for the frame decoder
 *   // FAILED   : failure() says why; send rejection() and close the connection
 * </pre>
 * The checks, in order: {@code GET target HTTP/1.1}; a Host header; {@code Upgrade} holding
 * {@code websocket}; {@code Connection} holding {@code Upgrade}; {@code Sec-WebSocket-Version: 13}
 * (else 426 Upgrade Required, naming the version the server speaks); a {@code Sec-WebSocket-Key}
 * of 16 bytes in base64. The head is limited to {@code maxHeadBytes} (else 431).
 */
public final class HandshakeRequestReader {
    /** All input consumed, the request head is not complete yet. */
    public static final int NEED_MORE = 0;
    /** A valid upgrade request: answer with {@link #response()}. */
    public static final int ACCEPTED = 1;
    /** Not a valid upgrade request: answer with {@link #rejection()}, then close. */
    public static final int FAILED = 2;

    private final HttpHead head;
    private int result = NEED_MORE;
    private String failure;
    private int rejectionStatus;
    private String target;
    private String key;

    /** @param maxHeadBytes the longest request head accepted */
    public HandshakeRequestReader(int maxHeadBytes) {
        this.head = new HttpHead(maxHeadBytes);
    }

    /** Reads the request head from {@code buf}; see the class comment for the results. */
    public int read(ByteBuffer buf) {
        if (result != NEED_MORE) {
            return result;
        }
        int r = head.read(buf);
        if (r == HttpHead.TOO_LARGE) {
            return fail(431, "the request head is larger than " + head.length() + " bytes");
        }
        if (r == HttpHead.NEED_MORE) {
            return NEED_MORE;
        }
        return check();
    }

    private int check() {
        String malformed = head.parse();
        if (malformed != null) {
            return fail(400, "malformed request: " + malformed);
        }
        String line = head.startLine();
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1 + 1) {
            return fail(400, "malformed request line: " + HttpHead.printable(line));
        }
        String method = line.substring(0, sp1);
        String version = line.substring(sp2 + 1);
        if (!version.startsWith("HTTP/1.")) {
            return fail(400, "malformed request line: " + HttpHead.printable(line));
        }
        if (!method.equals("GET")) {
            return fail(405, "the method is " + HttpHead.printable(method) + "; a WebSocket upgrade is a GET");
        }
        if (!version.equals("HTTP/1.1")) {
            return fail(400, "the request is " + HttpHead.printable(version) + "; a WebSocket upgrade needs HTTP/1.1");
        }
        if (head.header("host") == null) {
            return fail(400, "no Host header");
        }
        if (!head.hasToken("upgrade", "websocket")) {
            return fail(400, head.header("upgrade") == null ? "no Upgrade header (not a WebSocket request)"
                    : "the Upgrade header does not contain websocket");
        }
        if (!head.hasToken("connection", "upgrade")) {
            return fail(400, "the Connection header does not contain Upgrade");
        }
        String v = head.header("sec-websocket-version");
        if (v == null) {
            return fail(426, "no Sec-WebSocket-Version header");
        }
        if (!v.equals(WebSocketHandshake.VERSION)) {
            return fail(426, "Sec-WebSocket-Version " + HttpHead.printable(v) + " is not supported (only 13)");
        }
        String k = head.header("sec-websocket-key");
        if (k == null) {
            return fail(400, "no Sec-WebSocket-Key header");
        }
        if (!validKey(k)) {
            return fail(400, "Sec-WebSocket-Key is not 16 bytes in base64");
        }
        key = k;
        target = line.substring(sp1 + 1, sp2);
        result = ACCEPTED;
        return ACCEPTED;
    }

    private static boolean validKey(String k) {
        if (k.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(k).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private int fail(int status, String why) {
        rejectionStatus = status;
        failure = why;
        result = FAILED;
        return FAILED;
    }

    /** Why the request FAILED (one line), or null. */
    public String failure() {
        return failure;
    }

    /** The request target (path and query) of an ACCEPTED request. */
    public String target() {
        return target;
    }

    /** The Sec-WebSocket-Key of an ACCEPTED request. */
    public String key() {
        return key;
    }

    /** The subprotocols the client offered, in its order (empty when none). */
    public List<String> offeredProtocols() {
        List<String> out = new ArrayList<>();
        String value = head.header("sec-websocket-protocol");
        if (value != null) {
            for (String p : value.split(",")) {
                if (!p.isBlank()) {
                    out.add(HttpHead.ows(p));
                }
            }
        }
        return out;
    }

    /** A header of the request, all its lines joined, or null (once the head is complete). */
    public String header(String name) {
        return head.header(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Bytes of the request head read so far; once complete, the whole head. */
    public int headBytes() {
        return head.length();
    }

    /** The 101 answer to an ACCEPTED request, choosing no subprotocol. */
    public byte[] response() {
        return response(null);
    }

    /** The 101 answer to an ACCEPTED request, choosing {@code protocol} (one it offered) or none (null). */
    public byte[] response(String protocol) {
        if (result != ACCEPTED) {
            throw new IllegalStateException("the request was not accepted");
        }
        return WebSocketHandshake.response(key, protocol);
    }

    /** The refusal of a FAILED request: 400, 405, 426 or 431 with {@link #failure()} as its body. */
    public byte[] rejection() {
        if (result != FAILED) {
            throw new IllegalStateException("the request did not fail");
        }
        return WebSocketHandshake.rejection(rejectionStatus, failure);
    }

    /** The status {@link #rejection()} carries. */
    public int rejectionStatus() {
        return rejectionStatus;
    }
}
