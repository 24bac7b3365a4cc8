package io.qualityhub.sampling.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What marks a task as ad hoc (policy II.2.2, 不定期抽檢): the order that asked for it, why, who asked and when.
 *
 * @param orderId     the order's id ({@link AdhocOrder#orderId()})
 * @param reason      why the quality department asked, as checked by {@link AdhocOrder} (no personal data)
 * @param requestedBy the requester's principal (an IAM ARN, or {@code os-user:NAME} when none is known)
 */
public record AdhocRequest(String orderId, String reason, String requestedBy, LocalDate requestedOn) {

    public AdhocRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedOn, "requestedOn");
    }
}
