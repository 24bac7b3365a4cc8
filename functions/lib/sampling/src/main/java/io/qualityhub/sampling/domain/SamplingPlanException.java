package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sampling plan could not be used; {@link #problems()} lists every problem found, each with its JSON path and
 * fix.
 */
public class SamplingPlanException extends RuntimeException {

    private final String source;
    private final transient List<PlanProblem> problems;

    public SamplingPlanException(String source, List<PlanProblem> problems) {
        this(source, problems, null);
    }

    public SamplingPlanException(String source, List<PlanProblem> problems, Throwable cause) {
        super("sampling plan " + source + " is not usable (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(problem -> "  " + problem).collect(Collectors.joining("\n")), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file or resource name the plan came from. */
    public String source() {
        return source;
    }

    public List<PlanProblem> problems() {
        return problems;
    }
}
