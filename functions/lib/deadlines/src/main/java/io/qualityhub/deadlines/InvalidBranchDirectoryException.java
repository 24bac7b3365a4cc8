package io.qualityhub.deadlines;

import java.util.List;

/** The branch directory cannot be used; the message lists every problem with its JSON path and what to do. */
public class InvalidBranchDirectoryException extends RuntimeException {

    private final List<String> problems;

    public InvalidBranchDirectoryException(List<String> problems, Throwable cause) {
        super("Branch directory is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "); fix the directory JSON and load it again:\n  " + String.join("\n  ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
