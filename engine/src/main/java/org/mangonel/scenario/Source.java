package org.mangonel.scenario;

import java.util.Objects;

/**
 * Where a scenario was read from.
 *
 * @param file      the path as the user gave it
 * @param directory the directory holding the file, absolute; commands run here by default
 * @param sha256    hex SHA-256 of the file's bytes, recorded in results so a report can be
 *                  traced to the exact scenario that produced it
 */
public record Source(String file, String directory, String sha256) {
    public Source {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(sha256, "sha256");
    }
}
