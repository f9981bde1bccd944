package org.mangonel.protocol.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mangonel.load.Probe;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.protocol.FailureWords;

/**
 * Before measuring a WebSocket server: the upgrade (101 and the right Sec-WebSocket-Accept),
 * each message of the mix once with its answer checked, then the close handshake (the server
 * must answer our close frame with its own). The same connection and codec as the load, on a
 * {@link Probe}'s loop.
 */
final class WebSocketCheck implements Probe.Check, MessageHandler {
    private static final int SHOWN_BYTES = 80;
    /** A failed handshake may be the upgrade's as well as TLS's. */
    private static final FailureWords WORDS = new FailureWords("handshake", "WebSocket protocol");

    private final WebSocketLoadSpec spec;
    private final long timeoutMs;
    private WebSocketConnection connection;
    private int message;
    private final ByteBuffer shown = ByteBuffer.allocate(SHOWN_BYTES);
    private long answered;
    private boolean matches;
    private boolean closing;
    private Optional<String> verdict;

    WebSocketCheck(WebSocketLoadSpec spec, long timeoutMs) {
        this.spec = spec;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void start(EventLoop loop, long nowNs) {
        connection = (WebSocketConnection) spec.endpoint().transport().open(loop, this);
        if (!connection.connect(spec.endpoint().address())) {
            fail(WORDS.describe(connection));
        }
    }

    @Override
    public void onConnected(long nowNs) {
        send();
    }

    private void send() {
        shown.clear();
        answered = 0;
        matches = true;
        if (!connection.writeMessage(ByteBuffer.wrap(spec.mix().payload(message)), spec.mix().opcode(message))) {
            fail(WORDS.describe(connection));
        }
    }

    @Override
    public void onData(ByteBuffer in, long nowNs) {
        byte[] expected = spec.mix().answer(message);
        while (in.hasRemaining()) {
            byte b = in.get();
            if (shown.hasRemaining()) {
                shown.put(b);
            }
            matches &= answered < expected.length && b == expected[(int) answered];
            answered++;
        }
    }

    @Override
    public void onMessageEnd(int opcode, long length, long nowNs) {
        WebSocketMix mix = spec.mix();
        if (!matches || answered != mix.answer(message).length || opcode != mix.answerOpcode(message)) {
            String kind = opcode == WebSocketFrames.OP_BINARY ? "binary" : "text";
            fail("the answer was not the one expected: a " + kind + " message of " + length + " bytes beginning '"
                    + new String(shown.array(), 0, shown.position(), StandardCharsets.UTF_8) + "'");
            return;
        }
        if (++message < mix.size()) {
            send();
        } else {
            closing = true;
            connection.closeGracefully();
        }
    }

    @Override
    public void onEndOfInput(long nowNs) {
        if (closing) {
            connection.close();
            verdict = Optional.empty(); // the server answered our close frame
        } else {
            fail("the server closed the connection instead of answering");
        }
    }

    @Override
    public void onFailure(Failure failure, long nowNs) {
        fail(WORDS.describe(failure, connection.failureDetail()));
    }

    private void fail(String why) {
        if (verdict == null) {
            connection.close();
            verdict = Optional.of((closing ? "close handshake" : spec.mix().label(message)) + ": " + why);
        }
    }

    @Override
    public Optional<String> verdict() {
        return verdict;
    }

    @Override
    public String timeoutReason() {
        String what = closing ? "close handshake: the server did not answer our close frame"
                : spec.mix().label(message) + ": no answer";
        return what + " within " + timeoutMs + " ms";
    }
}
