package io.qualityhub.reports.aggregate;

import java.util.Objects;

/** An underwriting decision (or pending application) and whether it departed from the standard. */
public record UnderwritingFact(RiskLevel riskLevel, Decision decision, boolean standardException) implements Fact {

    public enum RiskLevel { LOW, MEDIUM, HIGH }

    public enum Decision { PENDING, ACCEPT, DECLINE, REFER, MORE_EVIDENCE }

    public UnderwritingFact {
        Objects.requireNonNull(riskLevel, "riskLevel");
        Objects.requireNonNull(decision, "decision");
    }
}
