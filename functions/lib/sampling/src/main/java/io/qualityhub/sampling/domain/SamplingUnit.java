package io.qualityhub.sampling.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a period's population, as sampling sees it.
 *
 * @param productLine the record's product line, or {@code null} for types without one (complaints, follow-ups)
 * @param attributes  non-sensitive fields the risk rules read, by upload column name (dates as {@code YYYY-MM-DD}
 *                    or ISO timestamps, booleans as {@code Y}/{@code N}, amounts as decimals); an absent field
 *                    is simply left out
 */
public record SamplingUnit(String recordType, String branch, String recordId, String productLine,
                           Map<String, String> attributes) {

    public SamplingUnit {
        RecordKey key = new RecordKey(recordType, branch, recordId);
        Objects.requireNonNull(attributes, "attributes");
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (attribute.getKey() == null || attribute.getValue() == null) {
                throw new IllegalArgumentException("record " + key + " has an attribute with no name or no value;"
                        + " leave absent fields out of the map");
            }
            if (SensitiveAttributes.isSensitive(attribute.getKey())) {
                throw new IllegalArgumentException("record " + key + " carries the sensitive field "
                        + attribute.getKey() + "; sampling must not receive it, remove it from the attributes");
            }
        }
        attributes = Map.copyOf(attributes);
    }

    public RecordKey key() {
        return new RecordKey(recordType, branch, recordId);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
