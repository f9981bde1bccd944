package org.mangonel.protocol.chat;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.mangonel.load.Probe;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.protocol.FailureWords;
import org.mangonel.protocol.websocket.MessageHandler;

/**
 * Before measuring a chat server: two clients join, one sends a message line, and the other must
 * receive it intact within the timeout. The same connections, transport and decoder as the load,
 * on a {@link Probe}'s loop. The server may register a client a little after accepting it, so
 * the sender repeats its line every {@link #RESEND_NS} until one arrives.
 */
final class ChatCheck implements Probe.Check {
    private static final long RESEND_NS = 200_000_000L;

    private final ChatLoadSpec spec;
    private final long timeoutMs;
    private final ChatLineDecoder decoder;
    private Client sender;
    private Client receiver;
    private long nextSendNs;
    private int sent;
    private Optional<String> verdict;

    ChatCheck(ChatLoadSpec spec, long timeoutMs) {
        this.spec = spec;
        this.timeoutMs = timeoutMs;
        this.decoder = new ChatLineDecoder(spec.messageSize(), 1 << 20);
    }

    @Override
    public void start(EventLoop loop, long nowNs) {
        sender = new Client(loop, 0);
        receiver = new Client(loop, 1);
    }

    @Override
    public void onTimer(long nowNs) {
        if (verdict != null || !sender.joined || !receiver.joined || nowNs < nextSendNs) {
            return;
        }
        ByteBuffer line = ByteBuffer.allocate(spec.messageSize() + spec.terminator().length);
        ChatLines.encode(line, 0, sent++, 0, 0, spec.messageSize(), spec.terminator());
        line.flip();
        if (!sender.connection.write(line)) {
            fail(FailureWords.TLS.describe(sender.connection));
        }
        nextSendNs = nowNs + RESEND_NS;
    }

    private void received(ByteBuffer in) {
        while (in.hasRemaining() && verdict == null) {
            int r = decoder.decode(in);
            if (r == ChatLineDecoder.MESSAGE && decoder.sender() == 0) {
                done(Optional.empty());
            } else if (r == ChatLineDecoder.CORRUPT) {
                done(Optional.of("a relayed line arrived damaged (not byte for byte what was sent)"));
            } else if (r == ChatLineDecoder.TOO_LONG) {
                done(Optional.of("the server sent a line longer than 1 MiB"));
            }
        }
    }

    private void fail(String why) {
        done(Optional.of(why));
    }

    private void done(Optional<String> result) {
        if (verdict == null) {
            verdict = result;
            sender.connection.close();
            receiver.connection.close();
        }
    }

    @Override
    public Optional<String> verdict() {
        return verdict;
    }

    @Override
    public String timeoutReason() {
        if (sender == null || !sender.joined || !receiver.joined) {
            return "two clients could not connect within " + timeoutMs + " ms";
        }
        return "a line sent by one client did not reach another within " + timeoutMs
                + " ms (does the server relay every line to every other client?)";
    }

    /** One of the two clients (over a WebSocket, each message ends a line). */
    private final class Client implements MessageHandler {
        final Connection connection;
        final int number;
        boolean joined;

        Client(EventLoop loop, int number) {
            this.number = number;
            this.connection = spec.endpoint().transport().open(loop, this);
            if (!connection.connect(spec.endpoint().address())) {
                fail(FailureWords.TLS.describe(connection));
            }
        }

        @Override
        public void onConnected(long nowNs) {
            byte[] join = spec.joinLine(number);
            if (join != null && !connection.write(ByteBuffer.wrap(join))) {
                fail(FailureWords.TLS.describe(connection));
                return;
            }
            joined = true;
        }

        @Override
        public void onData(ByteBuffer in, long nowNs) {
            if (this == receiver) {
                received(in);
            }
        }

        @Override
        public void onMessageEnd(int opcode, long length, long nowNs) {
            if (this == receiver) {
                received(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        }

        @Override
        public void onEndOfInput(long nowNs) {
            done(Optional.of("the server closed " + (this == receiver ? "the receiving" : "the sending")
                    + " client's connection"));
        }

        @Override
        public void onFailure(Failure failure, long nowNs) {
            fail(FailureWords.TLS.describe(failure, connection.failureDetail()));
        }
    }
}
