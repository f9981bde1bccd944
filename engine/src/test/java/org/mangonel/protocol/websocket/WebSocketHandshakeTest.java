package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both sides of the opening handshake; every head is also read split at every byte. */
class WebSocketHandshakeTest {
    private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    /** RFC 6455 §1.3 (28 characters: the base64 of a 20-byte SHA-1). */
    private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final String GOOD_RESPONSE = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n";
    /** The request of RFC 6455 §1.3. */
    private static final String RFC_REQUEST = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + RFC_KEY + "\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    private static final int MAX_HEAD = 4096;

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** What reading a head gave: the result, the failure, and where the buffer was left. */
    record Outcome(int result, String failure, int headBytes) {
    }

    /** Reads the response {@code input} given in pieces cut at {@code cut} (0: whole, -1: byte by byte). */
    private static Outcome readResponse(byte[] input, int cut, List<String> protocols) {
        HandshakeResponseReader reader = new HandshakeResponseReader(RFC_KEY, protocols, MAX_HEAD);
        int[] cuts = cuts(input.length, cut);
        int start = 0;
        int result = HandshakeResponseReader.NEED_MORE;
        for (int i = 0; i <= cuts.length && result == HandshakeResponseReader.NEED_MORE; i++) {
            int end = i < cuts.length ? cuts[i] : input.length;
            ByteBuffer buf = ByteBuffer.wrap(input, start, end - start);
            result = reader.read(buf);
            if (result == HandshakeResponseReader.NEED_MORE) {
                assertEquals(0, buf.remaining(), "NEED_MORE consumes everything");
            } else if (result == HandshakeResponseReader.ACCEPTED) {
                assertEquals(reader.headBytes(), buf.position(), "left just past the head");
            }
            start = end;
        }
        if (result == HandshakeResponseReader.NEED_MORE) {
            result = reader.endOfInput();
        }
        return new Outcome(result, reader.failure(), reader.headBytes());
    }

    private static int[] cuts(int length, int cut) {
        if (cut == 0) {
            return new int[0];
        }
        if (cut > 0) {
            return new int[] {cut};
        }
        int[] every = new int[Math.max(0, length - 1)];
        Arrays.setAll(every, i -> i + 1);
        return every;
    }

    private static void assertResponseEverySplit(String response, List<String> protocols, Outcome expected) {
        byte[] input = latin1(response);
        assertEquals(expected, readResponse(input, 0, protocols), "whole");
        for (int cut = 1; cut < input.length; cut++) {
            assertEquals(expected, readResponse(input, cut, protocols), "split at " + cut);
        }
        assertEquals(expected, readResponse(input, -1, protocols), "byte by byte");
    }

    private static void assertResponseFails(String response, String why) {
        Outcome got = readResponse(latin1(response), 0, List.of());
        assertEquals(HandshakeResponseReader.FAILED, got.result(), response);
        assertEquals(why, got.failure());
        // Split anywhere, the same answer.
        byte[] input = latin1(response);
        for (int cut = 1; cut < input.length; cut++) {
            assertEquals(why, readResponse(input, cut, List.of()).failure(), "split at " + cut);
        }
    }

    // ---------------------------------------------------------------- key and accept

    @Test
    void rfcExampleAccept() {
        assertEquals(RFC_ACCEPT, WebSocketHandshake.accept(RFC_KEY));
    }

    @Test
    void newKeysAreSixteenRandomBytesInBase64() {
        SplittableRandom random = new SplittableRandom(1);
        String a = WebSocketHandshake.newKey(random);
        String b = WebSocketHandshake.newKey(random);
        assertEquals(24, a.length());
        assertEquals(16, Base64.getDecoder().decode(a).length);
        assertNotEquals(a, b);
    }

    // ---------------------------------------------------------------- the client's request

    @Test
    void requestBytes() {
        byte[] request = WebSocketHandshake.request("/chat?room=1", "example.com:8080", RFC_KEY,
                List.of(new WebSocketHandshake.Header("Origin", "http://example.com"),
                        new WebSocketHandshake.Header("Sec-WebSocket-Protocol", "chat")));
        assertEquals("GET /chat?room=1 HTTP/1.1\r\n"
                + "Host: example.com:8080\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + RFC_KEY + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Origin: http://example.com\r\n"
                + "Sec-WebSocket-Protocol: chat\r\n\r\n", new String(request, StandardCharsets.ISO_8859_1));
    }

