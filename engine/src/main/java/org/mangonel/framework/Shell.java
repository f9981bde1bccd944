package org.mangonel.framework;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to completion (requirements, version probes, and each {@code ssh} to a
 * server host). Any thread.
 */
public final class Shell {
    private Shell() {
    }

    /**
     * @param exitCode the command's exit status, or -1 when it timed out or could not run
     * @param output   stdout and stderr, interleaved, trimmed
     */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The last non-empty line of output, or "". */
        public String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1].strip();
        }

        /** The first non-empty line of output, or "". */
        public String firstLine() {
            for (String line : output.split("\n")) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
            return "";
        }
    }

    /** Runs {@code /bin/sh -c command}, waiting at most {@code timeoutMs}. */
    public static Result run(String command, Path cwd, Map<String, String> env, long timeoutMs) {
        return run(List.of("/bin/sh", "-c", command), cwd, env, timeoutMs);
    }

    /** Runs a program with its arguments (no shell), waiting at most {@code timeoutMs}. */
    public static Result run(List<String> argv, Path cwd, Map<String, String> env, long timeoutMs) {
        Path out = null;
        try {
            out = Files.createTempFile("mangonel-sh", ".out");
            ProcessBuilder pb = new ProcessBuilder(argv);
            pb.directory(cwd.toFile());
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            pb.redirectOutput(out.toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutMs + " ms");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            return new Result(p.exitValue(), text.length() > 4000 ? text.substring(text.length() - 4000) : text.strip());
        } catch (IOException e) {
            return new Result(-1, "cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
