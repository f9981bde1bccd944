package org.mangonel.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a framework is reached, resolved once before its checks and runs. Immutable.
 *
 * @param url       the URL with its port filled in, e.g. {@code https://127.0.0.1:8443/api}
 * @param address   the socket address to connect to
 * @param authority {@code host[:port]} as a {@code Host} header carries it
 * @param basePath  the URL's path without a trailing slash ("" for none), prefixed to request paths
 * @param transport what carries the bytes
 */
public record Endpoint(URI url, InetSocketAddress address, String authority, String basePath, Transport transport) {
    public Endpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(transport, "transport");
        basePath = basePath == null ? "" : basePath;
    }

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "tcp", 80,
            "tls", 443, "ws", 80, "wss", 443);

    /**
     * Resolves a URL (its port filled in) to be reached over {@code transport}.
     *
     * @throws UnknownHostException when its host does not resolve
     */
    public static Endpoint resolve(URI url, Transport transport) throws UnknownHostException {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() > 0 ? url.getPort() : DEFAULT_PORTS.getOrDefault(scheme, 80);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(url.getHost()), port);
        String authority = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        String path = url.getRawPath() == null || url.getRawPath().equals("/") ? "" : url.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Endpoint(url, address, authority, basePath, transport);
    }

    /** The URL's scheme, lower case ({@code http}, {@code https}, {@code tcp}, {@code tls}, {@code ws}, {@code wss}). */
    public String scheme() {
        return url.getScheme().toLowerCase(java.util.Locale.ROOT);
    }
}
