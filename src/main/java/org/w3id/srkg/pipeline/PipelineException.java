package org.w3id.srkg.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/** A stage refused its input; carries every problem found, not just the first. */
public class PipelineException extends Exception {

    private final List<Problem> problems;

    public PipelineException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public PipelineException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
