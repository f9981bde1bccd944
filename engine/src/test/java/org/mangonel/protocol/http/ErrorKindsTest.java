package org.mangonel.protocol.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mangonel.fixtures.FaultServer;
import org.mangonel.scenario.Expect;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.RunStats;

/** The closed-model client against a misbehaving server: every failure lands in its own counter. */
class ErrorKindsTest {
    private static FaultServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = FaultServer.start(0);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static RunStats run(int port, String path, boolean keepalive, Expect expect, int connections,
                                long timeoutMs, long durationMs) throws Exception {
        HttpRuns.Options o = HttpRuns.Options.of(path).keepalive(keepalive).expect(expect).connections(connections)
                .timeoutMs(timeoutMs);
        return HttpRuns.run(port, o, 0, durationMs).stats();
    }

    private static RunStats run(String path) throws Exception {
        return run(server.port(), path, true, null, 4, 2000, 600);
    }

    private static void assertOnly(RunStats s, ErrorKind kind) {
        assertTrue(s.errors().get(kind) > 0, kind + " counted: " + s.errors());
        for (ErrorKind other : ErrorKind.values()) {
            if (other != kind) {
                assertEquals(0, s.errors().get(other), other + " must stay zero: " + s.errors());
            }
        }
        assertEquals(s.errors().get(kind), s.errorTotal());
        assertEquals(0, s.requests(), "a failed request is never a success");
        assertEquals(0, s.corrected().getTotalCount(), "a failed request is never a latency sample");
    }

    /**
     * A server that takes 150 ms per answer: when the window closes, every connection has a
     * request in flight. The drain after the window awaits them, so every request the server
     * answered is counted (it used to lose one per connection). Warm-up 0: every request sent
     * was due in the window.
     */
    @Test
    void requestsInFlightWhenTheWindowClosesAreCounted() throws Exception {
        long before = server.slowAnswered();
        RunStats s = run(server.port(), "/slow", true, null, 5, 2000, 1000);
        long answered = server.slowAnswered() - before;
        assertEquals(0, s.errorTotal(), s.errors().toString());
        assertEquals(answered, s.requests(), "every answered request is counted, those in flight at the end too");
        assertTrue(s.requests() >= 10, "at least two per connection: " + s.requests());
    }

    /**
     * A server that never answers, from the warm-up on: each connection's one request was sent in
     * the warm-up and hangs through the whole window. A failure has no latency to misplace, so
     * it counts in the window it happens in (here in the drain: the 1.5 s timeout falls after the
     * 0.5 s window); attributed by due time alone, the window showed neither requests nor errors.
     */
    @Test
    void aRequestSentInTheWarmUpThatHangsThroughTheWindowIsCounted() throws Exception {
        HttpRuns.Options o = HttpRuns.Options.of("/hang").connections(4).timeoutMs(1500);
        RunStats s = HttpRuns.run(server.port(), o, 300, 500).stats();
        assertEquals(0, s.requests());
        assertEquals(4, s.errorTotal(), "one per connection: " + s.errors());
        assertEquals(4, s.errors().get(ErrorKind.TIMEOUT) + s.errors().get(ErrorKind.UNFINISHED), s.errors().toString());
    }

    @Test
    void goodResponsesAreSuccesses() throws Exception {
        RunStats ok = run("/ok");
        assertTrue(ok.requests() > 100);
        assertEquals(0, ok.errorTotal());
        RunStats chunked = run("/chunked");
        assertTrue(chunked.requests() > 100);
        assertEquals(0, chunked.errorTotal());
    }

    @Test
    void redirectsSucceedAndAreCountedApart() throws Exception {
        RunStats s = run("/redirect");
        assertTrue(s.requests() > 100);
        assertEquals(s.requests(), s.statuses().get(302));
        assertEquals(0, s.errorTotal());
    }

    @Test
    void unexpectedStatusIsAStatusErrorAndKeepsTheConnection() throws Exception {
        RunStats s = run("/500");
        assertOnly(s, ErrorKind.STATUS);
        assertEquals(s.errors().get(ErrorKind.STATUS), s.statuses().get(500));
        assertTrue(s.connectionsOpened() == 0, "status errors do not replace connections");
    }

