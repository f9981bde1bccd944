package org.mangonel.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts the engine runs on a server host, run here in {@code /bin/sh} without ssh (what
 * ssh adds is carrying their input and output): the leash starts a server in its own session and
 * stops all of it, on request and when its input ends; the sampler reports a session's processes.
 */
class RemoteScriptsTest {
    @BeforeAll
    static void linux() {
        Assumptions.assumeTrue(ProcFs.available() && Files.isExecutable(Path.of("/usr/bin/setsid")),
                "needs Linux /proc and setsid");
    }

    /** The leash on /bin/sh; its stdout lines are read as they come. */
    private record Leash(Process process, BufferedReader out) {
        String line() throws Exception {
            String l = out.readLine();
            return l == null ? "<end>" : l;
        }

        /** The next two lines, "exit N" first (the leash and its stopper write them concurrently). */
        List<String> exitAndStopped() throws Exception {
            List<String> two = new ArrayList<>(List.of(line(), line()));
            two.sort((a, b) -> a.startsWith("exit") ? -1 : b.startsWith("exit") ? 1 : 0);
            return two;
        }

        void say(String line) throws Exception {
            OutputStream in = process.getOutputStream();
            if (line != null) {
                in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            in.close();
        }
    }

    private static Leash leash(Path dir, String shell, Duration grace) throws Exception {
        String script = Sh.LIB + "\n" + SshHost.leashScript(List.of("/bin/sh", "-c", shell), dir.toString(),
                Map.of("GREETING", "it's {quoted}"), dir.resolve("logs/server.log").toString(), grace);
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectError(dir.resolve("leash.err").toFile())
                .start();
        return new Leash(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    private static long pid(Leash leash) throws Exception {
        String first = leash.line();
        assertTrue(first.startsWith("pid "), first);
        return Long.parseLong(first.substring(4));
    }

    /** The live processes of a session here. */
    private static List<Long> members(long session) {
        List<Long> out = new ArrayList<>();
        for (ProcFs.Stat s : ProcFs.session(session)) {
            String stat;
            try {
                stat = Files.readString(Path.of("/proc/" + s.pid() + "/stat"));
            } catch (Exception gone) {
                continue;
            }
            if (stat.charAt(stat.lastIndexOf(')') + 2) != 'Z') {
                out.add(s.pid());
            }
        }
        return out;
    }

    private static void awaitEmpty(long session, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (!members(session).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), members(session), "nothing of session " + session + " is left");
    }

    @Test
    void termStopsTheWholeSessionAndTheLogHasTheServersOutput(@TempDir Path dir) throws Exception {
        Leash leash = leash(dir, "echo \"$GREETING\"; sleep 300 & sleep 300 & wait", Duration.ofSeconds(5));
        long pid = pid(leash);
        Thread.sleep(300);
        assertEquals(3, members(pid).size(), "the shell and its two children, in their own session");
        leash.say("term 2000");
        assertEquals(List.of("exit 143", "stopped 0"), leash.exitAndStopped(), "SIGTERM ended it: nothing needed SIGKILL");
        assertEquals("<end>", leash.line());
        assertTrue(leash.process().waitFor(5, TimeUnit.SECONDS));
        awaitEmpty(pid, 2000);
        assertEquals("it's {quoted}\n", Files.readString(dir.resolve("logs/server.log")));
    }

    @Test
    void whatIgnoresSigtermIsKilledAfterTheGrace(@TempDir Path dir) throws Exception {
        Leash leash = leash(dir, "trap '' TERM; sleep 300 & wait; wait", Duration.ofSeconds(5));
        long pid = pid(leash);
        Thread.sleep(300);
        long t0 = System.nanoTime();
        leash.say("term 500");
        assertEquals(List.of("exit 137", "stopped 2"), leash.exitAndStopped(),
                "the shell and its child ignored SIGTERM and were killed");
        double took = (System.nanoTime() - t0) / 1e9;
        assertTrue(took >= 0.45 && took < 5, "after the grace period: " + took + " s");
        awaitEmpty(pid, 2000);
    }

    @Test
    void theEndOfItsInputStopsTheServerAsADroppedConnectionWould(@TempDir Path dir) throws Exception {
        Leash leash = leash(dir, "sleep 300", Duration.ofMillis(300));
        long pid = pid(leash);
        leash.say(null); // no word: the engine (or its connection) is gone
        assertEquals(List.of("exit 143", "stopped 0"), leash.exitAndStopped());
        awaitEmpty(pid, 2000);
    }

    @Test
    void killIsAtOnceAndAServerThatExitedByItselfIsReported(@TempDir Path dir) throws Exception {
        Leash quick = leash(dir, "exit 3", Duration.ofSeconds(5));
        long pid = pid(quick);
        assertEquals("exit 3", quick.line(), "its exit is reported when it happens");
        quick.say("kill");
        assertEquals("stopped 0", quick.line());
        awaitEmpty(pid, 1000);

        Leash stubborn = leash(dir, "trap '' TERM; sleep 300", Duration.ofSeconds(30));
        long other = pid(stubborn);
        Thread.sleep(300); // its trap is set
        long t0 = System.nanoTime();
        stubborn.say("kill");
        assertEquals(List.of("exit 137", "stopped 2"), stubborn.exitAndStopped(), "the shell and its sleep");
        assertTrue((System.nanoTime() - t0) / 1e9 < 3, "no grace period");
        awaitEmpty(other, 1000);
    }

    @Test
    void aServerThatCannotStartIsReportedBeforeAnyPid(@TempDir Path dir) throws Exception {
        String script = Sh.LIB + "\n" + SshHost.leashScript(List.of("true"), dir.resolve("missing").toString(),
                Map.of(), dir.resolve("logs/x.log").toString(), Duration.ofSeconds(1));
        Process p = new ProcessBuilder("/bin/sh", "-c", script).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals("", out, "no pid");
        assertTrue(err.contains("missing"), "the shell says why: " + err);
    }

    @Test
    void theSamplerReportsEveryProcessOfTheSessionThenTheKnownOnes() throws Exception {
        Process server = new ProcessBuilder("setsid", "/bin/sh", "-c", "sleep 300 & sleep 300 & wait").start();
        Process sampler = new ProcessBuilder("/bin/sh", "-c", "SESSION=" + server.pid() + "\n"
                + Sh.resource("sampler.sh")).start();
        try {
            Thread.sleep(300);
            BufferedReader out = new BufferedReader(new InputStreamReader(sampler.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream in = sampler.getOutputStream();
            in.write("all\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            List<String> all = new ArrayList<>();
            for (String l = out.readLine(); !l.equals("."); l = out.readLine()) {
                all.add(l);
            }
            assertEquals(3, all.size(), all.toString());
            for (String l : all) {
                String[] f = l.split(" ");
                assertEquals(3, f.length, l);
                assertTrue(Long.parseLong(f[2]) > 0, "resident pages: " + l);
            }
            in.write((server.pid() + "/stat 999999999/stat\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            assertTrue(out.readLine().startsWith(server.pid() + " "), "the known one");
            assertEquals(".", out.readLine(), "a process that is gone is left out");
            in.close();
            assertTrue(sampler.waitFor(5, TimeUnit.SECONDS), "ends with its input");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            sampler.destroyForcibly();
        }
    }

    @Test
    void quotingSurvivesTheShell() throws Exception {
        for (String s : List.of("plain", "", "it's", "a b\tc", "$HOME `id` \"q\" \\ ;|&", "{port}", "-n")) {
            Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + Sh.quote(s)).start();
            String got = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(5, TimeUnit.SECONDS));
            assertEquals(s, got);
        }
        assertFalse(Sh.join(List.of("a", "b c")).contains("\"b c\""));
    }
}
