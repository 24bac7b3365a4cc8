package io.qualityhub.sampling.domain;

import java.util.List;

/** An ad-hoc inspection order that cannot be carried out as given; the message lists every problem and its fix. */
public class InvalidAdhocOrderException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidAdhocOrderException(List<String> problems) {
        super("the ad-hoc inspection order cannot be carried out (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
