package org.mangonel.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mangonel.results.ResultsJson;

/**
 * Waits until every shard of a sharded run has finished: {@code DIR/shard-0 .. shard-(N-1)} each
 * hold a {@code results.json} whose run status is no longer {@code running}. Kubernetes Jobs
 * cannot wait for one another, so the merge Job's init container runs this
 * ({@code engine k8s await-shards}) on the shared volume before {@code engine merge}.
 *
 * <p>The engine rewrites {@code results.json} atomically (write, then rename) as a run goes, with
 * {@code "status": "running"} until its last write, so a file read here is always whole. A shard
 * that ended in a way whose exit code is not 0 (the run failed or was interrupted, or a framework
 * failed) stops the wait at once: the merge is for complete, successful runs only, like the Slurm
 * merge job's {@code afterok}.
 */
final class ShardWait {
    /** How the wait ended. */
    enum Outcome {
        /** Every shard finished and succeeded. */
        DONE,
        /** A shard finished unsuccessfully. */
        SHARD_FAILED,
        /** The deadline passed first. */
        TIMED_OUT
    }

    /** A shard's state, and why, as one line. */
    record ShardState(int index, State state, String detail) {
        String line() {
            return "shard-" + index + ": " + detail;
        }
    }

    /** Where a shard is. */
    enum State {
        WAITING, DONE, FAILED
    }

    private final Path dir;
    private final int shards;
    private final Instant until;
    private final Duration poll;
    private final Clock clock;
    private final PrintStream out;

    ShardWait(Path dir, int shards, Instant until, Duration poll, Clock clock, PrintStream out) {
        this.dir = dir;
        this.shards = shards;
        this.until = until;
        this.poll = poll;
        this.clock = clock;
        this.out = out;
    }

    /** Polls until done, a shard failed, or the deadline. */
    Outcome await() throws InterruptedException {
        String previous = null;
        while (true) {
            List<ShardState> states = states();
            List<ShardState> failed = states.stream().filter(s -> s.state() == State.FAILED).toList();
            long done = states.stream().filter(s -> s.state() == State.DONE).count();
            if (!failed.isEmpty()) {
                for (ShardState s : failed) {
                    out.println("await-shards: " + s.line());
                }
                out.println("await-shards: not merging: " + failed.size() + " of " + shards
                        + " shard(s) did not succeed (their results are in " + dir + ")");
                return Outcome.SHARD_FAILED;
            }
            if (done == shards) {
                out.println("await-shards: all " + shards + " shard(s) of " + dir + " finished");
                return Outcome.DONE;
            }
            String summary = done + "/" + shards + " finished; " + String.join("; ", states.stream()
                    .filter(s -> s.state() == State.WAITING).map(ShardState::line).toList());
            if (!summary.equals(previous)) {
                out.println("await-shards: " + clock.instant() + " " + summary);
                previous = summary;
            }
            Instant now = clock.instant();
            if (!now.isBefore(until)) {
                out.println("await-shards: gave up at " + until + " with " + summary
                        + ". A shard pod that failed or never started writes nothing: see kubectl get pods,"
                        + " kubectl logs, and merge by hand once the shards are there");
                return Outcome.TIMED_OUT;
            }
            Duration left = Duration.between(now, until);
            Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left.toMillis())));
        }
    }

    /** Every shard's state now. */
    List<ShardState> states() {
        List<ShardState> states = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            states.add(state(i, dir.resolve("shard-" + i)));
        }
        return states;
    }

    static ShardState state(int index, Path shardDir) {
        Path file = shardDir.resolve("results.json");
        if (!Files.isDirectory(shardDir)) {
            return new ShardState(index, State.WAITING, "no folder yet");
        }
        if (!Files.isRegularFile(file)) {
            return new ShardState(index, State.WAITING, "no results.json yet");
        }
        Object tree;
        try {
            tree = ResultsJson.tree(ResultsJson.read(file));
        } catch (IOException | IllegalArgumentException e) {
            // written atomically by the engine, so this is someone else's file, or a disk problem: say it, keep waiting
            return new ShardState(index, State.WAITING, "results.json cannot be read yet (" + e.getMessage() + ")");
        }
        if (!(tree instanceof Map<?, ?> root) || !(root.get("status") instanceof String status)) {
            return new ShardState(index, State.WAITING, "results.json has no run status");
        }
        return switch (status) {
            case "running" -> new ShardState(index, State.WAITING, "running");
            case "ok" -> {
                List<String> failedFrameworks = failedFrameworks(root);
                yield failedFrameworks.isEmpty() ? new ShardState(index, State.DONE, "ok")
                        : new ShardState(index, State.FAILED, "finished, but framework(s) failed: "
                                + String.join(", ", failedFrameworks));
            }
            default -> new ShardState(index, State.FAILED, "the run ended " + status);
        };
    }

    /** benchmark/framework of every framework whose status is failed. */
    private static List<String> failedFrameworks(Map<?, ?> root) {
        List<String> failed = new ArrayList<>();
        if (root.get("benchmarks") instanceof List<?> benchmarks) {
            for (Object b : benchmarks) {
                if (b instanceof Map<?, ?> benchmark && benchmark.get("frameworks") instanceof List<?> frameworks) {
                    for (Object f : frameworks) {
                        if (f instanceof Map<?, ?> framework && "failed".equals(framework.get("status"))) {
                            failed.add(benchmark.get("name") + "/" + framework.get("name"));
                        }
                    }
                }
            }
        }
        return failed;
    }
}
