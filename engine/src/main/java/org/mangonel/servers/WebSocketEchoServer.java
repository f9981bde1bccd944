package org.mangonel.servers;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * {@code engine serve ws-echo}: a WebSocket echo server. Accepts the upgrade on any path and
 * answers every text or binary message with the same message (same opcode, same bytes; a
 * fragmented message is joined and sent back as one frame). Pings get pongs, a client's close
 * gets the same close back before the server closes the connection. A message over
 * {@link #MAX_MESSAGE_BYTES} closes the connection with 1009, a protocol error with 1002, text
 * that is not UTF-8 with 1007. An invalid upgrade request gets its HTTP refusal and is closed.
 *
 * <p>Connections are spread over the loops like {@link HelloServer}'s; each is independent. The
 * echoes of one read go out in one write (pipelined messages included), straight from the read
 * buffer where the message was unmasked (see {@link WebSocketPeer}).
 */
public final class WebSocketEchoServer {
    /** The longest message echoed; a longer one closes the connection with 1009. */
    public static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private static final WebSocketPeer.Listener ECHO = (peer, opcode, frame) -> peer.reply(frame);

    private WebSocketEchoServer() {
    }

    /** Starts serving on {@code threads} loops; the caller owns the returned server. */
    public static ServerLoops start(InetSocketAddress address, int threads) throws IOException {
        return new ServerLoops(address, threads,
                (loop, index, connection) -> new WebSocketPeer(loop, connection, MAX_MESSAGE_BYTES, ECHO));
    }
}
