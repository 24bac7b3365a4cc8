package io.qualityhub.reports.aggregate;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The summary of one uploaded file (or one monitor snapshot): tallies per branch. Usually one
 * branch, the file's own; a findings file from the quality department covers many.
 */
public record DailyAggregate(AggregateKey key, Map<String, BranchTallies> byBranch) {

    public DailyAggregate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(byBranch, "byBranch");
        byBranch = Map.copyOf(byBranch);
    }

    /** True when this is a newer (or the same) generation of the same file, so it replaces that one. */
    public boolean supersedes(DailyAggregate other) {
        return key.slot().equals(other.key.slot()) && key.generation() >= other.key.generation();
    }

    /** Adds up any set of aggregates per branch; the order and grouping do not matter. */
    public static Map<String, BranchTallies> combineByBranch(Collection<DailyAggregate> aggregates) {
        Map<String, BranchTallies> combined = new TreeMap<>();
        for (DailyAggregate aggregate : aggregates) {
            aggregate.byBranch.forEach((branch, tallies) -> combined.merge(branch, tallies, BranchTallies::merge));
        }
        return combined;
    }
}
