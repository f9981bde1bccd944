package org.mangonel.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalLogTest {
    /** Two levels whose names are alike (a capacity step-down by message rate) keep a log each. */
    @Test
    void aNameTakenAlreadyGetsANumber(@TempDir Path dir) throws Exception {
        String stem = "runs/b/f/c20-r1";
        assertEquals(stem + ".hlog", IntervalLog.unused(dir, stem));
        Files.createDirectories(dir.resolve("runs/b/f"));
        Files.writeString(dir.resolve(stem + ".hlog"), "first");
        assertEquals(stem + "-2.hlog", IntervalLog.unused(dir, stem));
        Files.writeString(dir.resolve(stem + "-2.hlog"), "second");
        assertEquals(stem + "-3.hlog", IntervalLog.unused(dir, stem));
    }
}
