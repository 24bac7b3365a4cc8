package io.qualityhub.deadlines;

import java.util.Objects;

/**
 * One alert for one recipient.
 *
 * @param recipient the e-mail address
 * @param role      the role it was sent for (the first, when one address holds several)
 * @param alert     the alert
 */
public record Delivery(String recipient, Role role, Alert alert) {

    public Delivery {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(alert, "alert");
    }
}
