package org.mangonel.protocol.chat;

import java.nio.ByteBuffer;
import org.mangonel.load.ConnectionSession;
import org.mangonel.load.Failures;
import org.mangonel.protocol.websocket.MessageHandler;
import org.mangonel.stats.Count;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.Recorder;

/**
 * One chat client: connects, sends its join line, then sends the messages its worker schedules
 * and checks every line it receives. Its connecting, failures and end are a
 * {@link ConnectionSession}'s; OPEN means joined.
 *
 * <pre>
 *   IDLE ──connect (see Redial: timeout, backoff)──▶ send the join line ──▶ OPEN (joined)
 *   OPEN ──failure──▶ count it, leave, IDLE, Redial.retryLater
 * </pre>
 * A received message counts as a delivery when it was due inside the measured window and arrives
 * before the drain period ends; its latency runs from when it was due to when this client read it.
 * Lines that are not messages (welcomes, announcements) are ignored; damaged ones are counted as
 * corrupted; a message seen again from the same sender (sequence not increasing) as duplicated.
 * Over a WebSocket ({@code ws://}), each message is one line: its end is the line's end.
 */
final class ChatSession extends ConnectionSession<ChatWorker> implements MessageHandler {
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final ChatLoadSpec spec;
    private final int client;
    private final ChatLineDecoder decoder;
    private final byte[] joinLine;
    private final int[] lastSeq;
    private final ByteBuffer lineEnd = ByteBuffer.wrap(new byte[] {'\n'});

    ChatSession(ChatWorker worker, ChatLoadSpec spec, int client) {
        super(worker, spec.endpoint(), spec.connectTimeoutNs());
        this.spec = spec;
        this.client = client;
        this.decoder = new ChatLineDecoder(spec.messageSize(), MAX_LINE_BYTES);
        this.joinLine = spec.joinLine(client);
        if (spec.clients() <= ChatLoadSpec.MAX_CLIENTS_TRACKED) {
            lastSeq = new int[spec.clients()];
            java.util.Arrays.fill(lastSeq, -1);
        } else {
            lastSeq = null;
        }
    }

    @Override
    public void begin(long nowNs) {
        // sends are driven by the worker's schedule
    }

    @Override
    public void onConnected(long nowNs) {
        redial.connected(nowNs);
        if (joinLine != null) {
            ByteBuffer out = worker.loop().writeBuffer();
            out.clear();
            out.put(joinLine);
            out.flip();
            if (!connection.write(out)) {
                fail(Failures.kind(connection.lastFailure()), nowNs);
                return;
            }
        }
        state = State.OPEN;
        worker.joined();
        redial.succeeded();
    }

    /** Whether this client is joined: messages it sends are relayed. */
    boolean joined() {
        return state == State.OPEN;
    }

    /** Sends message {@code seq}, due at {@code dueNs}; counted unsent while not joined. */
    void send(long seq, long dueNs, long nowNs) {
        if (state != State.OPEN) {
            worker.unsent(dueNs, false);
            return;
        }
        long epoch = worker.window().startNs();
        ByteBuffer out = worker.loop().writeBuffer();
        out.clear();
        long sentNs = System.nanoTime();
        worker.lines().encode(out, client, seq, (dueNs - epoch) / 1000, (sentNs - epoch) / 1000);
        out.flip();
        int bytes = out.remaining();
        if (!connection.write(out)) {
            fail(Failures.kind(connection.lastFailure()), nowNs);
            worker.unsent(dueNs, false);
            return;
        }
        if (worker.records(dueNs)) {
            Recorder recorder = worker.recorder();
            recorder.count(ChatCounter.MESSAGES_SENT);
            recorder.add(ChatCounter.DELIVERIES_EXPECTED, worker.recipients());
            recorder.add(Count.BYTES_SENT, bytes);
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        boolean measuring = worker.measuring(nowNs);
        if (measuring) {
            worker.recorder().add(Count.BYTES_RECEIVED, in.remaining());
        }
        while (in.hasRemaining()) {
            if (!line(decoder.decode(in), measuring, nowNs)) {
                return;
            }
        }
    }

    /** A WebSocket message ended: so does its line. */
    @Override
    public void onMessageEnd(int opcode, long length, long nowNs) {
        lineEnd.clear();
        line(decoder.decode(lineEnd), worker.measuring(nowNs), nowNs);
    }

    /** Handles what the decoder found; false when the connection was dropped. */
    private boolean line(int result, boolean measuring, long nowNs) {
        switch (result) {
            case ChatLineDecoder.MESSAGE -> delivered(nowNs);
            case ChatLineDecoder.CORRUPT -> {
                if (measuring) {
                    worker.recorder().count(ChatCounter.CORRUPTED);
                }
            }
            case ChatLineDecoder.TOO_LONG -> {
                fail(ErrorKind.PROTOCOL, nowNs);
                return false;
            }
            default -> {
                // NEED_MORE (buffer used up) or OTHER (not a message): nothing to count
            }
        }
        return true;
    }

    private void delivered(long nowNs) {
        int sender = decoder.sender();
        if (sender == client || worker.window() == null) {
            return; // our own line echoed back: not a delivery to another client
        }
        long epoch = worker.window().startNs();
        long dueNs = epoch + decoder.dueUs() * 1000;
        boolean recorded = worker.records(dueNs);
        if (sender >= spec.clients()) {
            if (recorded) {
                worker.recorder().count(ChatCounter.CORRUPTED);
            }
            return;
        }
        if (lastSeq != null) {
            int seq = (int) decoder.seq();
            if (seq <= lastSeq[sender]) {
                if (recorded) {
                    worker.recorder().count(ChatCounter.DUPLICATES);
                }
                return;
            }
            lastSeq[sender] = seq;
        }
        worker.succeeded(dueNs, epoch + decoder.sentUs() * 1000, nowNs);
    }

    @Override
    public void onEndOfInput(long nowNs) {
        fail(ErrorKind.CLOSED, nowNs);
    }

    /** The connection failed: the client leaves, and the failure is counted (while measuring). */
    @Override
    protected void lost(ErrorKind kind, long nowNs) {
        leave();
        worker.failedNow(kind, nowNs);
    }

    /**
     * A joined client's connection is gone. Not called when the run stops: a stopped client stays
     * counted as joined, so the loops that finish after this one count it among the recipients of
     * the messages they never sent, as when the window ended (it reads nothing more: what is sent
     * then is lost anyway).
     */
    private void leave() {
        if (state == State.OPEN) {
            worker.left();
        }
    }
}
