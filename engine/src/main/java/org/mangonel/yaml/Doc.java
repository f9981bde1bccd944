package org.mangonel.yaml;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The file being read: its lines (to quote them in messages), the problems found so far and the
 * budget of nodes that may still be visited. Owned by one loader call on one thread.
 */
final class Doc {
    /** Visiting more nodes than this means aliases expanded into something absurd. */
    static final int NODE_BUDGET = 20_000;

    final String file;
    private final String[] lines;
    private final List<Problem> problems = new ArrayList<>();
    private int nodesLeft = NODE_BUDGET;
    private boolean budgetReported;

    Doc(String file, String text) {
        this.file = file;
        this.lines = text.split("\r?\n", -1);
    }

    List<Problem> problems() {
        return problems;
    }

    /**
     * Counts a visit to {@code node}; false (and one problem) once the budget is spent, after which
     * callers stop descending.
     */
    boolean visit(Node node) {
        if (--nodesLeft >= 0) {
            return true;
        }
        if (!budgetReported) {
            budgetReported = true;
            error(node, "the document expands to more than " + NODE_BUDGET
                    + " values through aliases (an alias bomb?); refusing it");
        }
        return false;
    }

    void error(Node at, String message) {
        error(at == null ? null : at.getStartMark(), message);
    }

    void error(Mark mark, String message) {
        if (mark == null) {
            problems.add(new Problem(file, 0, 0, message, null));
            return;
        }
        int line = mark.getLine();
        String text = line >= 0 && line < lines.length ? lines[line] : null;
        Problem problem = new Problem(file, line + 1, mark.getColumn() + 1, message, text);
        if (!problems.contains(problem)) { // an anchored mapping's mistake, read again by each mapping merging it
            problems.add(problem);
        }
    }

    /** A problem about the file as a whole (unreadable, empty, ...). */
    void fileError(String message) {
        problems.add(new Problem(file, 0, 0, message, null));
    }
}
