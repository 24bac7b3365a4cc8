package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.RiskLevel;
import io.qualityhub.core.format.UnderwritingDecision;
import java.util.Objects;

/** An underwriting decision (or pending application) and whether it departed from the standard. */
public record UnderwritingFact(RiskLevel riskLevel, UnderwritingDecision decision, boolean standardException) implements Fact {

    public UnderwritingFact {
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(decision, "decision");
    }
}
