package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frameworks that fail in every way a framework can: each is reported, and the run goes on. */
class FrameworkFailuresEndToEndTest {
    @Test
    void eachFailureIsReportedWithItsReasonAndTheRestIsMeasured(@TempDir Path dir) throws Exception {
        Path servers = CliTest.REPO.resolve("scenarios/servers").toAbsolutePath();
        String scenario = """
                name: failures
                duration: 3s
                warmup: 0s
                concurrency: [4]
                timeout: 500ms
                connect_timeout: 500ms
                frameworks:
                  - name: dies
                    # serves for a second, then exits in the middle of the window
                    start: exec timeout -s KILL 1.5 python3 %s/hello_asyncio.py --port {port}
                  - name: cannot-start
                    start: 'echo "ModuleNotFoundError: No module named nothing" >&2; exit 3'
                  - name: never-ready
                    start: sleep 30
                    ready: 1s
                  - name: missing
                    start: python3 -c pass
                    requires:
                      - command: python3 -c "import no_such_module_here"
                        hint: "no_such_module_here is not installed: apt-get install python3-no-such"
                  - name: no-folder
                    start: python3 -c pass
                    cwd: no-such-folder
                  - name: fine
                    start: builtin:hello
                benchmarks:
                  - name: hello
                    urls: [/]
                """.formatted(servers);
        Path file = dir.resolve("failures.yaml");
        Files.writeString(file, scenario);
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.EXPECTATION_FAILED, o.code(), "a framework failed: " + o.err());

        Map<String, Object> results = ResultsTree.read(out);
        List<Map<String, Object>> fws = ResultsTree.frameworks(results);
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        fws.forEach(f -> byName.put((String) f.get("name"), f));

        Map<String, Object> dies = byName.get("dies");
        assertEquals("failed", dies.get("status"));
        assertTrue(((String) dies.get("reason")).contains("the server exited during the run"), dies.toString());
        Map<String, Object> run = ResultsTree.list(ResultsTree.list(dies.get("levels")).get(0).get("runs")).get(0);
        Map<String, Object> errors = ResultsTree.map(run.get("errors"));
        assertTrue(ResultsTree.number(run.get("requests")) > 0, "measured before it died");
        assertTrue(ResultsTree.number(errors.get("connect")) > 0, "then connect errors: " + errors);
        assertTrue(ResultsTree.number(errors.get("connect")) < 200, "with backoff, not a busy loop: " + errors);

        Map<String, Object> cannot = byName.get("cannot-start");
        assertEquals("failed", cannot.get("status"));
        assertTrue(((String) cannot.get("reason")).contains("exited with status 3"), cannot.toString());
        assertTrue(((String) cannot.get("log_tail")).contains("No module named nothing"), "the log's end is shown");

        Map<String, Object> never = byName.get("never-ready");
        assertEquals("failed", never.get("status"));
        assertTrue(((String) never.get("reason")).contains("did not accept connections"), never.toString());

        Map<String, Object> missing = byName.get("missing");
        assertEquals("skipped", missing.get("status"));
        assertEquals("no_such_module_here is not installed: apt-get install python3-no-such", missing.get("reason"));

        Map<String, Object> noFolder = byName.get("no-folder");
        assertEquals("failed", noFolder.get("status"));
        assertTrue(((String) noFolder.get("reason")).contains("working folder (cwd:) ")
                && ((String) noFolder.get("reason")).contains("no-such-folder does not exist"), noFolder.toString());

        assertEquals("ok", byName.get("fine").get("status"), "the run went on");
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("No module named nothing") && md.contains("apt-get install python3-no-such"), md);
        assertTrue(md.contains("- Server dies: failed") || md.contains("- dies: failed"), "the level's failure: " + md);
        assertTrue(md.contains("\n\n**Not measured:**"), "a paragraph of its own, not folded into a bullet: " + md);
        ResultsTree.assertNoProcessLeft();
    }

    /**
     * A server that dies in the second repetition, after a first one measured: the run measured
     * something (status ok, the window on the page), and the framework failed (exit 1), not
     * "nothing could be measured" (exit 3, status failed).
     */
    @Test
    void aServerDyingAfterAMeasuredWindowFailsItsFrameworkNotTheRun(@TempDir Path dir) throws Exception {
        Path server = dir.resolve("dies_second.py");
        // serves; 4.5 s after it first holds 4 connections (the first 3-s repetition under way),
        // it exits: after that window and its drain (at most the 1-s timeout), inside the second
        // one; a late timer on a busy machine only moves the exit later into the second window
        Files.writeString(server, """
                import asyncio, os, sys
                open_now, armed = 0, False
                async def serve(reader, writer):
                    global open_now, armed
                    open_now += 1
                    if open_now >= 4 and not armed:
                        armed = True
                        asyncio.get_running_loop().call_later(4.5, os._exit, 9)
                    try:
                        while await reader.readuntil(b"\\r\\n\\r\\n"):
                            writer.write(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok")
                    except Exception:
                        pass
                    open_now -= 1
                    writer.close()
                async def main():
                    s = await asyncio.start_server(serve, "127.0.0.1", int(sys.argv[1]))
                    await s.serve_forever()
                asyncio.run(main())
                """);
        Path file = dir.resolve("dies.yaml");
        Files.writeString(file, """
                name: dies-later
                duration: 3s
                warmup: 0s
                repetitions: 2
                concurrency: [4]
                timeout: 1s
                connect_timeout: 1s
                frameworks:
                  - name: dies-second
                    start: exec python3 %s {port}
                benchmarks:
                  - name: hello
                    urls: [/]
                    verify: false
                """.formatted(server));
        Path out = dir.resolve("run");
        CliTest.Outcome o = CliTest.run(file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.EXPECTATION_FAILED, o.code(), "a framework failed, after a measured window: " + o.err());
        Map<String, Object> results = ResultsTree.read(out);
        assertEquals("ok", results.get("status"), "something was measured");
        Map<String, Object> fw = ResultsTree.frameworks(results).get(0);
        assertEquals("failed", fw.get("status"));
        List<Map<String, Object>> runs = ResultsTree.list(ResultsTree.list(fw.get("levels")).get(0).get("runs"));
        assertEquals("ok", runs.get(0).get("status"), "the first repetition measured: " + runs);
        assertTrue(ResultsTree.number(runs.get(0).get("requests")) > 0, runs.toString());
        ResultsTree.assertNoProcessLeft();
    }
}
