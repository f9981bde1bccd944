package org.mangonel.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_BINARY;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CLOSE;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CONTINUATION;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_PING;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_TEXT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mangonel.protocol.websocket.CloseStatus;
import org.mangonel.protocol.websocket.HandshakeResponseReader;
import org.mangonel.protocol.websocket.WebSocketFrameDecoder;

/** The built-in WebSocket echo server, driven by a blocking client: every answer is awaited, none is timed. */
class WebSocketEchoServerTest {
    private static final int[] SIZES = {0, 1, 125, 126, 65535, 65536, 200000, WebSocketEchoServer.MAX_MESSAGE_BYTES};
    private static ServerLoops server;

    @BeforeAll
    static void start() throws IOException {
        server = WebSocketEchoServer.start(new InetSocketAddress("127.0.0.1", 0), 2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static byte[] text(Random random, int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('a' + random.nextInt(26));
        }
        return b;
    }

    static byte[] binary(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        return all.toByteArray();
    }

    @Test
    void theUpgradeIsAcceptedOnAnyPath() throws IOException {
        for (String path : List.of("/", "/echo", "/any/path?x=1&y=2")) {
            try (WsTestClient c = WsTestClient.raw(server.port())) {
                // HandshakeResponseReader checks the 101, Upgrade, Connection and the Sec-WebSocket-Accept
                assertEquals(HandshakeResponseReader.ACCEPTED, c.handshake(path), path);
                c.sendText("ok");
                assertEquals("ok", c.nextText());
            }
        }
    }

    @Test
    void textAndBinaryMessagesComeBackUnchanged() throws IOException {
        Random random = new Random(1);
        try (WsTestClient c = WsTestClient.open(server.port())) {
            for (int size : SIZES) {
                byte[] t = text(random, size);
                c.send(true, OP_TEXT, t);
                assertArrayEquals(t, c.nextMessage(OP_TEXT), "text of " + size);
                assertEquals(1, c.decoder().messageFrames(), "one frame back");
                byte[] b = binary(random, size);
                c.send(true, OP_BINARY, b);
                assertArrayEquals(b, c.nextMessage(OP_BINARY), "binary of " + size);
            }
            String unicode = "héllo wörld, 日本語, 𝄞";
            c.sendText(unicode);
            assertEquals(unicode, c.nextText());
        }
    }

    @Test
    void pipelinedMessagesComeBackInOrder() throws IOException {
        Random random = new Random(2);
        try (WsTestClient c = WsTestClient.open(server.port())) {
            List<byte[]> sent = new ArrayList<>();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 2000; i++) {
                byte[] p = text(random, random.nextInt(4) == 0 ? 126 + random.nextInt(2000) : random.nextInt(126));
                sent.add(p);
                all.writeBytes(c.frame(true, i % 3 == 0 ? OP_BINARY : OP_TEXT, p));
            }
            c.sendRaw(all.toByteArray()); // ~600 kB at once: split by the server's reads anywhere
            for (int i = 0; i < sent.size(); i++) {
                assertArrayEquals(sent.get(i), c.nextMessage(i % 3 == 0 ? OP_BINARY : OP_TEXT), "message " + i);
            }
        }
    }

