package io.qualityhub.reports.audit;

import java.util.Objects;

/**
 * Whether a caller may fetch a report, the role that decided it, and why (for the audit record
 * and the denial response; it names groups and branches, nothing else).
 */
public record AccessDecision(AccessRecord.Decision decision, String role, String reason) {

    public AccessDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean allowed() {
        return decision == AccessRecord.Decision.ALLOW;
    }
}
