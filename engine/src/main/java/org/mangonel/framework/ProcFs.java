package org.mangonel.framework;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads Linux's {@code /proc}: which processes belong to a session, and their CPU and memory. */
final class ProcFs {
    static final Path ROOT = Path.of("/proc");
    private static final long CLOCK_TICKS = sysconf("CLK_TCK", 100);
    private static final long PAGE_BYTES = sysconf("PAGESIZE", 4096);

    private ProcFs() {
    }

    static boolean available() {
        return Files.isReadable(ROOT.resolve("self/stat"));
    }

    /** One process's figures. */
    record Stat(long pid, long session, long cpuNs, long rssBytes) {
    }

    /** Every process whose session id is {@code session}. */
    static List<Stat> session(long session) {
        List<Stat> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ROOT, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                Stat s = stat(Long.parseLong(dir.getFileName().toString()));
                if (s != null && s.session() == session) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The figures of one process, or null if it is gone. */
    static Stat stat(long pid) {
        String text;
        try {
            text = Files.readString(ROOT.resolve(pid + "/stat"));
        } catch (IOException e) {
            return null;
        }
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = text.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state); field N is f[N - 3]
        if (f.length < 22) {
            return null;
        }
        long session = Long.parseLong(f[6 - 3]);
        long ticks = Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]) + Long.parseLong(f[16 - 3])
                + Long.parseLong(f[17 - 3]);
        long rssPages = Long.parseLong(f[24 - 3]);
        return new Stat(pid, session, ticks * 1_000_000_000L / CLOCK_TICKS, rssPages * PAGE_BYTES);
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static long sysconf(String name, long fallback) {
        Shell.Result r = Shell.run("getconf " + name, Path.of("/"), java.util.Map.of(), 5000);
        try {
            return r.ok() ? Long.parseLong(r.firstLine()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
