package org.mangonel.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The hosts of one run: this machine, and each SSH destination, connected to once when first
 * asked for and closed at the end of the run. A destination that could not be connected to keeps
 * its reason for the rest of the run, so that each of its frameworks fails at once with it.
 * Thread-safe.
 */
public final class Hosts implements AutoCloseable {
    private final LocalHost local;
    private final SshHost.Settings settings;
    private final Map<String, SshHost> open = new LinkedHashMap<>();
    private final Map<String, HostException> failed = new LinkedHashMap<>();
    private Path controlDir;

    /**
     * @param scenarioDir where a framework's relative {@code cwd} starts on this machine
     * @param settings    how to reach SSH destinations
     */
    public Hosts(Path scenarioDir, SshHost.Settings settings) {
        this.local = new LocalHost(scenarioDir);
        this.settings = settings;
    }

    public Host local() {
        return local;
    }

    /**
     * This machine for null, else the SSH host, connected (again, if its connection dropped since
     * it was last used).
     *
     * @throws HostException why it cannot be used
     */
    public synchronized Host get(String destination) throws HostException {
        if (destination == null) {
            return local;
        }
        SshHost host = open.get(destination);
        if (host != null) {
            host.ensureConnected();
            return host;
        }
        HostException known = failed.get(destination);
        if (known != null) {
            throw known;
        }
        try {
            Path dir = controlDir().resolve("h" + (open.size() + failed.size() + 1));
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new HostException("cannot make a folder for the SSH connection: " + e.getMessage());
            }
            host = SshHost.open(destination, settings, dir);
            open.put(destination, host);
            return host;
        } catch (HostException e) {
            failed.put(destination, e);
            throw e;
        }
    }

    /** What results.json says about each SSH host (see {@link SshHost#describe()}); {@code error} for one that failed. */
    public synchronized Map<String, Map<String, Object>> describe() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        open.forEach((name, host) -> out.put(name, host.describe()));
        failed.forEach((name, e) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("error", e.getMessage());
            out.put(name, m);
        });
        return out;
    }

    /**
     * A short private folder for the SSH control sockets (their paths are limited to 108 bytes), a
     * folder in it for each host.
     */
    private Path controlDir() throws HostException {
        if (controlDir == null) {
            try {
                controlDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir", "/tmp")), "mgn");
            } catch (IOException e) {
                throw new HostException("cannot make a folder for the SSH connections: " + e.getMessage());
            }
        }
        return controlDir;
    }

    /** Closes every SSH host (each stops what it still runs and removes its run folder). */
    @Override
    public synchronized void close() {
        open.values().forEach(SshHost::close);
        open.clear();
        if (controlDir != null) {
            try (Stream<Path> files = Files.walk(controlDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder left behind
            }
        }
    }
}
