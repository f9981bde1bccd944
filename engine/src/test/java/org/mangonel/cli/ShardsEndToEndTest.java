package org.mangonel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mangonel.servers.HelloServer;
import org.mangonel.servers.ServerLoops;
import org.mangonel.stats.HistogramCodec;
import org.mangonel.stats.LatencySummary;
import org.mangonel.stats.Recorder;

/**
 * Two shards of one run against one server, side by side with a common start, then merged: the
 * merged counts are the shards' sums, its histogram holds every request, its percentiles are those
 * of the shards' histograms added (never averaged). And every merge that must not happen is
 * refused in one line, exit 2.
 */
class ShardsEndToEndTest {
    private static String scenario(int port, String extra) {
        return String.join("\n",
                "name: sharded",
                "duration: 1500ms",
                "warmup: 500ms",
                "concurrency: [6]",
                "threads: 1",
                extra,
                "frameworks:",
                "  - name: hello",
                "    url: http://127.0.0.1:" + port,
                "benchmarks:",
                "  - name: hello",
                "    urls: [/]",
                "");
    }

    /**
     * A shard that begins after its first warm-up has ended (a start in the past) sends the
     * messages already due in one burst; they are due in the window, so they count as sent and
     * expected like every other: every delivery has its expected message, none is lost.
     */
    @Test
    void aShardStartingAfterItsWarmUpCountsTheMessagesItCatchesUpOn(@TempDir Path dir) throws Exception {
        try (ServerLoops server = org.mangonel.servers.ChatServer.start(new InetSocketAddress("127.0.0.1", 0))) {
            Path yaml = dir.resolve("late.yaml");
            Files.writeString(yaml, String.join("\n",
                    "name: late",
                    "duration: 2s",
                    "warmup: 300ms",
                    "concurrency: [8]",
                    "threads: 1",
                    "frameworks:",
                    "  - name: chat",
                    "    url: tcp://127.0.0.1:" + server.port(),
                    "benchmarks:",
                    "  - name: fanout",
                    "    protocol: chat",
                    "    join: \"NICK user{client}\"",
                    "    message_rate: 20/s",
                    "    message_size: 64",
                    "    drain: 1s",
                    "    verify: false",
                    ""));
            // the first warm-up ended 700 ms before the engine can begin
            String start = Instant.now().minusSeconds(1).toString();
            Path out = dir.resolve("late");
            CliTest.Outcome o = CliTest.run(yaml.toString(), "--shard", "0/1", "--start-at", start, "--out", out.toString());
            assertEquals(0, o.code(), o.err());
            Map<String, Object> r = run(ResultsTree.read(out));
            assertTrue(ResultsTree.number(r.get("late_ms")) > 300, "the window is marked late: " + r.get("late_ms"));
            Map<String, Object> messages = ResultsTree.map(r.get("messages"));
            long sent = ResultsTree.number(messages.get("sent"));
            long expected = ResultsTree.number(messages.get("expected"));
            assertEquals(8L * 20 * 2, sent, "every message due in the 2 s window, the late ones included");
            assertEquals(sent * 7, expected);
            assertEquals(expected, ResultsTree.number(messages.get("delivered")), "each delivery was expected");
        }
    }

