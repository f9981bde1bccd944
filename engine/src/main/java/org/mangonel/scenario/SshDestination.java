package org.mangonel.scenario;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a framework runs when it is not on this machine: an SSH destination as {@code ssh} takes
 * it, {@code [user@]name} (a name may be an alias from the user's {@code ~/.ssh/config}) or
 * {@code ssh://[user@]name[:port]}. Only the form is checked here; {@code ssh} itself resolves
 * it (its {@code -G}) when the run begins.
 *
 * @param text     the destination as written, passed to {@code ssh} unchanged
 * @param user     the user, or null for ssh's default
 * @param hostname the name or address (an alias until ssh resolves it)
 * @param port     the port, or null for ssh's default
 */
public record SshDestination(String text, String user, String hostname, Integer port) {

    /**
     * @throws IllegalArgumentException with a message that says what was expected
     */
    public static SshDestination parse(String text) {
        String t = text == null ? "" : text.strip();
        String expected = "an SSH destination such as user@server or ssh://user@server:2222, found '" + text + "'";
        if (t.isEmpty() || !t.equals(text) || t.startsWith("-") || t.chars().anyMatch(c -> c <= ' ' || c == '\'' || c == '"')) {
            throw new IllegalArgumentException(expected);
        }
        if (t.toLowerCase(Locale.ROOT).startsWith("ssh://")) {
            try {
                URI uri = new URI(t);
                String host = uri.getHost();
                boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                        && uri.getRawQuery() == null && uri.getRawFragment() == null;
                if (host == null || !bare) {
                    throw new IllegalArgumentException(expected);
                }
                return new SshDestination(t, uri.getUserInfo(), host.startsWith("[") ? host.substring(1,
                        host.length() - 1) : host, uri.getPort() < 0 ? null : uri.getPort());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(expected);
            }
        }
        if (t.contains("://") || t.contains("/")) {
            throw new IllegalArgumentException(expected);
        }
        int at = t.lastIndexOf('@');
        String user = at < 0 ? null : t.substring(0, at);
        String host = t.substring(at + 1);
        if (host.isEmpty() || (user != null && user.isEmpty()) || host.startsWith("-")) {
            throw new IllegalArgumentException(expected);
        }
        return new SshDestination(t, user, host, null);
    }

    @Override
    public String toString() {
        return text;
    }
}
