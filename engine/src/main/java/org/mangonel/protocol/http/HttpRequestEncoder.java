package org.mangonel.protocol.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Encodes one HTTP/1.1 request into bytes, once, at setup. Stateless.
 *
 * <p>The engine adds {@code Host} (unless given), {@code User-Agent} (unless given),
 * {@code Content-Length} when there is a body or the method usually carries one, and
 * {@code Connection: close} when keep-alive is off.
 */
public final class HttpRequestEncoder {
    private HttpRequestEncoder() {
    }

    /** A header to send, name as written. */
    public record Header(String name, String value) {
    }

    /**
     * @param method    request method, e.g. GET
     * @param target    request target, e.g. {@code /index.html?x=1}
     * @param authority host[:port] for the Host header
     * @param headers   extra headers, in order
     * @param body      request body (may be empty)
     * @param keepalive false adds {@code Connection: close}
     * @param userAgent the User-Agent value
     */
    public static byte[] encode(String method, String target, String authority, List<Header> headers, byte[] body,
                                boolean keepalive, String userAgent) {
        StringBuilder head = new StringBuilder(128);
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        boolean hasAgent = false;
        boolean hasConnection = false;
        for (Header h : headers) {
            String lower = h.name().toLowerCase(Locale.ROOT);
            hasHost |= lower.equals("host");
            hasAgent |= lower.equals("user-agent");
            hasConnection |= lower.equals("connection");
        }
        if (!hasHost) {
            head.append("Host: ").append(authority).append("\r\n");
        }
        if (!hasAgent) {
            head.append("User-Agent: ").append(userAgent).append("\r\n");
        }
        for (Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!keepalive && !hasConnection) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, out, 0, headBytes.length);
        System.arraycopy(body, 0, out, headBytes.length, body.length);
        return out;
    }
}
