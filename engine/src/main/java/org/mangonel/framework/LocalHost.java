package org.mangonel.framework;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** This machine: commands run in a {@code /bin/sh} here, servers are child processes. Any thread. */
public final class LocalHost implements Host {
    private final Path scenarioDir;

    /** @param scenarioDir where relative working directories start */
    public LocalHost(Path scenarioDir) {
        this.scenarioDir = scenarioDir;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public String address() {
        return "127.0.0.1";
    }

    @Override
    public String directory(String cwd) {
        return scenarioDir.resolve(cwd == null ? "." : cwd).normalize().toString();
    }

    @Override
    public Shell.Result run(String command, String cwd, Map<String, String> env, long timeoutMs) {
        return Shell.run(command, Path.of(cwd), env, timeoutMs);
    }

    @Override
    public int freePort(String bindHost) {
        return FreePort.pick(bindHost);
    }

    @Override
    public Optional<String> cpusProblem(String cpus) {
        return CpuAffinity.problem(cpus);
    }

    @Override
    public Optional<String> builtinProblem() {
        return Optional.empty();
    }

    @Override
    public List<String> builtinArgv(String server, String listenHost, int port) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The class path made absolute: the server runs in the scenario's folder, not ours.
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
        return Host.builtinCommand(java, classPath, server, listenHost, port);
    }

    @Override
    public ServerProcess start(List<String> argv, String cwd, Map<String, String> env, Path log, String label)
            throws IOException {
        if (!Files.isDirectory(Path.of(cwd))) {
            // else the JDK's message names the first program it tried to run (setsid) as missing
            throw new IOException("its working folder (cwd:) " + cwd + " does not exist");
        }
        return ServerProcess.start(argv, Path.of(cwd), env, log);
    }
}
