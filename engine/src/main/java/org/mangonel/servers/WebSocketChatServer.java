package org.mangonel.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.mangonel.protocol.websocket.WebSocketFrames;

/**
 * {@code engine serve ws-chat}: {@link ChatServer}'s fan-out relay over WebSocket. Every text
 * message a client sends goes, as a text message, to every other client whose handshake is done;
 * binary messages are not relayed. Pings, closes and the limits are {@link WebSocketPeer}'s, with
 * {@link #MAX_MESSAGE_BYTES} as the message limit (longer closes the sender with 1009).
 *
 * <p>One event loop owns all clients, so a relay is a plain loop over an array with no locking.
 * The frame is built once per message (in the read buffer, where it was unmasked) and gathered
 * from there for each recipient; when the pass ends each recipient gets one write of all the
 * messages gathered for it, as in {@link ChatServer}. A recipient that cannot keep up (more than
 * {@link WebSocketPeer#MAX_PENDING_BYTES} unwritten) is disconnected; when the last client has
 * left, the memory buffers took is given back ({@link IdleMemory}).
 */
public final class WebSocketChatServer {
    /** The longest message relayed (as {@link ChatServer}'s longest line). */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private WebSocketChatServer() {
    }

    /**
     * Starts serving; the caller owns the returned server.
     *
     * @param threads must be 1: one loop relays between all clients
     */
    public static ServerLoops start(InetSocketAddress address, int threads) throws IOException {
        if (threads != 1) {
            throw new IllegalArgumentException("the WebSocket chat relay runs on one thread, not " + threads);
        }
        Relay relay = new Relay();
        return new ServerLoops(address, 1,
                (loop, index, connection) -> new WebSocketPeer(loop, connection, MAX_MESSAGE_BYTES, relay),
                loopIndex -> relay.queue.flush());
    }

    /** The open clients, in an array; each peer's {@code slot} is its index (removal swaps in the last). */
    private static final class Relay implements WebSocketPeer.Listener {
        private WebSocketPeer[] peers = new WebSocketPeer[64];
        private int count;
        /** The outboxes of the peers with messages gathered in this pass. */
        private final Outbox.Queue queue = new Outbox.Queue();
        private final IdleMemory idle = new IdleMemory();

        @Override
        public void onOpen(WebSocketPeer peer) {
            if (count == peers.length) {
                peers = Arrays.copyOf(peers, count * 2);
            }
            peer.slot = count;
            peers[count++] = peer;
        }

        @Override
        public void onClose(WebSocketPeer peer) {
            int i = peer.slot;
            if (i < 0) {
                return;
            }
            WebSocketPeer last = peers[--count];
            peers[i] = last;
            last.slot = i;
            peers[count] = null;
            peer.slot = -1;
            if (count == 0) {
                idle.noClientLeft();
            }
        }

        @Override
        public void onMessage(WebSocketPeer sender, int opcode, ByteBuffer frame) {
            if (opcode != WebSocketFrames.OP_TEXT) {
                return;
            }
            // Backwards: a recipient dropped on the way is replaced by the last one, already served.
            for (int i = count - 1; i >= 0; i--) {
                WebSocketPeer peer = peers[i];
                if (peer != sender) {
                    peer.deliver(frame, queue);
                }
            }
        }
    }
}
