package org.mangonel.protocol.websocket;

/**
 * Close frame status codes (RFC 6455 §7.4) and which of them may appear on the wire. Stateless;
 * any thread.
 *
 * <p>Allowed in a close frame: 1000-1003, 1007-1011 (RFC 6455), 1012-1014 (registered with IANA
 * since), 3000-3999 (registered by libraries and frameworks) and 4000-4999 (private use). Not
 * allowed: below 1000, 1004 (reserved), 1005, 1006 and 1015 (only ever reported locally, never
 * sent), the unassigned 1016-2999 and 5000 and up. A peer that sends one of those breaks the
 * protocol; {@link WebSocketFrameDecoder} makes it an error.
 */
public final class CloseStatus {
    /** Normal closure: the purpose of the connection was fulfilled. */
    public static final int NORMAL = 1000;
    /** The endpoint is going away (server shutting down, page navigated away). */
    public static final int GOING_AWAY = 1001;
    /** The peer broke the protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** A data type the endpoint cannot accept (e.g. binary when it only takes text). */
    public static final int UNSUPPORTED_DATA = 1003;
    /** Reported when a close frame carried no status code; never sent. */
    public static final int NO_STATUS = 1005;
    /** Reported when the connection ended without a close frame; never sent. */
    public static final int ABNORMAL = 1006;
    /** A text message (or close reason) that is not valid UTF-8. */
    public static final int INVALID_PAYLOAD = 1007;
    /** A message that breaks the endpoint's policy. */
    public static final int POLICY_VIOLATION = 1008;
    /** A message too big to process. */
    public static final int TOO_BIG = 1009;
    /** The client needed an extension the server did not negotiate. */
    public static final int MANDATORY_EXTENSION = 1010;
    /** The server hit an unexpected condition. */
    public static final int INTERNAL_ERROR = 1011;

    private CloseStatus() {
    }

    /** Whether {@code code} may be sent in, and accepted from, a close frame. */
    public static boolean allowedOnTheWire(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }
}
