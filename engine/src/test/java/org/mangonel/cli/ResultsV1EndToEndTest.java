package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code mangonel-results/1} file (the reference page published before results became
 * typed, kept under src/test/resources/v1) still renders, exports and compares.
 */
class ResultsV1EndToEndTest {
    private static final Path V1 = Path.of("src/test/resources/v1/python-frameworks.results.json");

    @Test
    void aVersionOneFileRendersExportsAndCompares(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.json");
        Files.copy(V1, results, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.readString(results).contains("\"mangonel-results/1\""));

        CliTest.Outcome pages = CliTest.run("report", results.toString());
        assertEquals(0, pages.code(), pages.err());
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| asyncore | 107,797 |"), "the v1 figures, as published");
        assertTrue(Files.readString(dir.resolve("report.html")).contains("<svg"), "charts from a v1 file too");

        Path csv = dir.resolve("csv");
        CliTest.Outcome export = CliTest.run("report", results.toString(), "--format", "csv", "--out", csv.toString());
        assertEquals(0, export.code(), export.err());
        long rows = Files.readAllLines(csv.resolve("results.csv")).size();
        assertEquals(1 + 14 * 3, rows, "a header and one row per run: 14 frameworks, 3 runs each");

        CliTest.Outcome same = CliTest.run("compare", results.toString(), results.toString(), "--out",
                dir.resolve("cmp").toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(same.out().contains("within noise"), same.out());
    }
}
