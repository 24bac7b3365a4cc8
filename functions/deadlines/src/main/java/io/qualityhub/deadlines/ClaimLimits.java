package io.qualityhub.deadlines;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * Claim limits. Three clocks run on a claim, in order: {@code documents} from the report until the documents are
 * complete, {@code settlement} from complete documents until payment, and, once the liability decision is made,
 * {@code payment} from the decision until payment (running beside settlement).
 *
 * @param documents    limit while documents are pending
 * @param settlement   limit from complete documents to payment, per product line and complexity
 * @param payment      limit from the liability decision to payment
 * @param greenChannel the tighter limits of green-channel claims
 */
public record ClaimLimits(DeadlineLimit documents, Map<ProductLine, Map<Complexity, DeadlineLimit>> settlement,
                          DeadlineLimit payment, GreenChannelLimits greenChannel) {

    public ClaimLimits {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(greenChannel, "greenChannel");
        settlement = Map.copyOf(settlement);
        for (ProductLine line : ProductLine.values()) {
            Map<Complexity, DeadlineLimit> byComplexity = settlement.get(line);
            if (byComplexity == null || !byComplexity.keySet().containsAll(EnumSet.allOf(Complexity.class))) {
                throw new IllegalArgumentException("settlement limits missing for product line " + line.wireName());
            }
        }
    }

    public DeadlineLimit documentsLimit(boolean green) {
        return green ? greenChannel.documents() : documents;
    }

    public DeadlineLimit settlementLimit(ProductLine line, Complexity complexity, boolean green) {
        return green ? greenChannel.settlement().get(complexity) : settlement.get(line).get(complexity);
    }

    public DeadlineLimit paymentLimit(boolean green) {
        return green ? greenChannel.payment() : payment;
    }

    /**
     * Green-channel limits: the same clocks, tighter, the settlement limit by complexity for every product line.
     */
    public record GreenChannelLimits(DeadlineLimit documents, Map<Complexity, DeadlineLimit> settlement,
                                     DeadlineLimit payment) {

        public GreenChannelLimits {
            Objects.requireNonNull(documents, "documents");
            Objects.requireNonNull(payment, "payment");
            settlement = Map.copyOf(settlement);
            if (!settlement.keySet().containsAll(EnumSet.allOf(Complexity.class))) {
                throw new IllegalArgumentException("green-channel settlement limits missing a complexity");
            }
        }
    }
}
