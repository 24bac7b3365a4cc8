package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * Claim limits, one per named clock of docs/deadlines.md: {@code claim.documents} from the report until the documents
 * are complete or requested; {@code claim.decision} and {@code claim.advance_payment} from complete documents until
 * the decision, and until an advance or the agreed amount; {@code claim.payment} from agreement until payment;
 * {@code claim.denial_notice} from a rejection until the customer is told.
 *
 * @param documents      limit while documents are pending
 * @param decision       limit from complete documents to the decision, per product line and complexity
 * @param payment        limit from agreement (or the approving decision) to payment
 * @param denialNotice   limit from a rejection decision to the rejection notice
 * @param advancePayment limit from complete documents to an advance payment while the amount is undetermined
 * @param greenChannel   the tighter limits of green-channel claims
 */
public record ClaimLimits(DeadlineLimit documents, Map<ProductLine, Map<Complexity, DeadlineLimit>> decision,
                          DeadlineLimit payment, DeadlineLimit denialNotice, DeadlineLimit advancePayment,
                          GreenChannelLimits greenChannel) {

    public ClaimLimits {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(denialNotice, "denialNotice");
        Objects.requireNonNull(advancePayment, "advancePayment");
        Objects.requireNonNull(greenChannel, "greenChannel");
        decision = Map.copyOf(decision);
        for (ProductLine line : ProductLine.values()) {
            Map<Complexity, DeadlineLimit> byComplexity = decision.get(line);
            if (byComplexity == null || !byComplexity.keySet().containsAll(EnumSet.allOf(Complexity.class))) {
                throw new IllegalArgumentException("decision limits missing for product line " + line.wireName());
            }
        }
    }

    public DeadlineLimit documentsLimit(boolean green) {
        return green ? greenChannel.documents() : documents;
    }

    public DeadlineLimit decisionLimit(ProductLine line, Complexity complexity, boolean green) {
        return green ? greenChannel.decision().get(complexity) : decision.get(line).get(complexity);
    }

    public DeadlineLimit paymentLimit(boolean green) {
        return green ? greenChannel.payment() : payment;
    }

    /**
     * Green-channel limits: documents, decision (by complexity for every product line) and payment, tighter; the
     * denial-notice and advance-payment limits are the same for every claim.
     */
    public record GreenChannelLimits(DeadlineLimit documents, Map<Complexity, DeadlineLimit> decision,
                                     DeadlineLimit payment) {

        public GreenChannelLimits {
            Objects.requireNonNull(documents, "documents");
            Objects.requireNonNull(payment, "payment");
            decision = Map.copyOf(decision);
            if (!decision.keySet().containsAll(EnumSet.allOf(Complexity.class))) {
                throw new IllegalArgumentException("green-channel decision limits missing a complexity");
            }
        }
    }
}