    @Test
    void twoShardsSideBySideMergeExactly(@TempDir Path dir) throws Exception {
        try (ServerLoops server = HelloServer.start(new InetSocketAddress("127.0.0.1", 0), 1)) {
            Path yaml = dir.resolve("sharded.yaml");
            Files.writeString(yaml, scenario(server.port(), "rate: 2000/s"));
            // One instant for both (as deploy/slurm/submit.sh does): two --start-in 5s read a moment
            // apart on either side of a second's end would round to starts a second apart.
            String start = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
            List<CompletableFuture<CliTest.Outcome>> shards = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String out = dir.resolve("shard-" + i).toString();
                String shard = i + "/2";
                shards.add(CompletableFuture.supplyAsync(() -> CliTest.run(yaml.toString(), "--shard", shard,
                        "--start-at", start, "--out", out)));
            }
            for (CompletableFuture<CliTest.Outcome> s : shards) {
                assertEquals(0, s.get().code(), s.get().err());
            }
            Path merged = dir.resolve("merged");
            CliTest.Outcome o = CliTest.run("merge", dir.resolve("shard-0").toString(), dir.resolve("shard-1").toString(),
                    "--out", merged.toString());
            assertEquals(0, o.code(), o.err());
            Map<String, Object> m = run(ResultsTree.read(merged));
            long total = 0;
            Histogram added = new Histogram(Recorder.HIGHEST_TRACKABLE_US, 3);
            for (int i = 0; i < 2; i++) {
                Map<String, Object> s = run(ResultsTree.read(dir.resolve("shard-" + i)));
                total += ResultsTree.number(s.get("requests"));
                assertEquals(1000.0, ((Number) ResultsTree.map(s.get("open_model")).get("target_rps")).doubleValue(),
                        "a shard's target is its part of the schedule, not the whole run's");
                // the share achieved is near 100% (it read 50%: the shard's rate over the whole run's
                // target); not asserted at 99%, where the page's warning starts: a busy machine may
                // make a shard fall a little behind
                assertTrue(((Number) ResultsTree.map(s.get("open_model")).get("achieved_pct")).doubleValue() > 60,
                        "a shard's achieved share is of its own target: " + s.get("open_model"));
                added.add(HistogramCodec.decode((String) s.get("histogram")));
                assertEquals(ResultsTree.map(ResultsTree.read(dir.resolve("shard-0")).get("shards")).get("start_at"),
                        ResultsTree.map(ResultsTree.read(dir.resolve("shard-" + i)).get("shards")).get("start_at"),
                        "one common start");
            }
            assertEquals(total, ResultsTree.number(m.get("requests")), "merged requests are the shards' sum");
            assertEquals(2000.0, ((Number) ResultsTree.map(m.get("open_model")).get("target_rps")).doubleValue(),
                    "the merged target is the whole schedule");
            assertEquals(3000, total, "2000/s for 1.5 s: the shards together sent exactly the scenario's load");
            Histogram merged2 = HistogramCodec.decode((String) m.get("histogram"));
            assertEquals(total, merged2.getTotalCount(), "the merged histogram holds every request");
            LatencySummary recomputed = LatencySummary.of(added);
            Map<String, Object> latency = ResultsTree.map(m.get("latency_ms"));
            assertEquals(Math.round(recomputed.p50Ms() * 1000) / 1000.0, ((Number) latency.get("p50")).doubleValue());
            assertEquals(Math.round(recomputed.p99Ms() * 1000) / 1000.0, ((Number) latency.get("p99")).doubleValue());
            assertTrue(Files.isRegularFile(merged.resolve((String) m.get("hlog"))), "the merged interval log");
            assertEquals(2L, ResultsTree.number(ResultsTree.map(ResultsTree.read(merged).get("shards")).get("count")));
            assertTrue(Files.readString(merged.resolve("report.md")).contains("2 shards"), "the page says so");
            assertTrue(Files.readString(merged.resolve("report.md")).contains("with 2 event-loop threads over 2 shards"),
                    "the shards' threads added up (one each)");
            assertEquals(2L, ResultsTree.number(ResultsTree.map(ResultsTree.list(ResultsTree.read(merged)
                    .get("benchmarks")).get(0).get("settings")).get("threads")));
            // a shard's results.json named for its folder
            CliTest.Outcome byFile = CliTest.run("merge", dir.resolve("shard-0/results.json").toString(),
                    dir.resolve("shard-1/results.json").toString(), "--out", dir.resolve("m6").toString());
            assertEquals(0, byFile.code(), byFile.err());

            // refusals: a missing shard, a shard twice, a folder that is not a shard, a truncated file
            assertRefused("shard 1 of 2 is missing", "merge", dir.resolve("shard-0").toString(), "--out",
                    dir.resolve("m1").toString());
            assertRefused("is given twice", "merge", dir.resolve("shard-0").toString(), dir.resolve("shard-0")
                    .toString(), "--out", dir.resolve("m2").toString());
            Path truncated = dir.resolve("truncated");
            Files.createDirectories(truncated);
            String json = Files.readString(dir.resolve("shard-1/results.json"));
            Files.writeString(truncated.resolve("results.json"), json.substring(0, json.length() / 2));
            assertRefused("truncated", "merge", dir.resolve("shard-0").toString(), truncated.toString(), "--out",
                    dir.resolve("m3").toString());
            assertRefused("never writes into a shard's folder", "merge", dir.resolve("shard-0").toString(),
                    dir.resolve("shard-1").toString(), "--out", dir.resolve("shard-1").toString());
            Path otherRate = dir.resolve("shard-1-other-rate");
            copyTree(dir.resolve("shard-1"), otherRate);
            Files.writeString(otherRate.resolve("results.json"), json.replace("\"2000/s\"", "\"500/s\""));
            assertRefused("was run with another rate (benchmark", "merge", dir.resolve("shard-0").toString(),
                    otherRate.toString(), "--out", dir.resolve("m5").toString());
            assertTrue(!Files.exists(dir.resolve("m1")) && !Files.exists(dir.resolve("m2")), "nothing written");
            assertEquals(null, ResultsTree.map(ResultsTree.read(merged).get("shards")).get("late"), "one start: no note");

            // a shard whose window failed while shard 0's was fine: the merged window, level and
            // framework are failed, each with that shard's reason, named (it took shard 0's: none)
            Path failedShard = dir.resolve("shard-1-failed");
            copyTree(dir.resolve("shard-1"), failedShard);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode tree = (ObjectNode) mapper.readTree(json);
            ObjectNode fwNode = (ObjectNode) tree.get("benchmarks").get(0).get("frameworks").get(0);
            ObjectNode levelNode = (ObjectNode) fwNode.get("levels").get(0);
            ObjectNode runNode = (ObjectNode) levelNode.get("runs").get(0);
            for (ObjectNode n : List.of(fwNode, levelNode, runNode)) {
                n.put("status", "failed").put("reason", "the server exited during the run");
            }
            Files.writeString(failedShard.resolve("results.json"), mapper.writeValueAsString(tree));
            CliTest.Outcome withFailure = CliTest.run("merge", failedShard.toString(),
                    dir.resolve("shard-0").toString(), "--out", dir.resolve("m7").toString());
            org.mangonel.results.ResultsSchema.assertValid(dir.resolve("m7/results.json"));
            Map<String, Object> fw7 = ResultsTree.frameworks(org.mangonel.report.ReportRenderer.readResults(
                    dir.resolve("m7/results.json"))).get(0);
            Map<String, Object> level7 = ResultsTree.list(fw7.get("levels")).get(0);
            for (Map<String, Object> merged7 : List.of(fw7, level7, ResultsTree.list(level7.get("runs")).get(0))) {
                assertEquals("failed", merged7.get("status"), withFailure.err());
                assertEquals("shard 1: the server exited during the run", merged7.get("reason"));
            }

            // shards given different starts (e.g. --start-in read on either side of a second's end):
            // merged, and the merge says so rather than naming shard 0's start as everybody's
            Path other = dir.resolve("shard-1-later");
            copyTree(dir.resolve("shard-1"), other);
            String later = Instant.parse(start).plusSeconds(1).toString();
            Files.writeString(other.resolve("results.json"), json.replace("\"start_at\" : \"" + start + "\"",
                    "\"start_at\" : \"" + later + "\""));
            CliTest.Outcome apart = CliTest.run("merge", dir.resolve("shard-0").toString(), other.toString(), "--out",
                    dir.resolve("m4").toString());
            assertEquals(0, apart.code(), apart.err());
            String note = (String) ResultsTree.map(ResultsTree.read(dir.resolve("m4")).get("shards")).get("late");
            assertTrue(note != null && note.contains("not given one start (shard 0 at " + start + ", shard 1 at "
                    + later + ")"), "the merge notes the different starts: " + note);
            assertTrue(apart.out().contains("note: the shards were not given one start"), apart.out());
            assertTrue(Files.readString(dir.resolve("m4/report.md")).contains("not given one start"), "the page too");

            // a straddler interval after the window (the drain) stays in the merged log, but the
            // merged series ends with the window as each shard's does: no collapse drawn at its end
            List<Long> shardSeconds = seconds(run(ResultsTree.read(dir.resolve("shard-0"))));
            assertTrue(shardSeconds.get(shardSeconds.size() - 1) < 2, "a shard's series ends with its 1.5 s window");
            List<String> drained = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Path copy = dir.resolve("drained-" + i);
                copyTree(dir.resolve("shard-" + i), copy);
                Path hlog = copy.resolve((String) run(ResultsTree.read(copy)).get("hlog"));
                List<String> lines = Files.readAllLines(hlog);
                String last = lines.get(lines.size() - 1);
                int comma = last.indexOf(',');
                double startS = Double.parseDouble(last.substring(0, comma));
                Files.writeString(hlog, String.format(java.util.Locale.ROOT, "%.3f", startS + 1) + last.substring(comma)
                        + "\n", java.nio.file.StandardOpenOption.APPEND);
                drained.add(copy.toString());
            }
            Path m5 = dir.resolve("m5");
            CliTest.Outcome withDrain = CliTest.run("merge", drained.get(0), drained.get(1), "--out", m5.toString());
            assertEquals(0, withDrain.code(), withDrain.err());
            Map<String, Object> r5 = run(ResultsTree.read(m5));
            assertEquals(shardSeconds, seconds(r5), "the merged series covers the shards' seconds, no more");
            long intervals = Files.readAllLines(m5.resolve((String) r5.get("hlog"))).stream()
                    .filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0))).count();
            assertTrue(intervals > shardSeconds.size(), "the merged log keeps the intervals after the window: " + intervals);
        }
    }

    private static List<Long> seconds(Map<String, Object> run) {
        return ResultsTree.list(run.get("series")).stream().map(x -> ResultsTree.number(x.get("t"))).toList();
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void shardOptionsAreChecked(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, scenario(1, ""));
        assertRefused("the index must be from 0 to 1", yaml.toString(), "--shard", "3/2");
        assertRefused("the number of shards must be at least 1", yaml.toString(), "--shard", "0/0");
        assertRefused("--shard must be I/N", yaml.toString(), "--shard", "two");
        assertRefused("--start-at must be a UTC instant", yaml.toString(), "--start-at", "noon");
        Path started = dir.resolve("started.yaml");
        Files.writeString(started, scenario(1, "").replace("    url: http://127.0.0.1:1", "    start: builtin:hello"));
        assertRefused("frameworks in a sharded run are reached, not started", started.toString(), "--shard", "0/2");
    }

    private static void assertRefused(String reason, String... args) {
        CliTest.Outcome o = CliTest.run(args);
        assertEquals(ExitCodes.INVALID, o.code(), o.err());
        assertTrue(o.err().contains(reason), "'" + reason + "' in: " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
    }

    private static Map<String, Object> run(Map<String, Object> results) {
        Map<String, Object> level = ResultsTree.list(ResultsTree.frameworks(results).get(0).get("levels")).get(0);
        return ResultsTree.list(level.get("runs")).get(0);
    }
}
