package org.mangonel.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Describes the machine a run happens on, for results and reports. */
public final class EnvironmentProbe {
    private EnvironmentProbe() {
    }

    /** This machine's host name, as a shard reports where it ran. */
    public static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    public static Map<String, Object> collect() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("host", host());
        env.put("os", osName());
        env.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("arch", System.getProperty("os.arch"));
        env.put("cpu_model", cpuModel());
        env.put("cores", Runtime.getRuntime().availableProcessors());
        var os = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class);
        env.put("memory_bytes", os.getTotalMemorySize());
        env.put("java", System.getProperty("java.runtime.name", "Java") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version")));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        return env;
    }

    /**
     * This machine as the client of a run: its name, and what {@link #collect()} says of its OS,
     * CPU and memory (results.json's {@code environment.client}, beside the servers' hosts).
     */
    public static Map<String, Object> client() {
        Map<String, Object> all = collect();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hostname", hostname());
        for (String key : new String[] {"os", "kernel", "arch", "cpu_model", "cores", "memory_bytes"}) {
            out.put(key, all.get(key));
        }
        return out;
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: fall back to the JVM's name
        }
        return System.getProperty("os.name");
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
