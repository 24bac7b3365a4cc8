package io.qualityhub.deadlines;

import java.util.List;

/** The upload calendar cannot be used: every problem with its JSON path and what to do. It holds no customer data. */
public class InvalidUploadCalendarException extends RuntimeException {

    private final List<String> problems;

    public InvalidUploadCalendarException(String source, List<String> problems) {
        super("Upload calendar from " + source + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "); fix the JSON and store it again:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "JSON path: what is wrong; what to do". */
    public List<String> problems() {
        return problems;
    }
}
