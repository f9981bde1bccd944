package org.mangonel.framework;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A machine frameworks run on: this one ({@link LocalHost}) or another reached over SSH
 * ({@link SshHost}). Each step of a framework's lifecycle that touches its machine goes through
 * here, so the rest of the lifecycle does not ask which it has. The load never does: it always
 * comes from this machine, to the framework's URL.
 */
public sealed interface Host permits LocalHost, SshHost {
    /** How the user named it: "local", or the SSH destination as given. */
    String name();

    /** Whether it is another machine. */
    boolean remote();

    /** The name a URL reaches it by from this machine: what {@code {host}} in a url stands for. */
    String address();

    /** Where a framework's working directory ({@code cwd}, relative or absolute; null for the default) is there. */
    String directory(String cwd);

    /**
     * Runs a short shell command there (a requirement, a version probe).
     *
     * @throws HostException when the host could not be reached to run it
     */
    Shell.Result run(String command, String cwd, Map<String, String> env, long timeoutMs) throws HostException;

    /** A TCP port nothing listens on there right now; {@code bindHost} is the address the server will listen on. */
    int freePort(String bindHost) throws IOException;

    /** Why the CPU list {@code cpus} cannot be pinned there, or empty when it can. */
    Optional<String> cpusProblem(String cpus);

    /** Why the engine's built-in servers cannot run there (no Java 17 or newer), or empty when they can. */
    Optional<String> builtinProblem();

    /**
     * The JVM options a built-in server ({@code engine serve NAME}) runs with: the same defaults
     * as bin/engine (the serial collector, no collector threads beside the loop; no boxing per
     * ready descriptor), and a heap that starts small and shrinks at once after a full collection,
     * instead of in steps: a relay collects when its last client has left, so that the memory an
     * overload took is not charged to every later window.
     */
    List<String> BUILTIN_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:AutoBoxCacheMax=65536", "-Xms16m",
            "-XX:-ShrinkHeapInSteps", "-XX:MaxHeapFreeRatio=40");

    /** {@code java}, the {@link #BUILTIN_JVM_FLAGS}, then {@code engine serve SERVER} on that class path. */
    static List<String> builtinCommand(String java, String classPath, String server, String listenHost, int port) {
        List<String> argv = new java.util.ArrayList<>(List.of(java));
        argv.addAll(BUILTIN_JVM_FLAGS);
        argv.addAll(List.of("-cp", classPath, "org.mangonel.cli.Main", "serve", server, "--host", listenHost,
                "--port", String.valueOf(port)));
        return argv;
    }

    /** The command line of a built-in server ({@code engine serve NAME}) there. */
    List<String> builtinArgv(String server, String listenHost, int port);

    /**
     * Starts {@code argv} there in a new session (its own process group), its output going to a log
     * that ends up in {@code log} on this machine.
     *
     * @param label a short name for the log's file name there
     */
    ServerProcess start(List<String> argv, String cwd, Map<String, String> env, Path log, String label)
            throws IOException;
}
