package org.mangonel.yaml;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used, with every problem found in it. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** @param problems in any order; kept in the file's order (file-wide ones first), as an editor lists them */
    public ScenarioException(List<Problem> problems) {
        super("invalid scenario", null, false, false);
        this.problems = inFileOrder(problems);
    }

    /** The first problem, rendered. */
    @Override
    public String getMessage() {
        return problems.isEmpty() ? super.getMessage() : problems.get(0).render();
    }

    private static List<Problem> inFileOrder(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparing(Problem::file,
                Comparator.nullsFirst(Comparator.<String>naturalOrder())).thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column)).toList();
    }

    public List<Problem> problems() {
        return problems;
    }

    /** All problems rendered, one block each, for the terminal. */
    public String render() {
        return problems.stream().map(Problem::render).collect(Collectors.joining(System.lineSeparator()));
    }
}
