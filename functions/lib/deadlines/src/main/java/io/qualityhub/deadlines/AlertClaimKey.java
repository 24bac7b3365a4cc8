package io.qualityhub.deadlines;

import java.util.Objects;

/**
 * The key of the record that claims one alert level of one clock of one item.
 *
 * @param partitionKey {@code ALERT#{itemType}#{branch}#{itemId}}, one partition per item
 * @param sortKey      {@code {clock}#{level}}
 */
public record AlertClaimKey(String partitionKey, String sortKey) {

    public AlertClaimKey {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
    }
}
