package org.mangonel.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.mangonel.net.TcpConnection;
import org.mangonel.protocol.chat.ChatLineDecoder;
import org.mangonel.protocol.chat.ChatLines;
import org.mangonel.stats.ErrorKind;

/**
 * One chat client: connects, sends its join line, then sends the messages its worker schedules
 * and checks every line it receives.
 *
 * <pre>
 *   IDLE ──connect (see Redial: timeout, backoff)──▶ send the join line ──▶ JOINED
 *   JOINED ──failure──▶ count it, leave, IDLE, Redial.retryLater
 * </pre>
 * A received message counts as a delivery when it was due inside the measured window and arrives
 * before the drain period ends; its latency runs from when it was due to when this client read it.
 * Lines that are not messages (welcomes, announcements) are ignored; damaged ones are counted as
 * corrupted; a message seen again from the same sender (sequence not increasing) as duplicated.
 */
final class ChatSession implements Session, TcpConnection.Handler {
    private static final int IDLE = 0;
    private static final int JOINED = 1;
    private static final int STOPPED = 2;
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final ChatWorker worker;
    private final int client;
    private final TcpConnection tcp;
    private final Redial redial;
    private final ChatLineDecoder decoder;
    private final byte[] joinLine;
    private final int[] lastSeq;
    private int state = IDLE;

    ChatSession(ChatWorker worker, int client) {
        this.worker = worker;
        this.client = client;
        this.tcp = new TcpConnection(worker.loop, this);
        ChatLoadSpec spec = worker.spec;
        this.redial = new Redial(worker, this, tcp, spec.address(), spec.connectTimeoutNs());
        this.decoder = new ChatLineDecoder(spec.messageSize(), MAX_LINE_BYTES);
        this.joinLine = spec.join() == null ? null
                : (spec.join().replace("{client}", String.valueOf(client)) + new String(spec.terminator(),
                StandardCharsets.US_ASCII)).getBytes(StandardCharsets.UTF_8);
        if (spec.clients() <= ChatLoadSpec.MAX_CLIENTS_TRACKED) {
            lastSeq = new int[spec.clients()];
            java.util.Arrays.fill(lastSeq, -1);
        } else {
            lastSeq = null;
        }
    }

    @Override
    public void connect(long nowNs) {
        state = IDLE;
        redial.attempt(nowNs);
    }

    @Override
    public void begin(long nowNs) {
        // sends are driven by the worker's schedule
    }

    @Override
    public void onConnected(long nowNs) {
        redial.connected(nowNs);
        if (joinLine != null) {
            ByteBuffer out = worker.loop.writeBuffer();
            out.clear();
            out.put(joinLine);
            out.flip();
            if (!tcp.write(out)) {
                ErrorKind kind = tcp.lastFailure();
                tcp.close();
                failed(kind, nowNs);
                return;
            }
        }
        state = JOINED;
        worker.joined.incrementAndGet();
        redial.succeeded();
    }

    /** Sends message {@code seq}, due at {@code dueNs}; skipped while not joined. */
    void send(long seq, long dueNs, long nowNs) {
        if (state != JOINED) {
            return;
        }
        ChatLoadSpec spec = worker.spec;
        long epoch = worker.window.startNs();
        ByteBuffer out = worker.loop.writeBuffer();
        out.clear();
        long sentNs = System.nanoTime();
        ChatLines.encode(out, client, seq, (dueNs - epoch) / 1000, (sentNs - epoch) / 1000, spec.messageSize(),
                spec.terminator());
        out.flip();
        int bytes = out.remaining();
        if (!tcp.write(out)) {
            ErrorKind kind = tcp.lastFailure();
            tcp.close();
            failed(kind, nowNs);
            return;
        }
        if (worker.window.records(dueNs, nowNs)) {
            worker.recorder.messageSent(worker.joined.get() - 1);
            worker.recorder.sent(bytes);
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        boolean measuring = worker.window != null && worker.window.measuring(nowNs);
        if (measuring) {
            worker.recorder.received(in.remaining());
        }
        while (in.hasRemaining()) {
            int r = decoder.decode(in);
            switch (r) {
                case ChatLineDecoder.MESSAGE -> delivered(nowNs);
                case ChatLineDecoder.CORRUPT -> {
                    if (measuring) {
                        worker.recorder.corrupted();
                    }
                }
                case ChatLineDecoder.TOO_LONG -> {
                    tcp.close();
                    failed(ErrorKind.PROTOCOL, nowNs);
                    return;
                }
                default -> {
                    // NEED_MORE (buffer used up) or OTHER (not a message): nothing to count
                }
            }
        }
    }

    private void delivered(long nowNs) {
        int sender = decoder.sender();
        if (sender == client || worker.window == null) {
            return; // our own line echoed back: not a delivery to another client
        }
        long epoch = worker.window.startNs();
        long dueNs = epoch + decoder.dueUs() * 1000;
        boolean recorded = worker.window.records(dueNs, nowNs);
        if (sender >= worker.spec.clients()) {
            if (recorded) {
                worker.recorder.corrupted();
            }
            return;
        }
        if (lastSeq != null) {
            int seq = (int) decoder.seq();
            if (seq <= lastSeq[sender]) {
                if (recorded) {
                    worker.recorder.duplicate();
                }
                return;
            }
            lastSeq[sender] = seq;
        }
        if (recorded) {
            worker.recorder.success(nowNs - dueNs, nowNs - (epoch + decoder.sentUs() * 1000));
        }
    }

    @Override
    public void onEndOfInput(long nowNs) {
        tcp.close();
        failed(ErrorKind.CLOSED, nowNs);
    }

    @Override
    public void onFailure(ErrorKind kind, long nowNs) {
        if (redial.connecting()) {
            redial.connectFailed(nowNs);
        } else {
            failed(kind, nowNs);
        }
    }

    private void failed(ErrorKind kind, long nowNs) {
        leave();
        if (worker.window != null && worker.window.measuring(nowNs)) {
            worker.recorder.error(kind);
        }
        if (state != STOPPED) {
            state = IDLE;
        }
        redial.retryLater(nowNs);
    }

    private void leave() {
        if (state == JOINED) {
            worker.joined.decrementAndGet();
        }
    }

    @Override
    public void onTimer(long nowNs) {
        redial.onTimer(nowNs);
    }

    @Override
    public void stop() {
        leave();
        state = STOPPED;
        redial.stop();
        tcp.close();
    }
}
