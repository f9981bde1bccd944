package org.mangonel.protocol.websocket;

import org.mangonel.net.Connection;

/**
 * A session on a WebSocket connection: a message's payload comes through
 * {@link Connection.Handler#onData} (in pieces, as it streams) and its end through
 * {@link #onMessageEnd}. Loop thread only.
 */
public interface MessageHandler extends Connection.Handler {
    /**
     * The message whose bytes came through {@code onData} is complete.
     *
     * @param opcode {@link WebSocketFrames#OP_TEXT} or {@link WebSocketFrames#OP_BINARY}
     * @param length its total payload length
     */
    void onMessageEnd(int opcode, long length, long nowNs);
}
