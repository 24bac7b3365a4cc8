package io.qualityhub.deadlines;

import java.util.List;

/**
 * The outcome of routing a run's alerts.
 *
 * @param deliveries one per recipient and alert
 * @param missing    alerts that found no address for a role they should reach
 */
public record Routing(List<Delivery> deliveries, List<MissingRecipient> missing) {

    public Routing {
        deliveries = List.copyOf(deliveries);
        missing = List.copyOf(missing);
    }
}
