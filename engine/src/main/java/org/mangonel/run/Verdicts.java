package org.mangonel.run;

import java.util.List;
import org.mangonel.report.ResultsModel.FrameworkStatus;
import org.mangonel.report.ResultsModel.Level;
import org.mangonel.report.ResultsModel.LevelStatus;
import org.mangonel.report.ResultsModel.Run;
import org.mangonel.report.ResultsModel.RunStatus;
import org.mangonel.stats.ErrorKind;
import org.mangonel.stats.RunStats;

/** How statuses follow from what was measured: a window's, a level's, a framework's. Stateless. */
final class Verdicts {
    private Verdicts() {
    }

    /** A window's status and reason. */
    record RunVerdict(RunStatus status, String reason) {
    }

    /**
     * @param clientFailure  the client failed (a bug), or null
     * @param interrupted    the window was cut short
     * @param stats          what it measured
     * @param nothing        the protocol's words for a window without a success
     * @param connectFailure why the last connect attempt failed, or null: said when nothing succeeded
     * @param serverExited   the server died during the window
     */
    static RunVerdict run(String clientFailure, boolean interrupted, RunStats stats, String nothing,
                          String connectFailure, boolean serverExited) {
        if (clientFailure != null) {
            return new RunVerdict(RunStatus.FAILED, "the client failed (please report this): " + clientFailure);
        }
        if (interrupted) {
            return new RunVerdict(RunStatus.INTERRUPTED, "the run was interrupted; the window is shorter than planned");
        }
        if (stats.requests() == 0) {
            return new RunVerdict(RunStatus.FAILED, nothing + errorSummary(stats)
                    + (connectFailure == null ? "" : "; connecting: " + connectFailure));
        }
        if (serverExited) {
            return new RunVerdict(RunStatus.FAILED, "the server exited during the run");
        }
        return new RunVerdict(RunStatus.OK, null);
    }

    /** A level is ok when a repetition was; interrupted when its last window was cut short. */
    static Level level(int concurrency, org.mangonel.scenario.Rate rate, List<Run> runs) {
        boolean anyOk = runs.stream().anyMatch(r -> r.status() == RunStatus.OK);
        if (anyOk) {
            return new Level(concurrency, rate, LevelStatus.OK, null, runs);
        }
        if (runs.isEmpty()) {
            return new Level(concurrency, rate, LevelStatus.INTERRUPTED, "interrupted before it was measured", runs);
        }
        Run last = runs.get(runs.size() - 1);
        LevelStatus status = last.status() == RunStatus.INTERRUPTED ? LevelStatus.INTERRUPTED : LevelStatus.FAILED;
        return new Level(concurrency, rate, status, last.reason(), runs);
    }

    /** A framework's status once its levels are done (it started, answered, and was not stopped early). */
    record FrameworkVerdict(FrameworkStatus status, String reason) {
    }

    static FrameworkVerdict framework(List<Level> levels, boolean interrupted) {
        boolean anyOk = levels.stream().anyMatch(l -> l.status() == LevelStatus.OK);
        boolean anyMeasured = levels.stream().flatMap(l -> l.runs().stream()).anyMatch(r -> r.stats().requests() > 0);
        if (interrupted) {
            return anyMeasured ? new FrameworkVerdict(FrameworkStatus.INTERRUPTED,
                    "the run was interrupted while measuring it; what was measured is shown")
                    : new FrameworkVerdict(FrameworkStatus.INTERRUPTED, "the run was interrupted before it was measured");
        }
        if (anyOk) {
            return new FrameworkVerdict(FrameworkStatus.OK, null);
        }
        String reason = levels.isEmpty() ? "nothing was measured" : levels.get(levels.size() - 1).reason();
        return new FrameworkVerdict(FrameworkStatus.FAILED, reason);
    }

    /** " (errors: connect 3, timeout 1)", or "". */
    static String errorSummary(RunStats stats) {
        StringBuilder out = new StringBuilder();
        for (ErrorKind kind : ErrorKind.values()) {
            long n = stats.errors(kind);
            if (n > 0) {
                out.append(out.length() == 0 ? " (errors: " : ", ").append(kind.key()).append(' ').append(n);
            }
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }
}
