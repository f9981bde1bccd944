package org.mangonel.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.mangonel.protocol.websocket.HandshakeResponseReader;
import org.mangonel.protocol.websocket.MessageBuffer;
import org.mangonel.protocol.websocket.WebSocketFrameDecoder;
import org.mangonel.protocol.websocket.WebSocketFrames;
import org.mangonel.protocol.websocket.WebSocketHandshake;

/**
 * A small blocking WebSocket client for the server tests: a plain {@link Socket} and the codec's
 * client side. Every read waits at most {@link #TIMEOUT_MS} (generous: the tests wait for events,
 * never for time to pass).
 */
final class WsTestClient implements AutoCloseable {
    static final int TIMEOUT_MS = 60_000;
    /** {@link #next()} at the end of the input. */
    static final int EOF = -1;
    private static final int MAX_MESSAGE = 4 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final WebSocketFrames frames;
    private final MessageBuffer message = new MessageBuffer(MAX_MESSAGE);
    private final WebSocketFrameDecoder decoder = WebSocketFrameDecoder.forClient(MAX_MESSAGE, message);
    private final ByteBuffer buf = ByteBuffer.allocate(256 * 1024).flip();
    private String handshakeFailure;

    private WsTestClient(int port, int receiveBuffer, long seed) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        frames = WebSocketFrames.client(seed);
    }

    /** A TCP connection only, for sending raw bytes. */
    static WsTestClient raw(int port) throws IOException {
        return new WsTestClient(port, 0, 1);
    }

    /** Connects and completes the handshake on {@code /}; fails the test if it is not accepted. */
    static WsTestClient open(int port) throws IOException {
        return open(port, "/", 0);
    }

    /** Connects (with that receive buffer if positive) and completes the handshake on {@code path}. */
    static WsTestClient open(int port, String path, int receiveBuffer) throws IOException {
        WsTestClient client = new WsTestClient(port, receiveBuffer, path.hashCode() ^ System.nanoTime());
        int r = client.handshake(path);
        if (r != HandshakeResponseReader.ACCEPTED) {
            client.close();
            throw new AssertionError("handshake not accepted: " + client.handshakeFailure);
        }
        return client;
    }

    /** Sends the upgrade request and reads the answer: a {@link HandshakeResponseReader} result. */
    int handshake(String path) throws IOException {
        String key = WebSocketHandshake.newKey(new SplittableRandom(System.nanoTime()));
        HandshakeResponseReader reader = new HandshakeResponseReader(key, 8192);
        out.write(WebSocketHandshake.request(path, "127.0.0.1", key, List.of()));
        out.flush();
        while (true) {
            if (!buf.hasRemaining() && !fill()) {
                reader.endOfInput();
                handshakeFailure = reader.failure();
                return HandshakeResponseReader.FAILED;
            }
            int r = reader.read(buf); // leaves buf just past the head: frames may follow
            if (r != HandshakeResponseReader.NEED_MORE) {
                handshakeFailure = reader.failure();
                return r;
            }
        }
    }

    /** Sends one frame (masked, as a client must). */
    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(frames.frameLength(payload.length));
        frames.frame(b, fin, opcode, payload, 0, payload.length);
        out.write(b.array(), 0, b.position());
        out.flush();
    }

    /** The bytes of one frame, to send several in one write. */
    byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(frames.frameLength(payload.length));
        frames.frame(b, fin, opcode, payload, 0, payload.length);
        return b.array();
    }

    void sendText(String text) throws IOException {
        send(true, WebSocketFrames.OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a close frame with that code and reason. */
    void sendClose(int code, String reason) throws IOException {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(frames.frameLength(2 + r.length));
        frames.close(b, code, r);
        out.write(b.array(), 0, b.position());
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Closes the sending side (TCP FIN); reading goes on. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Reads up to the next event: a {@link WebSocketFrameDecoder} result (MESSAGE, PING, PONG,
     * CLOSE, ERROR) or {@link #EOF} when the server closed the connection first.
     */
    int next() throws IOException {
        while (true) {
            if (!buf.hasRemaining() && !fill()) {
                return EOF;
            }
            int r = decoder.decode(buf);
            if (r != WebSocketFrameDecoder.NEED_MORE) {
                return r;
            }
        }
    }

    /** Reads the next event and fails the test unless it is a message; returns its payload. */
    byte[] nextMessage(int expectedOpcode) throws IOException {
        int r = next();
        if (r != WebSocketFrameDecoder.MESSAGE) {
            throw new AssertionError("expected a message, got event " + r
                    + (r == WebSocketFrameDecoder.ERROR ? " (" + decoder.error() + ")" : "")
                    + (r == WebSocketFrameDecoder.CLOSE ? " (close " + decoder.closeCode() + ")" : ""));
        }
        if (decoder.messageOpcode() != expectedOpcode) {
            throw new AssertionError("expected opcode " + expectedOpcode + ", got " + decoder.messageOpcode());
        }
        return payload();
    }

    String nextText() throws IOException {
        return new String(nextMessage(WebSocketFrames.OP_TEXT), StandardCharsets.UTF_8);
    }

    /** The last message's payload. */
    byte[] payload() {
        return Arrays.copyOf(message.array(), message.length());
    }

    /** The payload of the last ping, pong or close. */
    byte[] controlPayload() {
        return Arrays.copyOf(decoder.controlPayload(), decoder.controlLength());
    }

    WebSocketFrameDecoder decoder() {
        return decoder;
    }

    /** Everything the server sends until it closes the connection (after the handshake's head, if any). */
    byte[] readToEnd() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(buf.array(), buf.position(), buf.remaining());
        buf.position(buf.limit());
        in.transferTo(all);
        return all.toByteArray();
    }

    private boolean fill() throws IOException {
        int n = in.read(buf.array(), 0, buf.capacity());
        if (n < 0) {
            return false;
        }
        buf.limit(n).position(0);
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