    @Test
    void bodyMismatchIsABodyError() throws Exception {
        RunStats s = run(server.port(), "/ok", true, new Expect(List.of(200), "no", null, null), 4, 2000, 600);
        assertOnly(s, ErrorKind.BODY);
    }

    @Test
    void resetIsReset() throws Exception {
        assertOnly(run("/reset"), ErrorKind.RESET);
    }

    @Test
    void finWithoutResponseIsClosed() throws Exception {
        assertOnly(run("/close"), ErrorKind.CLOSED);
    }

    @Test
    void truncatedBodyIsClosed() throws Exception {
        assertOnly(run("/truncated"), ErrorKind.CLOSED);
    }

    @Test
    void garbageAndBadChunksAreProtocolErrors() throws Exception {
        assertOnly(run("/garbage"), ErrorKind.PROTOCOL);
        assertOnly(run("/badchunk"), ErrorKind.PROTOCOL);
    }

    @Test
    void aHugeHeaderHitsTheLimitNotTheHeap() throws Exception {
        assertOnly(run("/bigheader"), ErrorKind.PROTOCOL);
    }

    /**
     * The timeout is exact: /slow answers after at least 150 ms, so with a 149-ms timeout no
     * answer is in time. The deadline scan runs every few milliseconds; an answer completed
     * between the deadline and the next scan counted as a success before.
     */
    @Test
    void anAnswerAfterTheTimeoutIsATimeoutNotASuccess() throws Exception {
        RunStats s = run(server.port(), "/slow", true, null, 4, FaultServer.SLOW_MS - 1, 700);
        assertEquals(0, s.requests(), "no answer came within the timeout: " + s.errors());
        assertOnly(s, ErrorKind.TIMEOUT);
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        RunStats s = run(server.port(), "/hang", true, null, 4, 100, 700);
        assertOnly(s, ErrorKind.TIMEOUT);
        // each connection times out roughly every 100 ms: about 4 × 6 timeouts in 700 ms
        assertTrue(s.errors().get(ErrorKind.TIMEOUT) >= 8 && s.errors().get(ErrorKind.TIMEOUT) <= 40,
                "timeouts: " + s.errors());
    }

    @Test
    void anEndlessBodyIsATimeout() throws Exception {
        assertOnly(run(server.port(), "/infinite", true, null, 2, 150, 600), ErrorKind.TIMEOUT);
    }

    @Test
    void refusedConnectionsAreConnectErrorsWithBackoff() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RunStats s = run(port, "/", true, null, 4, 1000, 1000);
        assertOnly(s, ErrorKind.CONNECT);
        // without backoff a refused connect repeats every few microseconds (hundreds of thousands
        // a second); with 10 ms doubling to 1 s, four connections make a few dozen attempts
        assertTrue(s.errors().get(ErrorKind.CONNECT) < 100, "connect attempts: " + s.errors());
    }

    @Test
    void withoutKeepAliveEveryRequestOpensAConnection() throws Exception {
        RunStats s = run(server.port(), "/ok", false, null, 4, 2000, 600);
        assertTrue(s.requests() > 50, "requests " + s.requests());
        assertEquals(0, s.errorTotal(), s.errors().toString());
        long difference = Math.abs(s.connectionsOpened() - s.requests());
        assertTrue(difference <= 8, "one connection per request: " + s.connectionsOpened() + " vs " + s.requests());
    }

    @Test
    void slowBodyWithinTheTimeoutSucceeds() throws Exception {
        RunStats s = run(server.port(), "/slowbody", true, null, 2, 3000, 2500);
        assertTrue(s.requests() >= 2, "requests " + s.requests());
        assertEquals(0, s.errorTotal(), s.errors().toString());
        assertTrue(s.latency().minMs() >= 900, "a body trickled over 1 s takes a second: " + s.latency());
    }
}
