package org.mangonel.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Creates the folder a run writes to: {@code <base>/<scenario>/<UTC timestamp>/}, or a folder the
 * user named. Never reuses a folder that already holds something, so no earlier run is overwritten.
 */
public final class OutputFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private OutputFolder() {
    }

    /** A new timestamped folder under {@code base/scenarioName}. */
    public static Path createTimestamped(Path base, String scenarioName, Instant now) throws IOException {
        Path parent = base.resolve(scenarioName);
        Files.createDirectories(parent);
        String stamp = STAMP.format(now);
        for (int i = 1; i < 1000; i++) {
            Path candidate = parent.resolve(i == 1 ? stamp : stamp + "-" + i);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // same second as another run: try the next suffix
            }
        }
        throw new IOException("cannot create a new folder under " + parent);
    }

    /**
     * The folder the user named: created if missing, accepted if empty.
     *
     * @throws IllegalArgumentException if it exists and is not an empty directory
     */
    public static Path useExplicit(Path dir) throws IOException {
        if (usable(dir)) {
            return dir;
        }
        return Files.createDirectories(dir);
    }

    /**
     * Whether the folder the user named exists already (empty); false when it is still to be
     * made. Creates nothing: what {@code --dry-run} checks.
     *
     * @throws IllegalArgumentException if it exists and is not an empty directory
     */
    public static boolean usable(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--out " + dir + " is a file, not a folder");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("--out " + dir
                            + " is not empty; a run never overwrites an earlier one, choose a new folder");
                }
            }
            return true;
        }
        return false;
    }
}
