package org.mangonel.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line relay, driven by plain blocking sockets: what every recipient reads, whatever the
 * pieces the lines arrive in and however many senders share a pass. Each read has a timeout, so a
 * relay that loses a line fails the test instead of hanging it.
 */
class ChatServerTest {
    private static final int READ_TIMEOUT_MS = 20_000;

    private static ServerLoops start() throws IOException {
        return ChatServer.start(new InetSocketAddress("127.0.0.1", 0));
    }

    private static Socket connect(ServerLoops server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Relays happen only between connected clients: a line proves the others are registered. */
    private static void awaitRegistered(List<Socket> sockets, List<BufferedReader> readers) throws IOException {
        sockets.get(0).getOutputStream().write("ready\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i < readers.size(); i++) {
            assertEquals("ready", readers.get(i).readLine(), "client " + i + " is registered");
        }
    }

    @Test
    void aLineSentInPiecesArrivesWholeAndNotBackToItsSender() throws IOException {
        try (ServerLoops server = start(); Socket a = connect(server); Socket b = connect(server)) {
            BufferedReader bIn = reader(b);
            awaitRegistered(List.of(a, b), List.of(reader(a), bIn));
            OutputStream out = a.getOutputStream();
            byte[] lines = "first line\nsecond\n\nthird, longer than the others\n".getBytes(StandardCharsets.US_ASCII);
            // One byte per write (no Nagle): the relay sees the lines cut at every point.
            for (byte x : lines) {
                out.write(x);
                out.flush();
            }
            assertEquals("first line", bIn.readLine());
            assertEquals("second", bIn.readLine());
            assertEquals("", bIn.readLine());
            assertEquals("third, longer than the others", bIn.readLine());
            b.getOutputStream().write("from b\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader aIn = reader(a);
            assertEquals("from b", aIn.readLine(), "a reads b's line, and none of its own first");
        }
    }

    @Test
    void linesOfManySendersInOnePassEachArriveOnceInTheirSendersOrder() throws Exception {
        int clients = 5;
        int linesEach = 4_000;
        try (ServerLoops server = start()) {
            List<Socket> sockets = new ArrayList<>();
            List<BufferedReader> readers = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    Socket s = connect(server);
                    sockets.add(s);
                    readers.add(reader(s));
                }
                awaitRegistered(sockets, readers);
                // Every client sends all its lines in one go, on threads of their own: the relay
                // reads several senders per pass and gathers their lines into one write each.
                List<Thread> senders = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int sender = c;
                    Thread t = new Thread(() -> {
                        StringBuilder text = new StringBuilder();
                        for (int n = 0; n < linesEach; n++) {
                            text.append("client ").append(sender).append(" line ").append(n).append(" ")
                                    .append("x".repeat(n % 97)).append('\n');
                        }
                        try {
                            sockets.get(sender).getOutputStream().write(text.toString().getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    senders.add(t);
                    t.start();
                }
                for (int r = 0; r < clients; r++) {
                    int[] next = new int[clients];
                    for (int k = 0; k < (clients - 1) * linesEach; k++) {
                        String line = readers.get(r).readLine();
                        String[] f = line.split(" ");
                        int sender = Integer.parseInt(f[1]);
                        int n = Integer.parseInt(f[3]);
                        assertTrue(sender != r, "client " + r + " got its own line back: " + line);
                        assertEquals(next[sender], n, "client " + r + ": client " + sender + "'s lines in order");
                        assertEquals("x".repeat(n % 97), f.length > 4 ? f[4] : "", "line intact: " + line);
                        next[sender]++;
                    }
                    for (int s = 0; s < clients; s++) {
                        assertEquals(s == r ? 0 : linesEach, next[s], "client " + r + " from client " + s);
                    }
                }
                for (Thread t : senders) {
                    t.join(READ_TIMEOUT_MS);
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRecipientThatDoesNotReadIsDroppedAndTheOthersGoOn() throws IOException {
        // 16 MB in all: more than the relay's limit plus the kernel's buffers on both sides.
        String line = "y".repeat(1023) + "\n";
        int lines = 16 * 1024;
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        try (ServerLoops server = start(); Socket a = connect(server); Socket slow = connect(server);
                Socket c = connect(server)) {
            slow.setReceiveBufferSize(64 * 1024);
            BufferedReader cIn = reader(c);
            BufferedReader slowIn = reader(slow);
            awaitRegistered(List.of(a, slow, c), List.of(reader(a), slowIn, cIn));
            OutputStream out = a.getOutputStream();
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < lines; i++) {
                out.write(bytes);
                assertEquals(line.length() - 1, cIn.readLine().length(), "c reads along: line " + i);
            }
            long received = 0;
            String got;
            try {
                while ((got = slowIn.readLine()) != null) {
                    assertEquals(line.length() - 1, got.length(), "intact: line " + received);
                    received++;
                }
            } catch (java.net.SocketException reset) {
                // dropped with bytes unread on the server's side: a reset instead of an end
            }
            assertTrue(received < lines, "dropped after " + received + " lines");
            c.getOutputStream().write("the others go on\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("the others go on", reader(a).readLine());
            assertEquals("chat relay: dropped a client (over 4194304 bytes not taken by its socket); 1 dropped so far,"
                    + " 2 still connected", log.toString(StandardCharsets.UTF_8).strip(), "the relay's log says so");
        } finally {
            System.setErr(stderr);
        }
    }
}
