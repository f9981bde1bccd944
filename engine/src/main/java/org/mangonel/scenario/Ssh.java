package org.mangonel.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How the engine reaches the hosts frameworks run on (their {@code host}): the scenario's
 * {@code ssh} section. It applies only to frameworks that have a host.
 *
 * @param identity       a private key file ({@code ssh -i}), relative to the scenario's folder, or
 *                       null for ssh's own choice (agent, {@code ~/.ssh/id_*})
 * @param options        more arguments for every {@code ssh} the engine runs, e.g.
 *                       {@code [-o, UserKnownHostsFile=known_hosts]}; they come first, so they win
 * @param sync           folders (relative to the scenario's folder, inside it) copied to each host,
 *                       to the same place under the run's folder there, before the first framework
 *                       starts
 * @param connectTimeout how long connecting to a host may take
 */
public record Ssh(String identity, List<String> options, List<String> sync, Duration connectTimeout) {
    /** No identity, no options, nothing to copy, 10 s to connect. */
    public static final Ssh DEFAULT = new Ssh(null, List.of(), List.of(), null);

    public Ssh {
        options = List.copyOf(options == null ? List.of() : options);
        sync = List.copyOf(sync == null ? List.of() : sync);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
    }
}
