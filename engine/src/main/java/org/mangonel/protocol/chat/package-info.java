/**
 * Line chat fan-out as a protocol: every client sends message lines on a fixed schedule and the
 * server relays each to every other client; a success is a delivery, and its latency runs from
 * when the message was due to when another client read it. Always the open model; a level is a
 * number of clients (at least two). Over {@code tcp://} or {@code tls://} a message is a line with
 * its terminator; over {@code ws://} or {@code wss://} it is one WebSocket text message without
 * one.
 *
 * <h2>The pieces</h2>
 * <ul>
 *   <li>{@link org.mangonel.protocol.chat.ChatProtocol}: the {@link org.mangonel.protocol.Protocol}
 *       (keys {@code join}, {@code message_rate}, {@code message_size}, {@code terminator},
 *       {@code drain}; it reads them itself into a {@link org.mangonel.scenario.ChatWorkload}), its
 *       {@code messages} figures in results.json, and their merge across shards (counts summed,
 *       {@code lost} and {@code delivered_pct} recomputed from the sums). For a {@code ws} or
 *       {@code wss} URL it wraps the endpoint's transport in a
 *       {@link org.mangonel.protocol.websocket.WebSocketTransport}.</li>
 *   <li>{@link org.mangonel.protocol.chat.ChatLoadSpec}: everything a run needs, resolved.</li>
 *   <li>{@code ChatCheck}: the pre-run check on a {@link org.mangonel.load.Probe} loop: two
 *       clients join, one sends a line, the other must receive it intact.</li>
 *   <li>{@code ChatWorker}: one event loop's clients and their send schedule, a
 *       {@link org.mangonel.load.Worker} (not the request/response {@code PacedWorker}); client g's
 *       k-th message is due at {@code start + g·interval/clients + k·interval}.</li>
 *   <li>{@code ChatSession}: one client (join line, sends, and every line it receives checked), a
 *       {@link org.mangonel.load.ConnectionSession} (its connection opened and replaced through Redial).
 *       It is a {@link org.mangonel.protocol.websocket.MessageHandler}, so over a WebSocket the end
 *       of a message ends its line.</li>
 *   <li>The codec: {@link org.mangonel.protocol.chat.ChatLines}, the fixed-width message line
 *       (marker, sender, sequence, due and sent times, padding), and
 *       {@link org.mangonel.protocol.chat.ChatLineDecoder}, which finds those lines in whatever a
 *       server relays, allocation-free and fed bytes split anywhere.
 *       {@link org.mangonel.protocol.chat.ChatCounter} names the protocol's own counters.</li>
 * </ul>
 *
 * <h2>One message</h2>
 * <pre>
 *   ChatWorker: client g's message k is due ──▶ its ChatSession writes the line (sent even if
 *     the server is slow); if it was due in the measured window: messages sent + 1, deliveries
 *     expected + the recipients (the joined clients of this process and every client of the
 *     other shards, less the sender). Not sent (its client not joined, the write failed, or
 *     the window over before the loop got to it): messages unsent + 1, and its deliveries
 *     expected all the same, so they count as lost.
 *   the server relays it to every other client
 *   each receiving ChatSession: ChatLineDecoder
 *     ──MESSAGE──▶ from another client, due in the measured window and read before the drain
 *                  ends: a delivery, its latency from the due time (a sequence number not above
 *                  the last one from that sender: duplicated; an unknown sender: corrupted)
 *     ──CORRUPT──▶ corrupted          ──OTHER──▶ ignored (welcomes, announcements)
 *     ──TOO_LONG─▶ a protocol error; the connection is dropped
 *   lost = deliveries expected − deliveries
 * </pre>
 *
 * <h2>Threads</h2>
 * {@code ChatProtocol} is stateless and called on the run's thread; a {@code ChatLoadSpec} is
 * immutable and shared by all loops. Each {@code ChatWorker} and its sessions and decoders belong
 * to one event loop thread. The only state the loops share is the count of joined clients (an
 * {@code AtomicInteger}), which gives each message its expected recipients. The check runs on the
 * {@code Probe}'s loop, which is the run's thread.
 */
package org.mangonel.protocol.chat;