    @Test
    void aFragmentedMessageComesBackWhole() throws IOException {
        Random random = new Random(3);
        try (WsTestClient c = WsTestClient.open(server.port())) {
            // in one write, with a ping between the fragments: the pong comes first, then the message
            c.sendRaw(concat(c.frame(false, OP_TEXT, "Hel".getBytes(StandardCharsets.UTF_8)),
                    c.frame(false, OP_CONTINUATION, "lo, ".getBytes(StandardCharsets.UTF_8)),
                    c.frame(true, OP_PING, "p".getBytes(StandardCharsets.UTF_8)),
                    c.frame(false, OP_CONTINUATION, new byte[0]),
                    c.frame(true, OP_CONTINUATION, "World".getBytes(StandardCharsets.UTF_8))));
            assertEquals(WebSocketFrameDecoder.PONG, c.next());
            assertArrayEquals("p".getBytes(StandardCharsets.UTF_8), c.controlPayload());
            assertEquals("Hello, World", c.nextText());
            assertEquals(1, c.decoder().messageFrames());

            // in separate writes, large, with an empty first fragment
            byte[] big = binary(random, 300_000);
            c.send(false, OP_BINARY, new byte[0]);
            c.send(false, OP_CONTINUATION, Arrays.copyOfRange(big, 0, 1));
            c.send(false, OP_CONTINUATION, Arrays.copyOfRange(big, 1, 70_001));
            c.send(true, OP_CONTINUATION, Arrays.copyOfRange(big, 70_001, big.length));
            assertArrayEquals(big, c.nextMessage(OP_BINARY));

            // a text character split between two fragments
            byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
            c.send(false, OP_TEXT, Arrays.copyOfRange(euro, 0, 1));
            c.send(true, OP_CONTINUATION, Arrays.copyOfRange(euro, 1, 3));
            assertEquals("€", c.nextText());

            // the whole limit, in fragments
            byte[] limit = text(random, WebSocketEchoServer.MAX_MESSAGE_BYTES);
            int half = limit.length / 2;
            c.send(false, OP_TEXT, Arrays.copyOfRange(limit, 0, half));
            c.send(true, OP_CONTINUATION, Arrays.copyOfRange(limit, half, limit.length));
            assertArrayEquals(limit, c.nextMessage(OP_TEXT));
        }
    }

    @Test
    void framesSplitAnywhereComeBackWhole() throws IOException {
        Random random = new Random(9);
        try (WsTestClient c = WsTestClient.open(server.port())) {
            for (int size : new int[] {5, 200}) {
                byte[] p = text(random, size);
                byte[] frame = c.frame(true, OP_TEXT, p);
                for (int cut = 1; cut < frame.length; cut += size < 100 ? 1 : 7) {
                    // two writes, so the server most likely reads the frame in two pieces
                    c.sendRaw(Arrays.copyOfRange(frame, 0, cut));
                    c.sendRaw(Arrays.copyOfRange(frame, cut, frame.length));
                    assertArrayEquals(p, c.nextMessage(OP_TEXT), size + " bytes cut at " + cut);
                }
            }
        }
    }

    @Test
    void pingsGetPongsWithTheSamePayload() throws IOException {
        Random random = new Random(4);
        try (WsTestClient c = WsTestClient.open(server.port())) {
            for (int size : new int[] {0, 1, 4, 125}) {
                byte[] p = binary(random, size);
                c.send(true, OP_PING, p);
                assertEquals(WebSocketFrameDecoder.PONG, c.next(), "pong for " + size);
                assertArrayEquals(p, c.controlPayload());
            }
            c.sendText("still open");
            assertEquals("still open", c.nextText());
        }
    }

