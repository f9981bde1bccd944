package org.mangonel.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.load.Probe;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.net.Failure;
import org.mangonel.scenario.Framework;

/**
 * TLS on the event loop against a JDK TLS server in the test (a key made by the JDK's keytool):
 * records the server splits into one-byte TCP writes are reassembled, the server's close_notify
 * ends the input, a server that does not speak TLS fails the handshake with a reason, and an
 * untrusted certificate fails it when verification is on.
 */
class TlsConnectionTest {
    private static final String PASSWORD = "changeit";
    @TempDir
    static Path dir;
    private static SSLServerSocket server;
    /** The same server, answering TLS 1.2 only. */
    private static SSLServerSocket server12;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = serverSocket(ctx);
        server12 = serverSocket(ctx);
        server12.setEnabledProtocols(new String[] {"TLSv1.2"});
    }

    private static SSLServerSocket serverSocket(SSLContext ctx) throws java.io.IOException {
        SSLServerSocket socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(socket), "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return socket;
    }

    /** Reads a line, answers it back one byte per TCP write (so records arrive split), then closes. */
    private static void serve(SSLServerSocket server) {
        while (!server.isClosed()) {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.write(b);
                }
                OutputStream out = s.getOutputStream();
                for (byte x : ("echo:" + line + "\n").getBytes(StandardCharsets.UTF_8)) {
                    out.write(x);
                    out.flush();
                }
            } catch (Exception e) {
                // a client that failed its handshake: next
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        server12.close();
    }

    /** Connects, sends one line, collects what comes back until the end of input. */
    private static final class OneExchange implements Probe.Check, Connection.Handler {
        private final Transport transport;
        private final InetSocketAddress address;
        private final StringBuilder received = new StringBuilder();
        private Connection connection;
        private Optional<String> verdict;
        String security;

        OneExchange(Transport transport, InetSocketAddress address) {
            this.transport = transport;
            this.address = address;
        }

        @Override
        public void start(EventLoop loop, long nowNs) {
            connection = transport.open(loop, this);
            assertTrue(connection.connect(address));
        }

        @Override
        public void onConnected(long nowNs) {
            security = connection.security();
            connection.write(ByteBuffer.wrap("hello over tls\n".getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void onData(ByteBuffer in, long nowNs) {
            received.append(StandardCharsets.UTF_8.decode(in));
        }

        @Override
        public void onEndOfInput(long nowNs) {
            connection.close();
            verdict = Optional.empty();
        }

        @Override
        public void onFailure(Failure failure, long nowNs) {
            verdict = Optional.of(failure + ": " + connection.failureDetail());
        }

        @Override
        public Optional<String> verdict() {
            return verdict;
        }

        @Override
        public String timeoutReason() {
            return "no answer";
        }
    }

    private static InetSocketAddress address() {
        return address(server);
    }

    private static InetSocketAddress address(SSLServerSocket socket) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    @Test
    void onceATls12ServerHasChosenTls12NewConnectionsOfferOnlyTls12() throws Exception {
        TlsTransport tls = TlsTransport.of(new Framework.Tls(false, null, null, List.of()), "127.0.0.1",
                server12.getLocalPort(), dir);
        assertTrue(List.of(tls.newEngine().getEnabledProtocols()).contains("TLSv1.3"), "the JDK's offer at first");
        for (int i = 0; i < 2; i++) {
            OneExchange check = new OneExchange(tls, address(server12));
            assertEquals(Optional.empty(), Probe.run(check, 10_000_000_000L));
            assertEquals("echo:hello over tls\n", check.received.toString());
            assertTrue(check.security.startsWith("TLSv1.2 TLS_"), check.security);
            assertEquals(List.of("TLSv1.2"), List.of(tls.newEngine().getEnabledProtocols()), "after connection " + i);
        }
    }

    @Test
    void aServerThatChoosesTheNewestVersionKeepsTheFullOfferAndAGivenOfferIsNeverChanged() throws Exception {
        TlsTransport tls = TlsTransport.of(new Framework.Tls(false, null, null, List.of()), "127.0.0.1",
                server.getLocalPort(), dir);
        OneExchange check = new OneExchange(tls, address());
        assertEquals(Optional.empty(), Probe.run(check, 10_000_000_000L));
        assertTrue(check.security.startsWith("TLSv1.3 "), check.security);
        assertTrue(List.of(tls.newEngine().getEnabledProtocols()).contains("TLSv1.3"));

        TlsTransport given = TlsTransport.of(new Framework.Tls(false, null, null, List.of("TLSv1.3", "TLSv1.2")),
                "127.0.0.1", server12.getLocalPort(), dir);
        OneExchange to12 = new OneExchange(given, address(server12));
        assertEquals(Optional.empty(), Probe.run(to12, 10_000_000_000L));
        assertTrue(to12.security.startsWith("TLSv1.2 "), to12.security);
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(given.newEngine().getEnabledProtocols()));
    }

    @Test
    void recordsSplitIntoOneByteWritesAreReassembledAndCloseNotifyEndsTheInput() throws Exception {
        Transport tls = TlsTransport.of(new Framework.Tls(false, null, null, List.of()), "127.0.0.1",
                server.getLocalPort(), dir);
        for (int i = 0; i < 3; i++) { // a new connection each time, on new engines
            OneExchange check = new OneExchange(tls, address());
            assertEquals(Optional.empty(), Probe.run(check, 10_000_000_000L));
            assertEquals("echo:hello over tls\n", check.received.toString());
            assertTrue(check.security.startsWith("TLSv1.3 TLS_"), check.security);
        }
    }

    @Test
    void aClientLimitedToTls12NegotiatesTls12() throws Exception {
        Transport tls12 = TlsTransport.of(new Framework.Tls(false, null, null, List.of("TLSv1.2")), "127.0.0.1",
                server.getLocalPort(), dir);
        OneExchange check = new OneExchange(tls12, address());
        assertEquals(Optional.empty(), Probe.run(check, 10_000_000_000L));
        assertEquals("echo:hello over tls\n", check.received.toString());
        assertTrue(check.security.startsWith("TLSv1.2 TLS_"), check.security);
    }

    @Test
    void aCertificateThatIsNotTrustedFailsTheHandshakeWithItsReason() throws Exception {
        Transport verifying = TlsTransport.of(Framework.Tls.DEFAULT, "127.0.0.1", server.getLocalPort(), dir);
        Optional<String> failure = Probe.run(new OneExchange(verifying, address()), 10_000_000_000L);
        assertTrue(failure.isPresent() && failure.get().startsWith("HANDSHAKE: ")
                && failure.get().contains("certification path"), String.valueOf(failure));
    }

    @Test
    void aServerThatDoesNotSpeakTlsFailsTheHandshake() throws Exception {
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (Exception ignored) {
                    // done
                }
            });
            t.setDaemon(true);
            t.start();
            Transport tls = TlsTransport.of(new Framework.Tls(false, null, null, List.of()), "127.0.0.1",
                    plain.getLocalPort(), dir);
            Optional<String> failure = Probe.run(new OneExchange(tls,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), plain.getLocalPort())), 10_000_000_000L);
            assertTrue(failure.isPresent() && failure.get().startsWith("HANDSHAKE: "), String.valueOf(failure));
        }
    }
}
