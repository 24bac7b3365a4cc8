package io.qualityhub.reports.indicator;

import java.util.List;

/** The targets file breaks its rules; the message lists every problem and where it is. */
public class InvalidIndicatorTargetsException extends RuntimeException {

    private final List<String> problems;

    public InvalidIndicatorTargetsException(String sourceName, List<String> problems) {
        super(sourceName + " is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "); fix the JSON and store it again:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
