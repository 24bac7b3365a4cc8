package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every record's states and the per-file aggregates (portfolio, monitor readings) in memory: what the reports table
 * holds, with the same rules (docs/decisions/0016). A file's upload replaces the states it gives; each record counts
 * once, from its latest state, on the days of its own dates, whichever file carried it. Not thread-safe.
 */
public final class ContributionLedger implements AggregateSource {

    private record RecordKey(String branch, AggregateOrigin type, String id) {
    }

    private final Map<RecordKey, Map<LocalDate, RecordState>> states = new HashMap<>();
    private final AggregateLedger fileAggregates = new AggregateLedger();

    /**
     * The states one file gives, in place of those its earlier upload gave: a record the file no longer carries
     * withdraws that file's state.
     */
    public void replaceFile(String branch, AggregateOrigin type, LocalDate fileDate, Map<String, RecordState> fileStates) {
        states.forEach((key, byFile) -> {
            if (key.branch().equals(branch) && key.type() == type && !fileStates.containsKey(key.id())) {
                byFile.remove(fileDate);
            }
        });
        fileStates.forEach((id, state) -> {
            if (!state.fileDate().equals(fileDate)) {
                throw new IllegalArgumentException("a state of the file of " + fileDate + " names the file of "
                        + state.fileDate());
            }
            states.computeIfAbsent(new RecordKey(branch, type, id), ignored -> new HashMap<>()).put(fileDate, state);
        });
    }

    /** Aggregates kept per file (portfolio, the monitor's readings): a newer generation replaces the slot's. */
    public AggregateLedger.PutOutcome putFileAggregate(DailyAggregate aggregate) {
        return fileAggregates.put(aggregate);
    }

    /** The state that counts now for one record. */
    public Optional<RecordState> counted(String branch, AggregateOrigin type, String id) {
        return RecordState.counted(states.getOrDefault(new RecordKey(branch, type, id), Map.of()).values());
    }

    @Override
    public List<DailyAggregate> aggregatesBetween(LocalDate from, LocalDate toInclusive) {
        List<DailyAggregate> selected = new ArrayList<>(fileAggregates.aggregatesBetween(from, toInclusive));
        states.values().forEach(byFile -> RecordState.counted(byFile.values()).ifPresent(state ->
                new TreeMap<>(state.contribution().byDay()).subMap(from, true, toInclusive, true).values()
                        .forEach(selected::add)));
        return selected;
    }
}
