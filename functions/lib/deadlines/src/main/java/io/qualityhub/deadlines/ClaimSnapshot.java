package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest state of a claim as far as deadlines are concerned. It carries no customer data (names, ids, diagnosis,
 * amounts), so nothing derived from it can leak any; keep it that way.
 *
 * @param branch              the branch that sent the claim
 * @param claimId             the claim id as the branch sent it
 * @param productLine         product line
 * @param complexity          simple or complex
 * @param greenChannel        whether the claim is in the green channel (major case or special customer)
 * @param status              latest status
 * @param reportedAt          when the claim was reported
 * @param documentsCompleteAt when the documents became complete; null while pending
 * @param decidedAt           when liability was decided (approval or rejection); null before
 * @param paidAt              when it was paid; null before
 * @param closedAt            when it was closed, rejected or withdrawn; null before
 * @param handlerId           the staff id of the handler
 * @param documentsRequestedAt when the customer was last asked for missing documents; null when never
 * @param agreedAt            when the amount was agreed with the customer; null before (the decision stands in)
 * @param advancePaidAt       when an advance payment was made on an amount not yet determined; null when none
 * @param denialNoticeAt      when the customer was sent the rejection notice; null before
 */
public record ClaimSnapshot(String branch, String claimId, ProductLine productLine, Complexity complexity,
                            boolean greenChannel, ClaimStatus status, Instant reportedAt, Instant documentsCompleteAt,
                            Instant decidedAt, Instant paidAt, Instant closedAt, String handlerId,
                            Instant documentsRequestedAt, Instant agreedAt, Instant advancePaidAt,
                            Instant denialNoticeAt) {

    public ClaimSnapshot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(productLine, "productLine");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(handlerId, "handlerId");
    }

    /**
     * The customer has been asked for documents and they have not all come in since: the clocks that wait on the
     * documents (documents, decision, advance payment) do not run. Arrival is a {@code documents_complete_at} after
     * the request, from which the decision and advance-payment periods count again (PRC Insurance Law art. 23 counts
     * from complete documents).
     */
    public boolean waitingForRequestedDocuments() {
        return documentsRequestedAt != null
                && (documentsCompleteAt == null || documentsRequestedAt.isAfter(documentsCompleteAt));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String branch;
        private String claimId;
        private ProductLine productLine;
        private Complexity complexity;
        private boolean greenChannel;
        private ClaimStatus status;
        private Instant reportedAt;
        private Instant documentsCompleteAt;
        private Instant decidedAt;
        private Instant paidAt;
        private Instant closedAt;
        private String handlerId;
        private Instant documentsRequestedAt;
        private Instant agreedAt;
        private Instant advancePaidAt;
        private Instant denialNoticeAt;

        private Builder() {
        }

        public Builder branch(String value) {
            branch = value;
            return this;
        }

        public Builder claimId(String value) {
            claimId = value;
            return this;
        }

        public Builder productLine(ProductLine value) {
            productLine = value;
            return this;
        }

        public Builder complexity(Complexity value) {
            complexity = value;
            return this;
        }

        public Builder greenChannel(boolean value) {
            greenChannel = value;
            return this;
        }

        public Builder status(ClaimStatus value) {
            status = value;
            return this;
        }

        public Builder reportedAt(Instant value) {
            reportedAt = value;
            return this;
        }

        public Builder documentsCompleteAt(Instant value) {
            documentsCompleteAt = value;
            return this;
        }

        public Builder decidedAt(Instant value) {
            decidedAt = value;
            return this;
        }

        public Builder paidAt(Instant value) {
            paidAt = value;
            return this;
        }

        public Builder closedAt(Instant value) {
            closedAt = value;
            return this;
        }

        public Builder handlerId(String value) {
            handlerId = value;
            return this;
        }

        public Builder documentsRequestedAt(Instant value) {
            documentsRequestedAt = value;
            return this;
        }

        public Builder agreedAt(Instant value) {
            agreedAt = value;
            return this;
        }

        public Builder advancePaidAt(Instant value) {
            advancePaidAt = value;
            return this;
        }

        public Builder denialNoticeAt(Instant value) {
            denialNoticeAt = value;
            return this;
        }

        public ClaimSnapshot build() {
            return new ClaimSnapshot(branch, claimId, productLine, complexity, greenChannel, status, reportedAt,
                    documentsCompleteAt, decidedAt, paidAt, closedAt, handlerId, documentsRequestedAt, agreedAt,
                    advancePaidAt, denialNoticeAt);
        }
    }
}
