package org.mangonel.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used, with every problem found in it. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid scenario" : problems.get(0).render(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** All problems rendered, one block each, for the terminal. */
    public String render() {
        return problems.stream().map(Problem::render).collect(Collectors.joining(System.lineSeparator()));
    }
}
