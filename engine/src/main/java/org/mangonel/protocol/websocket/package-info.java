/**
 * WebSocket (RFC 6455), in three layers: byte-level codecs; a client connection and the
 * {@link org.mangonel.transport.Transport} built on them; and the {@code websocket} protocol, a
 * request/response workload measured like HTTP. Chat over {@code ws://} and {@code wss://} is
 * the chat protocol using this package's transport; the built-in servers {@code ws-echo} and
 * {@code ws-chat} (package {@code servers}) use its codecs.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li><b>Codecs</b>: no sockets and no threads, only bytes in and bytes out.
 *     <ul>
 *       <li>{@link org.mangonel.protocol.websocket.WebSocketHandshake}: the upgrade request, the 101
 *           answer, refusals, key and accept. {@link org.mangonel.protocol.websocket.HandshakeResponseReader}
 *           checks the answer on the client side, {@link org.mangonel.protocol.websocket.HandshakeRequestReader}
 *           checks the request on the server side (both collect the head with {@code HttpHead}). Both
 *           read a head split anywhere, bounded, and leave the buffer just past it: frames sent at
 *           once in the same read follow.</li>
 *       <li>{@link org.mangonel.protocol.websocket.WebSocketFrames} writes frames (masked for a
 *           client, not for a server, keys from {@link org.mangonel.protocol.websocket.MaskKeys}); a
 *           payload can be written in place, straight into the output buffer, and masked there.</li>
 *       <li>{@link org.mangonel.protocol.websocket.WebSocketFrameDecoder} reads frames; message
 *           payloads stream to a {@link org.mangonel.protocol.websocket.MessageConsumer} (for example
 *           a {@link org.mangonel.protocol.websocket.MessageBuffer}, which keeps them) and text is
 *           checked by a {@link org.mangonel.protocol.websocket.Utf8Validator};
 *           {@link org.mangonel.protocol.websocket.CloseStatus} says which close codes may be sent.</li>
 *     </ul></li>
 *   <li><b>Client connection and transport</b>. {@code WebSocketConnection} is a
 *       {@link org.mangonel.net.Connection} over another one (plain TCP, or TLS): it does the
 *       upgrade before its session hears {@code onConnected}, then sends one message per write
 *       (masked, assembled in a per-loop scratch buffer), answers pings, fails the connection on a
 *       bad frame with the right close code, and does the close handshake. Its session is a
 *       {@link org.mangonel.protocol.websocket.MessageHandler}: a message's payload arrives in
 *       pieces through {@code onData}, as it streams, and its end through {@code onMessageEnd}.
 *       {@link org.mangonel.protocol.websocket.WebSocketTransport} is the third
 *       {@link org.mangonel.transport.Transport} beside plain TCP and TLS: it wraps the one the
 *       framework's scheme chose and opens a {@code WebSocketConnection} for each connection.
 *       A protocol wraps the endpoint's transport itself, in its load spec; {@code run} never
 *       does.</li>
 *   <li><b>The protocol</b>. {@link org.mangonel.protocol.websocket.WebSocketProtocol} reads a
 *       benchmark's {@code messages}, {@code order} and {@code expect} into a
 *       {@link org.mangonel.scenario.WebSocketWorkload}; {@code WebSocketMix} prepares the
 *       payloads and expected answers once and {@code WebSocketLoadSpec} holds everything a run
 *       needs. {@code WebSocketCheck} is the pre-run check (upgrade, each message once with its
 *       answer checked, close handshake) on a {@link org.mangonel.load.Probe} loop;
 *       {@code WebSocketSession} is one load connection, a {@link org.mangonel.load.PacedSession}
 *       on a {@link org.mangonel.load.PacedWorker} built, like HTTP's, on
 *       {@link org.mangonel.load.ExchangeSession}, so the closed and open models, their latency
 *       rules and the session's lifecycle are the same as HTTP's.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * {@code WebSocketProtocol} is a stateless singleton called on the run's thread. The mix and the
 * load spec are immutable and shared by all loops, and so is the transport (only its map of
 * per-loop scratch buffers is written, under a lock, when a loop opens its first connection).
 * Everything else belongs to one connection and is used only by the event loop thread that owns
 * it: the connection, its session, encoder, decoder, validator, key generator and handshake
 * reader ({@code WebSocketHandshake} and {@code CloseStatus} are stateless). The check runs on
 * the {@code Probe}'s loop, which is the run's thread.
 *
 * <h2>The decoder's state machine</h2>
 * <pre>
 *   HEAD0 ──FIN, RSV1-3, opcode──▶ HEAD1 ──MASK, 7-bit length──┬── 0..125 ──────────────────────┐
 *                                                              ├── 126 ──▶ LENGTH (2 bytes) ──┤
 *                                                              └── 127 ──▶ LENGTH (8 bytes) ──┤
 *                                                                                             │ length known
 *                                     ┌── masked (the server role reads these) ◀──────────────┤
 *                                     ▼                                                       │
 *                              MASK_KEY (4 bytes) ──────────▶ payload ◀── unmasked (client role)
 *                                                               │
 *           ┌── data frame (text, binary, continuation) ◀───────┴──▶ control frame (ping, pong, close)
 *           ▼                                                          ▼
 *         DATA: unmask in place, check UTF-8 (text),           CONTROL: copy into a 125-byte
 *               hand to the consumer                                    array, unmask there
 *           │ FIN=0: the message goes on ──▶ HEAD0                     │ ping ──▶ PING,  HEAD0
 *           │ FIN=1: ──▶ MESSAGE,  HEAD0                               │ pong ──▶ PONG,  HEAD0
 *                                                                      │ close ─▶ CLOSE, CLOSED (any byte more: ERROR)
 *   any broken rule ──▶ ERROR, FAILED (every later call: ERROR)
 * </pre>
 * Beside the frame being read, the decoder remembers the message in progress: its opcode, length so
 * far and UTF-8 state. That is what lets a control frame come between two fragments of a message
 * (RFC 6455 §5.4): the ping is reported, the caller answers it, and the message goes on with the
 * next continuation frame. Events are reported one at a time as return codes, and the buffer is left
 * just past the frame that completed the event; nothing throws on what a peer sends.
 *
 * <h2>Roles</h2>
 * A client masks what it sends and reads unmasked frames; a server reads masked frames, unmasks
 * them in place in its read buffer, and sends unmasked ones (RFC 6455 §5.1: each side fails the
 * connection when the other gets it wrong). {@code WebSocketFrames.client/server} and
 * {@code WebSocketFrameDecoder.forClient/forServer} choose the role.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>A message (all its fragments) is at most the decoder's {@code maxMessageBytes}. The check
 *       is made on each frame header, before any payload is read: a peer announcing 2<sup>62</sup>
 *       bytes costs nothing. The decoder never keeps a message: it streams it to the consumer, so
 *       memory is bounded by what the consumer chooses to keep.</li>
 *   <li>Control frames carry at most 125 bytes and are never fragmented (RFC 6455 §5.5): the
 *       decoder keeps their payload in a fixed 125-byte array.</li>
 *   <li>Handshake heads are bounded by the readers' {@code maxHeadBytes}.</li>
 * </ul>
 *
 * <h2>What is an error, and why</h2>
 * RFC 6455 says an endpoint must <i>fail the connection</i> on these, and so does the decoder
 * (each has an {@code E_} constant and a close code to answer with, usually 1002):
 * <ul>
 *   <li>RSV1-3 set: they only mean something with a negotiated extension, and none is offered or
 *       accepted here (so permessage-deflate, for one, is never on).</li>
 *   <li>An opcode RFC 6455 reserves (3-7, 11-15).</li>
 *   <li>A control frame that is fragmented or longer than 125 bytes.</li>
 *   <li>A continuation frame when no message is in progress; a text or binary frame while one is.</li>
 *   <li>A 64-bit length with its most significant bit set.</li>
 *   <li>A frame masked against the role: a server must receive masked frames only, a client
 *       unmasked frames only.</li>
 *   <li>A message longer than the limit (1009).</li>
 *   <li>A close frame with a 1-byte payload, a status code not allowed on the wire
 *       ({@link org.mangonel.protocol.websocket.CloseStatus}), or a reason that is not UTF-8.</li>
 *   <li>A text message that is not valid UTF-8 (1007). RFC 6455 §8.1 requires the check. It is
 *       incremental and allocation-free: the validator's state carries over reads and fragments,
 *       a character may be split anywhere, and the message fails at the first byte that cannot
 *       belong to valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF
 *       included), or at its end if a character is left unfinished. ASCII runs cost one comparison
 *       per byte.</li>
 *   <li>Anything after a close frame.</li>
 * </ul>
 * A length written in a longer form than needed is accepted (as most implementations do).
 */
package org.mangonel.protocol.websocket;
