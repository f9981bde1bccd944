package org.mangonel.protocol.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mangonel.fixtures.BadWebSocketServer;
import org.mangonel.load.ProgressListener;
import org.mangonel.protocol.chat.ChatProtocol;
import org.mangonel.scenario.Aggregate;
import org.mangonel.scenario.ChatWorkload;
import org.mangonel.scenario.Order;
import org.mangonel.scenario.RunSettings;
import org.mangonel.scenario.WebSocketWorkload;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.RunStats;
import org.mangonel.transport.Endpoint;
import org.mangonel.transport.Transport;

/**
 * A WebSocket handshake or frame that is wrong: the pre-run check fails with a one-line reason
 * naming the cause (for the WebSocket workload and for chat over ws://), and during a run each is
 * counted (a failed upgrade under connect, a bad frame under protocol), never a hang.
 */
class WebSocketFailuresTest {
    private static final RunSettings SETTINGS = new RunSettings(Duration.ofMillis(500), Duration.ZERO, 1,
            Aggregate.BEST, List.of(4), Duration.ofSeconds(2), 1, Duration.ofSeconds(2), "", List.of());
    private static final WebSocketWorkload ECHO = new WebSocketWorkload(
            List.of(new WebSocketWorkload.Message("hello", 0, 1)), Order.WEIGHTED, null);
    private static final ChatWorkload CHAT = new ChatWorkload("NICK user{client}", 10, 64, "\n",
            Duration.ofMillis(200));

    private static Endpoint endpoint(int port) {
        return new Endpoint(URI.create("ws://127.0.0.1:" + port + "/"), new InetSocketAddress("127.0.0.1", port),
                "127.0.0.1:" + port, "", Transport.PLAIN);
    }

    @Test
    void aTwoHundredInsteadOfOneHundredOneIsNamed() throws Exception {
        try (BadWebSocketServer server = new BadWebSocketServer(BadWebSocketServer.Mode.OK_200)) {
            Optional<String> echo = new WebSocketProtocol().verify(ECHO, endpoint(server.port()), SETTINGS);
            assertEquals(Optional.of("text 'hello': handshake failed: the server answered 200 OK instead of 101"
                    + " Switching Protocols"), echo);
            Optional<String> chat = new ChatProtocol().verify(CHAT, endpoint(server.port()), SETTINGS);
            assertTrue(chat.isPresent() && chat.get().contains("200 OK instead of 101"), String.valueOf(chat));
        }
    }

    @Test
    void aWrongAcceptIsNamedAndCountedAsConnectDuringARun() throws Exception {
        try (BadWebSocketServer server = new BadWebSocketServer(BadWebSocketServer.Mode.WRONG_ACCEPT)) {
            Optional<String> echo = new WebSocketProtocol().verify(ECHO, endpoint(server.port()), SETTINGS);
            assertTrue(echo.isPresent() && echo.get().contains("Sec-WebSocket-Accept"), String.valueOf(echo));
            RunStats s = new WebSocketProtocol().load(ECHO, endpoint(server.port()), SETTINGS, 4, null,
                    org.mangonel.scenario.Share.ALL)
                    .execute(0, 500_000_000L, 3_000_000_000L, ProgressListener.NONE, () -> { }).stats();
            assertEquals(0, s.requests());
            assertTrue(s.errors(ErrorKind.CONNECT) > 0, s.errors().toString());
            assertEquals(s.errors(ErrorKind.CONNECT), s.errorTotal(), s.errors().toString());
        }
    }

    @Test
    void aFrameWithAReservedOpcodeIsAProtocolError() throws Exception {
        try (BadWebSocketServer server = new BadWebSocketServer(BadWebSocketServer.Mode.BAD_OPCODE)) {
            Optional<String> echo = new WebSocketProtocol().verify(ECHO, endpoint(server.port()), SETTINGS);
            assertTrue(echo.isPresent() && echo.get().contains("reserved opcode"), String.valueOf(echo));
            RunStats s = new WebSocketProtocol().load(ECHO, endpoint(server.port()), SETTINGS, 4, null,
                    org.mangonel.scenario.Share.ALL)
                    .execute(0, 500_000_000L, 3_000_000_000L, ProgressListener.NONE, () -> { }).stats();
            assertEquals(0, s.requests());
            assertTrue(s.errors(ErrorKind.PROTOCOL) > 0, s.errors().toString());
        }
    }
}
