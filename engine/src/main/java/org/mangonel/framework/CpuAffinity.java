package org.mangonel.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pins processes to CPUs with {@code taskset} (util-linux), so a server and the client can be kept
 * on separate cores. Servers are started under {@code taskset -c}; the engine pins all its own
 * threads with {@code taskset -a -p} and restores its previous mask afterwards.
 */
public final class CpuAffinity {
    private static final boolean HAVE_TASKSET = Files.isExecutable(Path.of("/usr/bin/taskset"))
            || Files.isExecutable(Path.of("/bin/taskset"));
    /** CPUs the engine could use when it started (before any pinning). */
    private static final int CPUS_AT_START = Runtime.getRuntime().availableProcessors();

    private CpuAffinity() {
    }

    /** Why {@code cpus} cannot be applied here, or empty when it can. */
    public static Optional<String> problem(String cpus) {
        if (!HAVE_TASKSET) {
            return Optional.of("taskset is not installed (util-linux)");
        }
        for (String part : cpus.split(",")) {
            String[] range = part.split("-");
            int highest = Integer.parseInt(range[range.length - 1]);
            if (highest >= CPUS_AT_START) {
                return Optional.of("CPU " + highest + " does not exist here (" + CPUS_AT_START + " CPUs: 0-"
                        + (CPUS_AT_START - 1) + ")");
            }
        }
        return Optional.empty();
    }

    /** {@code argv} run under {@code taskset -c cpus}. */
    public static List<String> wrap(String cpus, List<String> argv) {
        List<String> out = new ArrayList<>(List.of("taskset", "-c", cpus));
        out.addAll(argv);
        return out;
    }

    /**
     * Pins every thread of this process to {@code cpus}; returns the previous mask (to give to
     * {@link #restoreSelf}), or empty if pinning failed.
     */
    public static Optional<String> pinSelf(String cpus) {
        long pid = ProcessHandle.current().pid();
        Shell.Result current = Shell.run("taskset -p " + pid, Path.of("/"), Map.of(), 5000);
        if (!current.ok()) {
            return Optional.empty();
        }
        String line = current.firstLine();
        String mask = line.substring(line.lastIndexOf(':') + 1).trim();
        Shell.Result pinned = Shell.run("taskset -a -p -c " + cpus + " " + pid, Path.of("/"), Map.of(), 5000);
        return pinned.ok() ? Optional.of(mask) : Optional.empty();
    }

    /** Gives every thread of this process the mask {@link #pinSelf} returned. */
    public static void restoreSelf(String mask) {
        Shell.run("taskset -a -p " + mask + " " + ProcessHandle.current().pid(), Path.of("/"), Map.of(), 5000);
    }
}
