package io.qualityhub.deadlines;

import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest state of a complaint as far as deadlines are concerned; no customer data (name, phone, description).
 *
 * @param branch          the branch that received it
 * @param complaintId     the complaint id as the branch sent it
 * @param severity        general or major
 * @param status          latest status
 * @param receivedAt      when it was received
 * @param firstResponseAt when the complainant first had a response; null before
 * @param resolvedAt      when it was resolved; null before
 * @param staffId         the staff id handling it; null when not assigned
 * @param extendedAt      when the handling period was extended (the complainant told, with a reason); null when not
 */
public record ComplaintSnapshot(String branch, String complaintId, ComplaintSeverity severity, ComplaintStatus status,
                                Instant receivedAt, Instant firstResponseAt, Instant resolvedAt, String staffId,
                                Instant extendedAt) {

    public ComplaintSnapshot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(complaintId, "complaintId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String branch;
        private String complaintId;
        private ComplaintSeverity severity;
        private ComplaintStatus status;
        private Instant receivedAt;
        private Instant firstResponseAt;
        private Instant resolvedAt;
        private String staffId;
        private Instant extendedAt;

        private Builder() {
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        public Builder complaintId(String value) {
            complaintId = value;
            return this;
        }

        public Builder severity(ComplaintSeverity value) {
            severity = value;
            return this;
        }

        public Builder status(ComplaintStatus value) {
            status = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        public Builder firstResponseAt(Instant value) {
            firstResponseAt = value;
            return this;
        }

        public Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        public Builder staffId(String value) {
            staffId = value;
            return this;
        }

        public Builder extendedAt(Instant value) {
            extendedAt = value;
            return this;
        }

        public ComplaintSnapshot build() {
            return new ComplaintSnapshot(branch, complaintId, severity, status, receivedAt, firstResponseAt,
                    resolvedAt, staffId, extendedAt);
        }
    }
}
