package io.qualityhub.deadlines;

import java.util.List;

/** The recipients directory cannot be used; the message lists every problem with its JSON path and what to do. */
public class InvalidRecipientsDirectoryException extends RuntimeException {

    private final List<String> problems;

    public InvalidRecipientsDirectoryException(List<String> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidRecipientsDirectoryException(String problem, Throwable cause) {
        super(describe(List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        return "Recipients directory is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "); fix the directory JSON and load it again:\n  " + String.join("\n  ", problems);
    }
}