    @Test
    void aClientsCloseIsAnsweredAndTheServerClosesTheConnection() throws IOException {
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.sendText("before");
            c.sendClose(CloseStatus.NORMAL, "bye");
            assertEquals("before", c.nextText());
            assertEquals(WebSocketFrameDecoder.CLOSE, c.next());
            assertEquals(CloseStatus.NORMAL, c.decoder().closeCode(), "the code comes back");
            assertEquals(WsTestClient.EOF, c.next(), "then the server closes TCP");
        }
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.send(true, OP_CLOSE, new byte[0]);
            assertEquals(WebSocketFrameDecoder.CLOSE, c.next());
            assertEquals(CloseStatus.NO_STATUS, c.decoder().closeCode(), "no code, none back");
            assertEquals(WsTestClient.EOF, c.next());
        }
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.sendClose(4321, "");
            assertEquals(WebSocketFrameDecoder.CLOSE, c.next());
            assertEquals(4321, c.decoder().closeCode());
            assertEquals(WsTestClient.EOF, c.next());
        }
    }

    /**
     * The server closes after a broken rule: it sends its close, then (the stream being lost) waits
     * for the client's end of input before closing TCP.
     */
    private static void assertServerCloses(WsTestClient c, int code) throws IOException {
        assertEquals(WebSocketFrameDecoder.CLOSE, c.next());
        assertEquals(code, c.decoder().closeCode());
        c.sendClose(code, "");
        c.shutdownOutput();
        assertEquals(WsTestClient.EOF, c.next());
    }

    /** The server closes with 1009, reads on to the client's close, then closes TCP. */
    private static void assertClosedAsTooBig(WsTestClient c) throws IOException {
        assertEquals(WebSocketFrameDecoder.CLOSE, c.next(), "the close comes first: nothing is echoed after it");
        assertEquals(CloseStatus.TOO_BIG, c.decoder().closeCode());
        c.sendClose(CloseStatus.NORMAL, "");
        assertEquals(WsTestClient.EOF, c.next(), "the client's close ends the connection");
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() throws IOException {
        Random random = new Random(5);
        int half = WebSocketEchoServer.MAX_MESSAGE_BYTES / 2 + 1;
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.send(false, OP_BINARY, binary(random, half));
            c.send(false, OP_CONTINUATION, binary(random, half)); // over the limit here
            c.send(true, OP_PING, new byte[] {1}); // after the server's close: no pong
            c.send(true, OP_CONTINUATION, binary(random, 10));
            c.sendText("not echoed either");
            assertClosedAsTooBig(c);
        }
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.send(true, OP_TEXT, text(random, WebSocketEchoServer.MAX_MESSAGE_BYTES + 1));
            assertClosedAsTooBig(c);
        }
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.sendText("first");
            assertEquals("first", c.nextText());
            // a header announcing more than the limit, and only the first bytes of its payload
            byte[] frame = c.frame(true, OP_BINARY, new byte[WebSocketEchoServer.MAX_MESSAGE_BYTES + 1]);
            c.sendRaw(Arrays.copyOfRange(frame, 0, 100));
            assertEquals(WebSocketFrameDecoder.CLOSE, c.next());
            assertEquals(CloseStatus.TOO_BIG, c.decoder().closeCode());
        }
    }

    @Test
    void protocolErrorsCloseWithTheirCode() throws IOException {
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.sendRaw(new byte[] {(byte) 0x81, 0x02, 'h', 'i'}); // not masked
            assertServerCloses(c, CloseStatus.PROTOCOL_ERROR);
        }
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.send(true, OP_TEXT, new byte[] {'a', (byte) 0xC0, (byte) 0x80}); // overlong: not UTF-8
            assertServerCloses(c, CloseStatus.INVALID_PAYLOAD);
        }
        try (WsTestClient c = WsTestClient.open(server.port())) {
            c.send(true, OP_CONTINUATION, new byte[] {'x'}); // nothing to continue
            assertServerCloses(c, CloseStatus.PROTOCOL_ERROR);
        }
    }

    @Test
    void anInvalidUpgradeIsRefusedAndClosed() throws IOException {
        try (WsTestClient c = WsTestClient.raw(server.port())) {
            c.sendRaw(("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(c.readToEnd(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
            assertTrue(answer.endsWith("\r\n\r\nno Sec-WebSocket-Key header\n"), answer);
        }
        try (WsTestClient c = WsTestClient.raw(server.port())) {
            c.sendRaw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(c.readToEnd(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        }
    }

    @Test
    void manyClientsAtOnceEachGetTheirOwnEchoes() throws IOException {
        Random random = new Random(6);
        List<WsTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                clients.add(WsTestClient.open(server.port()));
            }
            for (int round = 0; round < 20; round++) {
                List<byte[]> sent = new ArrayList<>();
                for (WsTestClient c : clients) {
                    byte[] p = text(random, 1 + random.nextInt(3000));
                    sent.add(p);
                    c.send(true, OP_TEXT, p);
                }
                for (int i = 0; i < clients.size(); i++) {
                    assertArrayEquals(sent.get(i), clients.get(i).nextMessage(OP_TEXT), "client " + i + ", round " + round);
                }
            }
        } finally {
            for (WsTestClient c : clients) {
                c.close();
            }
        }
    }
}
