package io.qualityhub.deadlines;

import java.util.List;

/**
 * The deadline policy cannot be used. The message lists every problem with the JSON path it is at and what to do;
 * the policy holds limits and calendars only, so quoting its values is safe.
 */
public class InvalidDeadlinePolicyException extends RuntimeException {

    private final List<String> problems;

    public InvalidDeadlinePolicyException(String source, List<String> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidDeadlinePolicyException(String source, String problem, Throwable cause) {
        super(describe(source, List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Each problem as "JSON path: what is wrong; what to do". */
    public List<String> problems() {
        return problems;
    }

    private static String describe(String source, List<String> problems) {
        return "Deadline policy from " + source + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + "); fix the policy JSON and load it again:\n  " + String.join("\n  ", problems);
    }
}
