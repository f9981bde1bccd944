package org.mangonel.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.mangonel.plan.BenchmarkPlan;
import org.mangonel.plan.Plan;
import org.mangonel.plan.PlanException;
import org.mangonel.run.Timetable;
import org.mangonel.scenario.Durations;
import org.mangonel.scenario.Framework;
import org.mangonel.scenario.Share;

/**
 * {@code --shard I/N}, {@code --start-at} and {@code --start-in}: which part of the load this
 * process runs and when its windows begin. A sharded run reaches its servers (they must be running
 * elsewhere, started by the user or the scheduler) and cannot search for capacity (each probe's
 * next load depends on all shards' figures).
 */
final class Sharding {
    private Sharding() {
    }

    static Plan apply(Plan plan, String shard, String startAt, String startIn) throws PlanException {
        Share share = shard == null ? Share.ALL : share(shard);
        if (startAt != null && startIn != null) {
            throw new PlanException("give --start-at or --start-in, not both");
        }
        Instant at = startAt != null ? instant(startAt)
                : startIn != null ? Instant.now().plus(duration(startIn)).truncatedTo(ChronoUnit.SECONDS) : null;
        if (!share.whole()) {
            for (BenchmarkPlan bp : plan.benchmarks()) {
                for (Framework f : bp.frameworks()) {
                    if (f.managed()) {
                        throw new PlanException("frameworks in a sharded run are reached, not started: " + f.name()
                                + " has 'start:'; start the server yourself (e.g. engine serve hello --port 8080) or"
                                + " let the scheduler start it, and give the framework a url: instead");
                    }
                }
                if (bp.benchmark().capacity() != null) {
                    throw new PlanException("benchmark " + bp.benchmark().name() + " searches for capacity, which a"
                            + " sharded run cannot (each probe depends on every shard's figures); run it in one"
                            + " process, or give it fixed levels");
                }
            }
        }
        Plan scheduled = new Plan(plan.scenario(), plan.benchmarks(), share, at);
        Instant end = new Timetable(scheduled).end();
        if (end != null && end.isBefore(Instant.now())) {
            throw new PlanException("--start-at " + at + " is past: every window of this run was due to end by "
                    + end.truncatedTo(ChronoUnit.SECONDS) + "; give a start in the future (or --start-in 30s)");
        }
        return scheduled;
    }

    /** "I/N" with 0 ≤ I < N. */
    static Share share(String text) throws PlanException {
        String t = text.trim();
        int slash = t.indexOf('/');
        int index;
        int count;
        try {
            if (slash < 0) {
                throw new NumberFormatException();
            }
            index = Integer.parseInt(t.substring(0, slash).trim());
            count = Integer.parseInt(t.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new PlanException("--shard must be I/N, the shard's 0-based index and the number of shards, e.g."
                    + " 0/4; found '" + text + "'");
        }
        if (count < 1) {
            throw new PlanException("--shard " + text + ": the number of shards must be at least 1");
        }
        if (index < 0 || index >= count) {
            throw new PlanException("--shard " + text + ": the index must be from 0 to " + (count - 1)
                    + " (shards are numbered from 0)");
        }
        return new Share(index, count);
    }

    private static Instant instant(String text) throws PlanException {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new PlanException("--start-at must be a UTC instant such as 2026-11-27T12:00:00Z, found '" + text
                    + "'");
        }
    }

    private static Duration duration(String text) throws PlanException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PlanException("--start-in " + e.getMessage());
        }
    }
}
