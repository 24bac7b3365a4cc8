package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The current aggregate of every file slot, in memory: what the aggregates table holds, with the
 * same replacement rule (a newer generation of a slot replaces the older one, an older generation
 * arriving late never undoes a newer one). Not thread-safe.
 */
public final class AggregateLedger implements AggregateSource {

    public enum PutOutcome { ADDED, REPLACED, STALE_IGNORED }

    private final TreeMap<LocalDate, Map<AggregateKey.SourceSlot, DailyAggregate>> byDate = new TreeMap<>();

    public PutOutcome put(DailyAggregate aggregate) {
        AggregateKey.SourceSlot slot = aggregate.key().slot();
        var slots = byDate.computeIfAbsent(slot.businessDate(), ignored -> new HashMap<>());
        DailyAggregate current = slots.get(slot);
        if (current == null) {
            slots.put(slot, aggregate);
            return PutOutcome.ADDED;
        }
        if (!aggregate.supersedes(current)) {
            return PutOutcome.STALE_IGNORED;
        }
        slots.put(slot, aggregate);
        return PutOutcome.REPLACED;
    }

    public Optional<DailyAggregate> get(AggregateKey.SourceSlot slot) {
        var slots = byDate.get(slot.businessDate());
        return Optional.ofNullable(slots == null ? null : slots.get(slot));
    }

    @Override
    public List<DailyAggregate> aggregatesBetween(LocalDate from, LocalDate toInclusive) {
        List<DailyAggregate> selected = new ArrayList<>();
        byDate.subMap(from, true, toInclusive, true).values().forEach(slots -> selected.addAll(slots.values()));
        return selected;
    }
}
