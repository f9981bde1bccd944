package org.mangonel.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_BINARY;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_CONTINUATION;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_PING;
import static org.mangonel.protocol.websocket.WebSocketFrames.OP_TEXT;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mangonel.protocol.websocket.CloseStatus;
import org.mangonel.protocol.websocket.WebSocketFrameDecoder;

/**
 * The built-in WebSocket chat relay. Nothing here waits for time to pass: "exactly once" and "not
 * to the sender" follow from causality. A client's messages are relayed in the order it sent
 * them, and a client only sends after it received what came before, so the next message a client
 * reads shows whether anything else (a duplicate, its own message) got in first.
 */
class WebSocketChatServerTest {
    private static ServerLoops start() throws IOException {
        return WebSocketChatServer.start(new InetSocketAddress("127.0.0.1", 0), 1);
    }

    @Test
    void aMessageReachesEveryOtherClientExactlyOnce() throws IOException {
        try (ServerLoops server = start();
             WsTestClient a = WsTestClient.open(server.port());
             WsTestClient b = WsTestClient.open(server.port(), "/chat", 0);
             WsTestClient c = WsTestClient.open(server.port(), "/room/1", 0)) {
            a.sendText("from a");
            assertEquals("from a", b.nextText());
            assertEquals("from a", c.nextText());
            b.sendText("from b");
            assertEquals("from b", a.nextText(), "a's first message is b's: a did not get its own");
            assertEquals("from b", c.nextText(), "c got a's once, then b's");
            c.sendText("from c");
            assertEquals("from c", a.nextText());
            assertEquals("from c", b.nextText(), "b got a's once, then c's");
            // and round again, so that each sender's own message would have shown by now
            a.sendText("a again");
            assertEquals("a again", b.nextText());
            assertEquals("a again", c.nextText());
            b.sendText("b again");
            assertEquals("b again", a.nextText());
            assertEquals("b again", c.nextText());
        }
    }

    @Test
    void fragmentedTextIsRelayedWholeAndBinaryIsNot() throws IOException {
        Random random = new Random(7);
        try (ServerLoops server = start();
             WsTestClient a = WsTestClient.open(server.port());
             WsTestClient b = WsTestClient.open(server.port())) {
            a.send(true, OP_BINARY, new byte[] {1, 2, 3}); // not relayed
            a.send(false, OP_TEXT, "frag".getBytes(StandardCharsets.UTF_8));
            a.send(true, OP_PING, new byte[] {9});
            a.send(true, OP_CONTINUATION, "mented".getBytes(StandardCharsets.UTF_8));
            assertEquals(WebSocketFrameDecoder.PONG, a.next(), "the sender's ping is answered");
            assertEquals("fragmented", b.nextText(), "the binary message was not relayed");
            assertEquals(1, b.decoder().messageFrames());
            byte[] limit = WebSocketEchoServerTest.text(random, WebSocketChatServer.MAX_MESSAGE_BYTES);
            a.send(true, OP_TEXT, limit);
            assertArrayEquals(limit, b.nextMessage(OP_TEXT));
            a.send(true, OP_TEXT, WebSocketEchoServerTest.text(random, WebSocketChatServer.MAX_MESSAGE_BYTES + 1));
            assertEquals(WebSocketFrameDecoder.CLOSE, a.next());
            assertEquals(CloseStatus.TOO_BIG, a.decoder().closeCode());
            b.sendText("b still relays");
            a.sendClose(CloseStatus.NORMAL, "");
            assertEquals(WsTestClient.EOF, a.next(), "a closing is not served any more");
            try (WsTestClient c = WsTestClient.open(server.port())) {
                b.sendText("to c");
                assertEquals("to c", c.nextText(), "c's first message: nothing from the over-limit one");
            }
        }
    }

    @Test
    void clientsThatLeaveAreNoLongerServedAndNewOnesAre() throws IOException {
        try (ServerLoops server = start();
             WsTestClient a = WsTestClient.open(server.port());
             WsTestClient b = WsTestClient.open(server.port())) {
            try (WsTestClient c = WsTestClient.open(server.port())) {
                c.sendClose(CloseStatus.GOING_AWAY, "");
                assertEquals(WebSocketFrameDecoder.CLOSE, c.next());
                assertEquals(WsTestClient.EOF, c.next());
            }
            WsTestClient d = WsTestClient.open(server.port());
            d.close(); // leaves without a close frame
            try (WsTestClient e = WsTestClient.open(server.port())) {
                a.sendText("hello");
                assertEquals("hello", b.nextText());
                assertEquals("hello", e.nextText());
                e.sendText("hi");
                assertEquals("hi", a.nextText());
                assertEquals("hi", b.nextText());
            }
        }
    }

    @Test
    void aRecipientThatDoesNotReadIsDropped() throws IOException {
        Random random = new Random(8);
        int messages = 256;
        int size = 60_000; // 15 MB in all: more than the pending limit plus the kernel's buffers
        try (ServerLoops server = start();
             WsTestClient a = WsTestClient.open(server.port());
             WsTestClient slow = WsTestClient.open(server.port(), "/", 64 * 1024);
             WsTestClient c = WsTestClient.open(server.port())) {
            byte[][] sent = new byte[messages][];
            for (int i = 0; i < messages; i++) {
                sent[i] = WebSocketEchoServerTest.text(random, size);
                a.send(true, OP_TEXT, sent[i]);
                assertArrayEquals(sent[i], c.nextMessage(OP_TEXT), "c reads along: message " + i);
            }
            int received = 0;
            int event;
            while ((event = slow.next()) == WebSocketFrameDecoder.MESSAGE) {
                assertArrayEquals(sent[received], slow.payload(), "in order, intact: message " + received);
                received++;
            }
            assertEquals(WsTestClient.EOF, event, "then the server closed the connection");
            assertTrue(received < messages, "dropped after " + received);
            c.sendText("the others go on");
            assertEquals("the others go on", a.nextText());
        }
    }

    @Test
    void theRelayRunsOnOneThread() {
        assertThrows(IllegalArgumentException.class,
                () -> WebSocketChatServer.start(new InetSocketAddress("127.0.0.1", 0), 2));
    }
}
