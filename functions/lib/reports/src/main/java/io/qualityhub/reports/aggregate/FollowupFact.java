package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.FollowupOutcome;
import java.util.Objects;

/** A post-issue follow-up visit and its outcome. */
public record FollowupFact(FollowupOutcome outcome) implements Fact {

    public FollowupFact {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The customer was reached; every outcome but {@link FollowupOutcome#UNREACHABLE}. */
    public boolean completed() {
        return outcome != FollowupOutcome.UNREACHABLE;
    }
}
