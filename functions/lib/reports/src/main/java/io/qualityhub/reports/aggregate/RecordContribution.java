package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one record adds to the figures, by the days its own dates fall on: a sale on the day of its {@code sold_at},
 * a complaint as received on the day of its {@code received_at} and as resolved on the day of its
 * {@code resolved_at}, a claim as settled on the day of its {@code closed_at}. Whichever file carried the record,
 * this is what it counts; a newer state of the record retracts this contribution and adds its own
 * ({@link RecordState}, docs/decisions/0016).
 *
 * @param byDay    the record's tallies per day it counts on; days it adds nothing to are left out
 * @param problems per day, the problem the record stands for on that day (e.g. {@code settled_late}), if any
 */
public record RecordContribution(Map<LocalDate, DailyAggregate> byDay, Map<LocalDate, String> problems) {

    public static final RecordContribution NOTHING = new RecordContribution(Map.of(), Map.of());

    public RecordContribution {
        byDay = Map.copyOf(byDay);
        problems = Map.copyOf(problems);
    }

    /**
     * The fact counted on each of {@code days}: an aggregate keyed by the day counts exactly the parts of the fact
     * that belong to that day (the accumulator's rule for claims and complaints), and all of it for types that have
     * one date.
     */
    public static RecordContribution of(String branch, AggregateOrigin type, Fact fact, Collection<LocalDate> days) {
        Map<LocalDate, DailyAggregate> byDay = new TreeMap<>();
        for (LocalDate day : days) {
            AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey(branch, day, type, 0));
            accumulator.accept(fact);
            DailyAggregate aggregate = accumulator.toAggregate();
            if (aggregate.byBranch().values().stream().anyMatch(tallies -> !isEmpty(tallies))) {
                byDay.put(day, aggregate);
            }
        }
        return new RecordContribution(byDay, Map.of());
    }

    /** The same contribution, naming {@code reason} as the record's problem on {@code day}. */
    public RecordContribution withProblem(LocalDate day, String reason) {
        Map<LocalDate, String> named = new TreeMap<>(problems);
        named.put(Objects.requireNonNull(day, "day"), Objects.requireNonNull(reason, "reason"));
        return new RecordContribution(byDay, named);
    }

    /** The record's tallies on {@code day}, or null when it counts nothing there. */
    public DailyAggregate on(LocalDate day) {
        return byDay.get(day);
    }

    private static boolean isEmpty(BranchTallies tallies) {
        return tallies.counters().isEmpty() && tallies.claimCycleTimes().isEmpty() && tallies.gauges().isEmpty();
    }
}
