package io.qualityhub.reports.aggregate;

import java.util.Objects;

/** A post-issue follow-up visit and its outcome. */
public record FollowupFact(Outcome outcome) implements Fact {

    public enum Outcome { UNDERSTOOD, NOT_UNDERSTOOD, UNREACHABLE, ISSUE_RAISED }

    public FollowupFact {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The customer was reached; every outcome but {@link Outcome#UNREACHABLE}. */
    public boolean completed() {
        return outcome != Outcome.UNREACHABLE;
    }
}
