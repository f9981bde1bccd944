package org.mangonel.framework;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A server on this machine: a child process under {@code setsid}, its session read from /proc. */
final class LocalServerProcess extends ServerProcess {
    private static final boolean HAVE_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"))
            || Files.isExecutable(Path.of("/bin/setsid"));

    private final Process process;
    private final Path log;
    private boolean stopped;

    private LocalServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static LocalServerProcess launch(List<String> argv, Path cwd, Map<String, String> env, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (HAVE_SETSID) {
            command.add("setsid");
        }
        command.addAll(argv);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.directory(cwd.toFile());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return new LocalServerProcess(pb.start(), log);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public ProcessTreeSampler sampler() {
        return ProcessTreeSampler.supported() ? new ProcessTreeSampler(process.pid()) : null;
    }

    @Override
    public void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        long session = process.pid();
        signalGroup("TERM", session);
        process.destroy(); // the server itself too: without setsid it leads no group of its own
        process.descendants().forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !sessionEmpty(session)) {
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sessionEmpty(session)) {
            signalGroup("KILL", session);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            for (ProcFs.Stat s : ProcFs.session(session)) {
                ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            process.destroyForcibly();
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void kill() {
        long session = process.pid();
        signalGroup("KILL", session);
        for (ProcFs.Stat s : ProcFs.session(session)) {
            ProcessHandle.of(s.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        process.destroyForcibly();
    }

    private boolean sessionEmpty(long session) {
        if (HAVE_SETSID && ProcFs.available()) {
            return ProcFs.session(session).stream().allMatch(s -> isZombie(s.pid()));
        }
        return !process.isAlive() && process.descendants().findAny().isEmpty();
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(ProcFs.ROOT.resolve(pid + "/stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && stat.length() > close + 2 && stat.charAt(close + 2) == 'Z';
        } catch (IOException e) {
            return true;
        }
    }

    private static void signalGroup(String signal, long group) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + group)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): the per-process fallbacks in stop() still apply
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
