/**
 * The engine's own reference servers, run as {@code engine serve hello|chat|ws-echo|ws-chat --port N}
 * (and by scenarios as built-in frameworks): small, fast NIO servers that need nothing but the JDK,
 * so every scenario can be tried on a fresh machine.
 * <ul>
 *   <li>{@link org.mangonel.servers.HelloServer} ({@code hello}): HTTP/1.1, {@code 200}
 *       "Hello, World!" to every request, keep-alive, pipelining ({@code RequestScanner} finds
 *       where requests end);</li>
 *   <li>{@link org.mangonel.servers.ChatServer} ({@code chat}): relays every line to every other
 *       client;</li>
 *   <li>{@link org.mangonel.servers.WebSocketEchoServer} ({@code ws-echo}): echoes every WebSocket
 *       text or binary message;</li>
 *   <li>{@link org.mangonel.servers.WebSocketChatServer} ({@code ws-chat}): the chat relay over
 *       WebSocket, text messages only.</li>
 * </ul>
 * The two WebSocket servers share {@code WebSocketPeer}, the server side of one connection
 * (handshake, frames, pings, close), built on {@code protocol.websocket}'s codecs. The servers
 * share the {@code net} event loops with the client but nothing of the load engine.
 *
 * <p>Threads: {@link org.mangonel.servers.ServerLoops} runs N loops ({@code serve-loop-N}); loop 0
 * accepts and hands each accepted connection to the loops in turn, and each connection then lives
 * on one loop thread for good. {@code hello} and {@code ws-echo} may use several loops
 * ({@code --threads}); the two chat relays always run on one, which owns every client, so a relay
 * is a plain loop over them with no locking.
 *
 * <p>The relays gather: what a pass relays to a recipient goes into its {@code Outbox}, and
 * {@code ServerLoops}' before-sleep hook writes each outbox once when the pass ends. At low
 * rates that is one write per message per recipient, as before; under load, one per pass. On the
 * chat page that raised both relays' capacity from 16 to 420–538 messages/s per client
 * (100 clients, 2 cores shared with the client), where writing each message at once had tied
 * them with asyncio and Node.js; their CPU per delivery at 1, 10 and 100 messages/s did not
 * change ({@code bench/chat/chat.sh}).
 */
package org.mangonel.servers;
