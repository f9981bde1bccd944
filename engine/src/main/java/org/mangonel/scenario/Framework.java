package org.mangonel.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A server under test and how to run it.
 *
 * <p>Text fields may hold the placeholders {@code {port}} (the free port the engine picked for
 * this start, on the host it runs on) and {@code {host}} (in {@code url}: the name of the host
 * the server runs on; in {@code start} and {@code env}: the address it should listen on, the
 * URL's host); the {@code run} package substitutes them.
 *
 * @param name     unique identifier, also a file name (its log is {@code logs/<name>.log})
 * @param title    display name in reports
 * @param start    how to start it: a shell command, a {@link Builtin}, or {@code null} for a
 *                 server that is already running and only measured
 * @param url      base URL template, e.g. {@code http://127.0.0.1:{port}}
 * @param cwd      working directory for {@code start}, {@code requires} and {@code version};
 *                 relative to the scenario's directory; {@code null} means that directory
 * @param env      extra environment variables for the commands
 * @param requires checks that must pass, else the framework is skipped with the check's reason
 * @param ready    how long to wait for the started server to accept connections
 * @param version  a shell command whose first output line is recorded as the version, or null
 * @param stopGrace how long the server gets between SIGTERM and SIGKILL
 * @param cpus     CPUs the server is pinned to (a taskset list such as {@code "0"} or
 *                 {@code "0,2-3"}), or null for no pinning
 * @param tls      how to trust a secure URL's server ({@code https}, {@code wss}, {@code tls});
 *                 {@link Tls#DEFAULT} when not given
 * @param host     the SSH destination ({@code user@name} or {@code ssh://user@name:port}, see
 *                 {@link SshDestination}) where {@code requires}, {@code version} and
 *                 {@code start} run and where the server is sampled and stopped; null for this
 *                 machine
 */
public record Framework(String name, String title, Start start, String url, String cwd,
                        Map<String, String> env, List<Requirement> requires, Duration ready,
                        String version, Duration stopGrace, String cpus, Tls tls, String host) {

    public Framework {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        title = title == null ? name : title;
        env = Map.copyOf(env == null ? Map.of() : env);
        requires = List.copyOf(requires == null ? List.of() : requires);
        ready = ready == null ? Duration.ofSeconds(30) : ready;
        stopGrace = stopGrace == null ? Duration.ofSeconds(5) : stopGrace;
        tls = tls == null ? Tls.DEFAULT : tls;
    }

    /** A framework on this machine (no {@code host}). */
    public Framework(String name, String title, Start start, String url, String cwd, Map<String, String> env,
                     List<Requirement> requires, Duration ready, String version, Duration stopGrace, String cpus,
                     Tls tls) {
        this(name, title, start, url, cwd, env, requires, ready, version, stopGrace, cpus, tls, null);
    }

    /** This framework with another URL. */
    public Framework withUrl(String newUrl) {
        return new Framework(name, title, start, newUrl, cwd, env, requires, ready, version, stopGrace, cpus, tls,
                host);
    }

    /** This framework on another host (an SSH destination), or on this machine when null. */
    public Framework withHost(String newHost) {
        return new Framework(name, title, start, url, cwd, env, requires, ready, version, stopGrace, cpus, tls,
                newHost);
    }

    /**
     * TLS settings of a framework reached over a secure URL.
     *
     * @param verify     check the server's certificate chain and name (off for self-signed test servers)
     * @param ca         a PEM file of the certificates to trust instead of the JDK's, relative to the
     *                   scenario's folder; null for the JDK's trust store
     * @param serverName the name sent (SNI) and checked against the certificate; null for the URL's host
     * @param protocols  the protocol versions offered, e.g. TLSv1.3; empty for the JDK's defaults
     */
    public record Tls(boolean verify, String ca, String serverName, List<String> protocols) {
        /** Verify against the JDK's trust store, the URL's host, the JDK's protocols. */
        public static final Tls DEFAULT = new Tls(true, null, null, List.of());
        /** The URL schemes that run over TLS (the one list: the loader and the run both read it). */
        public static final List<String> SCHEMES = List.of("https", "wss", "tls");
        /** The protocol versions a client may be limited to (the one list: the loader and engine load read it). */
        public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

        /** Whether {@code scheme} (any case) runs over TLS. */
        public static boolean secure(String scheme) {
            return scheme != null && SCHEMES.contains(scheme.toLowerCase(java.util.Locale.ROOT));
        }

        public Tls {
            protocols = List.copyOf(protocols == null ? List.of() : protocols);
        }
    }

    /** True when the engine starts (and stops) this server itself. */
    public boolean managed() {
        return start != null;
    }

    /** How a framework is started: a shell command or one of the engine's built-in servers. */
    public sealed interface Start permits Command, Builtin {
    }

    /** A command line run by {@code /bin/sh -c} in its own process group. */
    public record Command(String shell) implements Start {
        public Command {
            Objects.requireNonNull(shell, "shell");
        }
    }

    /** One of the engine's own servers ({@code engine serve NAME}), run as a separate JVM. */
    public record Builtin(String server) implements Start {
        /** The servers {@code builtin:NAME} may name. */
        public static final List<String> NAMES = List.of("hello", "chat", "ws-echo", "ws-chat");

        public Builtin {
            if (!NAMES.contains(server)) {
                throw new IllegalArgumentException("unknown built-in server " + server);
            }
        }
    }

    /**
     * A check that must succeed before the framework is started.
     *
     * @param command shell command; exit status 0 means the requirement holds
     * @param hint    what to tell the user when it fails (e.g. how to install what is missing);
     *                may be null, then the command and its output are shown
     */
    public record Requirement(String command, String hint) {
        public Requirement {
            Objects.requireNonNull(command, "command");
        }
    }
}
