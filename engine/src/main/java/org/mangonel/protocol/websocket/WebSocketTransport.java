package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.transport.Transport;

/**
 * WebSocket framing over another transport (plain TCP for {@code ws://}, TLS for {@code wss://}):
 * each connection it opens does the upgrade handshake before its session hears
 * {@code onConnected}, then carries one message per {@code write}. Immutable; its per-loop
 * scratch buffer (where frames are assembled) is made once per loop.
 */
public final class WebSocketTransport implements Transport {
    private final Transport inner;
    private final String target;
    private final String authority;
    private final long maxMessageBytes;
    private final Map<EventLoop, ByteBuffer[]> scratch = new IdentityHashMap<>();

    /**
     * @param inner           what carries the frames
     * @param target          the request target of the upgrade, e.g. {@code /chat}
     * @param authority       the Host header
     * @param maxMessageBytes a longer message from the server is a protocol error
     */
    public WebSocketTransport(Transport inner, String target, String authority, long maxMessageBytes) {
        this.inner = inner;
        this.target = target;
        this.authority = authority;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public Connection open(EventLoop loop, Connection.Handler handler) {
        if (!(handler instanceof MessageHandler messages)) {
            throw new IllegalArgumentException("a WebSocket session must handle message ends");
        }
        ByteBuffer[] buffer;
        synchronized (scratch) {
            buffer = scratch.computeIfAbsent(loop, l -> new ByteBuffer[] {ByteBuffer.allocate(4096)});
        }
        return new WebSocketConnection(loop, inner, messages, target, authority, maxMessageBytes, buffer);
    }

    @Override
    public boolean secure() {
        return inner.secure();
    }

    @Override
    public String toString() {
        return "websocket over " + inner;
    }
}
