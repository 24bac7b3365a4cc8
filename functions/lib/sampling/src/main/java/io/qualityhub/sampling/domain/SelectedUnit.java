package io.qualityhub.sampling.domain;

import java.util.List;
import java.util.Objects;

/**
 * A record picked for inspection.
 *
 * @param productLine          the record's product line, or {@code null} for types without one
 * @param inclusionProbability the probability the design gave this record of being picked; weight 1/p in
 *                             Horvitz-Thompson estimates
 * @param reasons              risk rules that raised its weight, in plan order; empty for a routine pick
 */
public record SelectedUnit(RecordKey record, String productLine, double inclusionProbability, List<String> reasons) {

    public SelectedUnit {
        Objects.requireNonNull(record, "record");
        reasons = List.copyOf(reasons);
        if (!(inclusionProbability > 0 && inclusionProbability <= 1)) {
            throw new IllegalArgumentException("record " + record + " has inclusion probability "
                    + inclusionProbability + "; it must be above 0 and at most 1");
        }
    }
}
