/**
 * WebSocket (RFC 6455) as byte-level codecs, for the load client's sessions and the built-in NIO
 * servers: no sockets and no threads here, only bytes in and bytes out, fed by the connection's
 * event loop thread. Each stateful object (encoder, decoder, validator, key generator, handshake
 * reader) belongs to one connection and is used only by that connection's thread; the rest
 * ({@code WebSocketHandshake}, {@code CloseStatus}) is stateless.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.mangonel.protocol.websocket.WebSocketHandshake}: the upgrade request, the 101
 *       answer, refusals, key and accept. {@link org.mangonel.protocol.websocket.HandshakeResponseReader}
 *       checks the answer on the client side, {@link org.mangonel.protocol.websocket.HandshakeRequestReader}
 *       checks the request on the server side. Both read a head split anywhere, bounded, and leave the
 *       buffer just past it: frames sent at once in the same read follow.</li>
 *   <li>{@link org.mangonel.protocol.websocket.WebSocketFrames} writes frames (masked for a client,
 *       not for a server, keys from {@link org.mangonel.protocol.websocket.MaskKeys}); a payload can
 *       be written in place, straight into the output buffer, and masked there.</li>
 *   <li>{@link org.mangonel.protocol.websocket.WebSocketFrameDecoder} reads frames; message payloads
 *       stream to a {@link org.mangonel.protocol.websocket.MessageConsumer} (for example a
 *       {@link org.mangonel.protocol.websocket.MessageBuffer}, which keeps them) and text is checked
 *       by a {@link org.mangonel.protocol.websocket.Utf8Validator}.</li>
 * </ul>
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
