package org.mangonel.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.mangonel.scenario.Framework;
import org.mangonel.transport.Endpoint;
import org.mangonel.transport.TlsTransport;
import org.mangonel.transport.Transport;

/** Where a framework is reached: its URL (port filled in) resolved, over the transport its scheme asks for. */
final class Endpoints {
    private Endpoints() {
    }

    /** The host of a URL template (its {@code {port}} not yet filled in). */
    static String host(String urlTemplate) {
        return URI.create(urlTemplate.replace("{port}", "1")).getHost();
    }

    /**
     * @param url         the framework's URL with {@code {port}} already replaced
     * @param tls         its TLS settings, used when the URL is secure
     * @param scenarioDir where a relative CA file is
     * @throws IOException when its host does not resolve, or its TLS trust cannot be set up
     */
    static Endpoint resolve(String url, Framework.Tls tls, Path scenarioDir) throws IOException {
        URI uri = URI.create(url);
        if (!Framework.Tls.secure(uri.getScheme())) {
            return Endpoint.resolve(uri, Transport.PLAIN);
        }
        Endpoint plain = Endpoint.resolve(uri, Transport.PLAIN);
        try {
            return Endpoint.resolve(uri, TlsTransport.of(tls, uri.getHost(), plain.address().getPort(), scenarioDir));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

}