    @Test
    void requestHostCanBeGivenAndHandshakeHeadersCannotBeReplaced() {
        String r = new String(WebSocketHandshake.request("/", "a", RFC_KEY,
                List.of(new WebSocketHandshake.Header("HOST", "b"))), StandardCharsets.ISO_8859_1);
        assertTrue(r.contains("HOST: b\r\n") && !r.contains("Host: a"), r);
        for (String name : new String[] {"Upgrade", "connection", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
                                         "Sec-WebSocket-Extensions"}) {
            List<WebSocketHandshake.Header> extra = List.of(new WebSocketHandshake.Header(name, "x"));
            assertThrows(IllegalArgumentException.class, () -> WebSocketHandshake.request("/", "a", RFC_KEY, extra), name);
        }
        assertThrows(IllegalArgumentException.class, () -> new WebSocketHandshake.Header("X-A", "1\r\nEvil: 2"));
        assertThrows(IllegalArgumentException.class, () -> new WebSocketHandshake.Header("Bad Name", "1"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketHandshake.request("/a b", "a", RFC_KEY, List.of()));
    }

    // ---------------------------------------------------------------- the client reads the response

    @Test
    void goodResponseSplitAtEveryByteWithFramesInTheSameRead() {
        byte[] head = latin1(GOOD_RESPONSE);
        byte[] frames = RawFrames.concat(RawFrames.frame(0x81, false, "Hello"), RawFrames.frame(0x89, false, "p"));
        byte[] input = RawFrames.concat(head, frames);
        for (int cut = 0; cut <= input.length; cut++) {
            HandshakeResponseReader reader = new HandshakeResponseReader(RFC_KEY, MAX_HEAD);
            MessageBuffer messages = new MessageBuffer(100);
            WebSocketFrameDecoder decoder = WebSocketFrameDecoder.forClient(100, messages);
            StringBuilder events = new StringBuilder();
            boolean upgraded = false;
            for (ByteBuffer buf : new ByteBuffer[] {ByteBuffer.wrap(input, 0, cut),
                                                    ByteBuffer.wrap(input, cut, input.length - cut)}) {
                if (!upgraded) {
                    int r = reader.read(buf);
                    if (r == HandshakeResponseReader.ACCEPTED) {
                        upgraded = true;
                        assertEquals(head.length, buf.position(), "exactly the head, split at " + cut);
                    } else {
                        assertEquals(HandshakeResponseReader.NEED_MORE, r, "split at " + cut);
                        assertEquals(buf.limit(), buf.position());
                    }
                }
                while (upgraded && buf.hasRemaining()) {
                    int r = decoder.decode(buf);
                    if (r == WebSocketFrameDecoder.MESSAGE) {
                        events.append("message ").append(messages.text()).append(';');
                    } else if (r == WebSocketFrameDecoder.PING) {
                        events.append("ping;");
                    }
                }
            }
            assertTrue(upgraded, "split at " + cut);
            assertEquals("message Hello;ping;", events.toString(), "split at " + cut);
            assertEquals(head.length, reader.headBytes());
            assertEquals(101, reader.status());
        }
        // One byte at a time as well.
        assertEquals(new Outcome(HandshakeResponseReader.ACCEPTED, null, head.length), readResponse(input, -1, List.of()));
    }

    @Test
    void headerNamesAndValuesAreCaseInsensitiveAndTokensAreFoundInLists() {
        String response = "HTTP/1.1 101 Web Socket Protocol Handshake\n"
                + "server: test\n"
                + "UPGRADE: WebSocket\n"
                + "connection: keep-alive, upgrade\n"
                + "sec-websocket-accept:" + RFC_ACCEPT + "  \n\n";
        assertResponseEverySplit(response, List.of(),
                new Outcome(HandshakeResponseReader.ACCEPTED, null, response.length()));
    }

    @Test
    void aSubprotocolMustBeOneThatWasOffered() {
        String response = GOOD_RESPONSE.replace("\r\n\r\n", "\r\nSec-WebSocket-Protocol: chat\r\n\r\n");
        assertEquals(HandshakeResponseReader.ACCEPTED, readResponse(latin1(response), 0, List.of("superchat", "chat")).result());
        HandshakeResponseReader reader = new HandshakeResponseReader(RFC_KEY, List.of("chat"), MAX_HEAD);
        reader.read(ByteBuffer.wrap(latin1(response)));
        assertEquals("chat", reader.protocol());
        assertEquals("chat", reader.header("Sec-WebSocket-Protocol"));
        assertResponseFails(response, "the server chose a subprotocol that was not offered: chat");
    }

    @Test
    void aResponseOtherThan101NamesTheStatus() {
        assertResponseFails("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
                "the server answered 200 OK instead of 101 Switching Protocols");
        assertResponseFails("HTTP/1.1 404\r\n\r\n", "the server answered 404 instead of 101 Switching Protocols");
        assertResponseFails("HTTP/1.0 400 Bad Request\r\n\r\n",
                "the server answered 400 Bad Request instead of 101 Switching Protocols");
        assertResponseFails("HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n\r\n",
                "the server answered 426 Upgrade Required instead of 101 Switching Protocols");
    }

    @Test
    void aFailedResponseLeavesTheBufferJustPastItsHead() {
        HandshakeResponseReader reader = new HandshakeResponseReader(RFC_KEY, MAX_HEAD);
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n";
        ByteBuffer buf = ByteBuffer.wrap(latin1(head + "hi"));
        assertEquals(HandshakeResponseReader.FAILED, reader.read(buf));
        assertEquals(head.length(), buf.position());
        assertEquals(200, reader.status());
        assertEquals(HandshakeResponseReader.FAILED, reader.read(buf), "stays failed");
    }

    @Test
    void wrongAccept() {
        assertResponseFails(GOOD_RESPONSE.replace(RFC_ACCEPT, "dGhpcyBpcyB3cm9uZw=="), "wrong Sec-WebSocket-Accept");
        assertResponseFails(GOOD_RESPONSE.replace(RFC_ACCEPT, RFC_ACCEPT.toLowerCase()), "wrong Sec-WebSocket-Accept");
        assertResponseFails(GOOD_RESPONSE.replace("Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n", ""),
                "no Sec-WebSocket-Accept header in the response");
        assertResponseFails(GOOD_RESPONSE.replace("\r\n\r\n", "\r\nSec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n\r\n"),
                "wrong Sec-WebSocket-Accept");
    }

    @Test
    void missingOrWrongUpgradeAndConnection() {
        assertResponseFails(GOOD_RESPONSE.replace("Upgrade: websocket\r\n", ""), "no Upgrade header in the response");
        assertResponseFails(GOOD_RESPONSE.replace("Upgrade: websocket", "Upgrade: h2c"),
                "Upgrade: h2c in the response instead of websocket");
        assertResponseFails(GOOD_RESPONSE.replace("Connection: Upgrade\r\n", ""), "no Connection header in the response");
        assertResponseFails(GOOD_RESPONSE.replace("Connection: Upgrade", "Connection: keep-alive"),
                "the response's Connection header does not contain Upgrade");
        assertResponseFails(GOOD_RESPONSE.replace("Connection: Upgrade", "Connection: Upgraded"),
                "the response's Connection header does not contain Upgrade");
    }

    @Test
    void otherBrokenResponses() {
        assertResponseFails("HTTP/1.0 101 Switching Protocols\r\n\r\n",
                "the server answered 101 in HTTP/1.0 (a WebSocket upgrade needs HTTP/1.1)");
        assertResponseFails("SSH-2.0-OpenSSH_9.2\r\n\r\n", "malformed status line: SSH-2.0-OpenSSH_9.2");
        assertResponseFails("\r\n", "malformed response: empty first line");
        assertResponseFails(GOOD_RESPONSE.replace("\r\n\r\n", "\r\nNo colon here\r\n\r\n"),
                "malformed header line: No colon here");
        assertResponseFails(GOOD_RESPONSE.replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n"),
                "the server chose an extension that was not offered: permessage-deflate");
        assertResponseFails("HTTP/1.1 200 " + "\u0007".repeat(3) + "\r\n\r\n",
                "the server answered 200 ??? instead of 101 Switching Protocols");
    }

    @Test
    void headLimitAndEndOfInput() {
        HandshakeResponseReader small = new HandshakeResponseReader(RFC_KEY, 64);
        ByteBuffer big = ByteBuffer.wrap(latin1(GOOD_RESPONSE.replace("\r\n\r\n", "\r\nX-Pad: " + "p".repeat(100) + "\r\n\r\n")));
        assertEquals(HandshakeResponseReader.FAILED, small.read(big));
        assertEquals("the response head is larger than 64 bytes", small.failure());

        HandshakeResponseReader silent = new HandshakeResponseReader(RFC_KEY, MAX_HEAD);
        assertEquals(HandshakeResponseReader.FAILED, silent.endOfInput());
        assertEquals("the server closed the connection without answering the upgrade request", silent.failure());

        HandshakeResponseReader cut = new HandshakeResponseReader(RFC_KEY, MAX_HEAD);
        assertEquals(HandshakeResponseReader.NEED_MORE, cut.read(ByteBuffer.wrap(latin1("HTTP/1.1 101 Swi"))));
        assertEquals(HandshakeResponseReader.FAILED, cut.endOfInput());
        assertEquals("the server closed the connection in the middle of the handshake response", cut.failure());
    }

    // ---------------------------------------------------------------- the server reads the request

    private record ServerOutcome(int result, String failure, int status, String target, String key, int headBytes) {
    }

    private static ServerOutcome readRequest(byte[] input, int cut) {
        HandshakeRequestReader reader = new HandshakeRequestReader(MAX_HEAD);
        int[] cuts = cuts(input.length, cut);
        int start = 0;
        int result = HandshakeRequestReader.NEED_MORE;
        for (int i = 0; i <= cuts.length && result == HandshakeRequestReader.NEED_MORE; i++) {
            int end = i < cuts.length ? cuts[i] : input.length;
            ByteBuffer buf = ByteBuffer.wrap(input, start, end - start);
            result = reader.read(buf);
            if (result == HandshakeRequestReader.NEED_MORE) {
                assertEquals(0, buf.remaining());
            } else if (result == HandshakeRequestReader.ACCEPTED) {
                assertEquals(reader.headBytes(), buf.position(), "left just past the head");
            }
            start = end;
        }
        return new ServerOutcome(result, reader.failure(), result == HandshakeRequestReader.FAILED
                ? reader.rejectionStatus() : 0, reader.target(), reader.key(), reader.headBytes());
    }

    private static void assertRequestEverySplit(String request, ServerOutcome expected) {
        byte[] input = latin1(request);
        for (int cut = 0; cut < input.length; cut++) {
            assertEquals(expected, readRequest(input, cut), "split at " + cut);
        }
        assertEquals(expected, readRequest(input, -1), "byte by byte");
    }

    private static void assertRequestFails(String request, int status, String why) {
        assertRequestEverySplit(request, new ServerOutcome(HandshakeRequestReader.FAILED, why, status, null, null,
                latin1(request).length));
    }

    @Test
    void rfcExampleRequestWithFramesAfterIt() {
        String frames = new String(RawFrames.frame(0x81, true, "Hi"), StandardCharsets.ISO_8859_1);
        assertRequestEverySplit(RFC_REQUEST + frames, new ServerOutcome(HandshakeRequestReader.ACCEPTED, null, 0,
                "/chat", RFC_KEY, RFC_REQUEST.length()));

        HandshakeRequestReader reader = new HandshakeRequestReader(MAX_HEAD);
        assertEquals(HandshakeRequestReader.ACCEPTED, reader.read(ByteBuffer.wrap(latin1(RFC_REQUEST))));
        assertEquals(List.of("chat", "superchat"), reader.offeredProtocols());
        assertEquals("http://example.com", reader.header("origin"));
        assertEquals("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + RFC_ACCEPT + "\r\n"
                + "Sec-WebSocket-Protocol: chat\r\n\r\n",
                new String(reader.response("chat"), StandardCharsets.ISO_8859_1));
        assertEquals(GOOD_RESPONSE, new String(reader.response(), StandardCharsets.ISO_8859_1));
        assertThrows(IllegalStateException.class, reader::rejection);
    }

    @Test
    void requestsThatAreRefused() {
        assertRequestFails(RFC_REQUEST.replace("GET", "POST"), 405, "the method is POST; a WebSocket upgrade is a GET");
        assertRequestFails(RFC_REQUEST.replace("HTTP/1.1", "HTTP/1.0"), 400,
                "the request is HTTP/1.0; a WebSocket upgrade needs HTTP/1.1");
        assertRequestFails(RFC_REQUEST.replace("Host: server.example.com\r\n", ""), 400, "no Host header");
        assertRequestFails(RFC_REQUEST.replace("Upgrade: websocket\r\n", ""), 400,
                "no Upgrade header (not a WebSocket request)");
        assertRequestFails(RFC_REQUEST.replace("Upgrade: websocket", "Upgrade: h2c"), 400,
                "the Upgrade header does not contain websocket");
        assertRequestFails(RFC_REQUEST.replace("Connection: Upgrade", "Connection: keep-alive"), 400,
                "the Connection header does not contain Upgrade");
        assertRequestFails(RFC_REQUEST.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"), 426,
                "Sec-WebSocket-Version 8 is not supported (only 13)");
        assertRequestFails(RFC_REQUEST.replace("Sec-WebSocket-Version: 13\r\n", ""), 426, "no Sec-WebSocket-Version header");
        assertRequestFails(RFC_REQUEST.replace("Sec-WebSocket-Key: " + RFC_KEY + "\r\n", ""), 400,
                "no Sec-WebSocket-Key header");
        assertRequestFails(RFC_REQUEST.replace(RFC_KEY, "c2hvcnQ="), 400, "Sec-WebSocket-Key is not 16 bytes in base64");
        assertRequestFails(RFC_REQUEST.replace(RFC_KEY, "!!!!!!!!!!!!!!!!!!!!!!=="), 400,
                "Sec-WebSocket-Key is not 16 bytes in base64");
        assertRequestFails("GET\r\n\r\n", 400, "malformed request line: GET");
    }

    @Test
    void rejectionBytes() {
        HandshakeRequestReader reader = new HandshakeRequestReader(MAX_HEAD);
        reader.read(ByteBuffer.wrap(latin1(RFC_REQUEST.replace("Version: 13", "Version: 7"))));
        String rejection = new String(reader.rejection(), StandardCharsets.UTF_8);
        assertTrue(rejection.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), rejection);
        assertTrue(rejection.contains("\r\nSec-WebSocket-Version: 13\r\n"), rejection);
        assertTrue(rejection.endsWith("\r\n\r\nSec-WebSocket-Version 7 is not supported (only 13)\n"), rejection);
        assertThrows(IllegalStateException.class, reader::response);

        // What the client makes of it.
        HandshakeResponseReader client = new HandshakeResponseReader(RFC_KEY, MAX_HEAD);
        assertEquals(HandshakeResponseReader.FAILED, client.read(ByteBuffer.wrap(reader.rejection())));
        assertEquals("the server answered 426 Upgrade Required instead of 101 Switching Protocols", client.failure());
    }

