package org.mangonel.protocol.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The opening handshake's bytes (RFC 6455 §4): the client's upgrade request, the server's 101
 * answer and its refusals, and the key/accept pair that ties them together. Stateless, so any
 * thread may call it; called once per connection (it allocates, which is fine off the per-message
 * path).
 *
 * <p>The readers are {@link HandshakeResponseReader} (client side) and
 * {@link HandshakeRequestReader} (server side).
 */
public final class WebSocketHandshake {
    /** The GUID RFC 6455 appends to the key before hashing it. */
    public static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** The only protocol version there is. */
    public static final String VERSION = "13";

    /** A header to send, name as written. */
    public record Header(String name, String value) {
        public Header {
            if (!token(name)) {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("line break in the value of " + name);
            }
        }
    }

    private WebSocketHandshake() {
    }

    /** A new Sec-WebSocket-Key: 16 random bytes in base64 (24 characters). */
    public static String newKey(RandomGenerator random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** The Sec-WebSocket-Accept that answers {@code key}: base64(SHA-1(key + GUID)). */
    public static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    /**
     * The client's upgrade request:
     * <pre>
     *   GET {target} HTTP/1.1
     *   Host: {authority}                 (unless extraHeaders has one)
     *   Upgrade: websocket
     *   Connection: Upgrade
     *   Sec-WebSocket-Key: {key}
     *   Sec-WebSocket-Version: 13
     *   {extraHeaders, in order}
     * </pre>
     * A Sec-WebSocket-Protocol among the extra headers offers subprotocols: give the same list to
     * the {@link HandshakeResponseReader}. Extensions cannot be offered (none is implemented), nor
     * can the headers above be replaced (Host excepted).
     *
     * @param target       request target, e.g. {@code /chat?room=1}
     * @param authority    host[:port]
     * @param key          from {@link #newKey}, a new one per connection
     * @param extraHeaders more headers (Origin, User-Agent, Cookie, Sec-WebSocket-Protocol ...)
     */
    public static byte[] request(String target, String authority, String key, List<Header> extraHeaders) {
        if (target.isEmpty() || target.chars().anyMatch(c -> c <= ' ' || c >= 0x7F)) {
            throw new IllegalArgumentException("invalid request target: " + target);
        }
        boolean hasHost = false;
        for (Header h : extraHeaders) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            switch (lower) {
                case "host" -> hasHost = true;
                case "upgrade", "connection", "sec-websocket-key", "sec-websocket-version" ->
                        throw new IllegalArgumentException(h.name() + " is part of the handshake and cannot be replaced");
                case "sec-websocket-extensions" ->
                        throw new IllegalArgumentException("WebSocket extensions are not supported");
                default -> {
                }
            }
        }
        StringBuilder head = new StringBuilder(256);
        head.append("GET ").append(target).append(" HTTP/1.1\r\n");
        if (!hasHost) {
            head.append("Host: ").append(authority).append("\r\n");
        }
        head.append("Upgrade: websocket\r\n");
        head.append("Connection: Upgrade\r\n");
        head.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
        head.append("Sec-WebSocket-Version: ").append(VERSION).append("\r\n");
        for (Header h : extraHeaders) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The server's 101 answer to a request with that key.
     *
     * @param protocol the subprotocol chosen from those the client offered, or null for none
     */
    public static byte[] response(String key, String protocol) {
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 101 Switching Protocols\r\n");
        head.append("Upgrade: websocket\r\n");
        head.append("Connection: Upgrade\r\n");
        head.append("Sec-WebSocket-Accept: ").append(accept(key)).append("\r\n");
        if (protocol != null) {
            head.append("Sec-WebSocket-Protocol: ").append(protocol).append("\r\n");
        }
        head.append("\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A refusal: {@code status} with {@code why} as a plain-text body, and {@code Connection: close}.
     * A 426 also says which version the server speaks (RFC 6455 §4.4).
     */
    public static byte[] rejection(int status, String why) {
        byte[] body = (why + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(160);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reasonPhrase(status)).append("\r\n");
        if (status == 426) {
            head.append("Upgrade: websocket\r\n");
            head.append("Sec-WebSocket-Version: ").append(VERSION).append("\r\n");
        }
        head.append("Content-Type: text/plain; charset=utf-8\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(body, 0, out, headBytes.length, body.length);
        return out;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 426 -> "Upgrade Required";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    /** Whether {@code s} is an HTTP token (RFC 9110 §5.6.2), as header names must be. */
    static boolean token(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
