package org.mangonel.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.mangonel.net.Connection;
import org.mangonel.net.EventLoop;
import org.mangonel.scenario.Framework;

/**
 * TLS over TCP with the JDK's {@link SSLEngine}, on the session's own event loop (see
 * {@link TlsConnection}). Built once per framework from its {@code tls:} settings: the trust
 * (the JDK's store, a PEM file, or none at all when {@code verify: false}), the name sent and
 * checked, and the protocol versions offered. Immutable after construction, except that the JDK's
 * default offer is narrowed once to the version the server chose (see {@link #negotiated}); the
 * per-loop scratch buffers are made once per loop, when its first connection is opened.
 */
public final class TlsTransport implements Transport {
    private final SSLContext context;
    private final String host;
    private final int port;
    private final String serverName;
    private final boolean verify;
    private final String[] protocols;
    /**
     * With the JDK's default offer (no {@code protocols} given): the one version the server chose
     * when that was not the newest offered, offered alone from then on; null until then. A TLS 1.3
     * offer costs the client its key shares (x25519 and P-256, about 80% of the JDK's CPU per new
     * connection), which a server that answers TLS 1.2 never uses. Written by any loop's thread
     * once a handshake finishes, read when a connection opens.
     */
    private volatile String[] learned;
    private final Map<EventLoop, TlsConnection.Scratch> scratch = new IdentityHashMap<>();

    private TlsTransport(SSLContext context, String host, int port, String serverName, boolean verify,
                         String[] protocols) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.serverName = serverName;
        this.verify = verify;
        this.protocols = protocols;
    }

    /**
     * @param settings    the framework's tls settings
     * @param host        the URL's host (checked against the certificate unless a server name is given)
     * @param port        the server's port (a hint for session resumption)
     * @param scenarioDir where a relative {@code ca} file is
     * @throws GeneralSecurityException when the trust cannot be set up (e.g. an unreadable CA file)
     */
    public static TlsTransport of(Framework.Tls settings, String host, int port, Path scenarioDir)
            throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManager[] trust = !settings.verify() ? new TrustManager[] {new TrustingEveryone()}
                : settings.ca() != null ? trustFrom(scenarioDir.resolve(settings.ca())) : null;
        context.init(null, trust, null);
        List<String> asked = settings.protocols();
        return new TlsTransport(context, host, port, settings.serverName() != null ? settings.serverName() : host,
                settings.verify(), asked.isEmpty() ? null : asked.toArray(new String[0]));
    }

    private static TrustManager[] trustFrom(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        int n = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : factory.generateCertificates(in)) {
                store.setCertificateEntry("ca-" + n++, c);
            }
        }
        if (n == 0) {
            throw new GeneralSecurityException("no certificate in " + pem);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    @Override
    public Connection open(EventLoop loop, Connection.Handler handler) {
        TlsConnection.Scratch buffers;
        synchronized (scratch) {
            buffers = scratch.computeIfAbsent(loop, l -> new TlsConnection.Scratch());
        }
        return new TlsConnection(loop, handler, this, buffers);
    }

    /** A new client engine for one connection. */
    SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        if (verify) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isAddress(serverName)) {
            params.setServerNames(List.of(new SNIHostName(serverName)));
        }
        String[] offer = protocols != null ? protocols : learned;
        if (offer != null) {
            params.setProtocols(offer);
        }
        engine.setSSLParameters(params);
        return engine;
    }

    /**
     * A handshake finished with {@code protocol}: when the offer was the JDK's default and the
     * server chose an older version than the newest offered, later connections offer only that
     * version (same server, same choice; the page shows what was negotiated either way).
     */
    void negotiated(SSLEngine engine, String protocol) {
        if (protocols != null || learned != null) {
            return;
        }
        String[] offered = engine.getEnabledProtocols();
        if (offered.length > 1 && !protocol.equals(newest(offered))) {
            learned = new String[] {protocol};
        }
    }

    /** The newest of the versions offered ("TLSv1.3" sorts after "TLSv1.2"). */
    private static String newest(String[] offered) {
        String newest = offered[0];
        for (String p : offered) {
            if (p.compareTo(newest) > 0) {
                newest = p;
            }
        }
        return newest;
    }

    private static boolean isAddress(String name) {
        return name.indexOf(':') >= 0 || name.matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    @Override
    public boolean secure() {
        return true;
    }

    @Override
    public String toString() {
        return "tls";
    }

    /** {@code verify: false}: every certificate is accepted (a self-signed test server's, say). */
    private static final class TrustingEveryone implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** How large a TLS record may be, ciphertext (the JDK's packet buffer size). */
    static int packetBytes(SSLEngine engine) {
        return engine.getSession().getPacketBufferSize();
    }

    /** Room for one record's plaintext. */
    static int applicationBytes(SSLEngine engine) {
        return engine.getSession().getApplicationBufferSize();
    }

    /** A heap buffer of {@code n} bytes, ready to be written into. */
    static ByteBuffer heap(int n) {
        return ByteBuffer.allocate(n);
    }
}