    @Test
    void requestHeadLimit() {
        HandshakeRequestReader reader = new HandshakeRequestReader(100);
        ByteBuffer buf = ByteBuffer.wrap(latin1(RFC_REQUEST));
        assertEquals(HandshakeRequestReader.FAILED, reader.read(buf));
        assertEquals(431, reader.rejectionStatus());
        assertEquals("the request head is larger than 100 bytes", reader.failure());
        assertNull(reader.key());
    }

    @Test
    void clientAndServerAgree() {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 100; i++) {
            String key = WebSocketHandshake.newKey(random);
            byte[] request = WebSocketHandshake.request("/ws/" + i, "localhost:9000", key,
                    List.of(new WebSocketHandshake.Header("Sec-WebSocket-Protocol", "a, b")));
            HandshakeRequestReader server = new HandshakeRequestReader(MAX_HEAD);
            assertEquals(HandshakeRequestReader.ACCEPTED, server.read(ByteBuffer.wrap(request)));
            assertEquals("/ws/" + i, server.target());
            HandshakeResponseReader client = new HandshakeResponseReader(key, List.of("a", "b"), MAX_HEAD);
            assertEquals(HandshakeResponseReader.ACCEPTED, client.read(ByteBuffer.wrap(server.response("b"))),
                    client.failure());
            assertEquals("b", client.protocol());
            assertArrayEquals(WebSocketHandshake.response(key, "b"), server.response("b"));
        }
    }
}
