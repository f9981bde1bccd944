package org.mangonel.run;

import java.net.URI;
import java.net.UnknownHostException;
import org.mangonel.transport.Endpoint;
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
     * @param url the framework's URL with {@code {port}} already replaced
     * @throws UnknownHostException when its host does not resolve
     */
    static Endpoint resolve(String url) throws UnknownHostException {
        return Endpoint.resolve(URI.create(url), Transport.PLAIN);
    }
}
