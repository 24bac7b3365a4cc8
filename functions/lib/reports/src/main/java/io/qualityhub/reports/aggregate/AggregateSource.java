package io.qualityhub.reports.aggregate;

import java.time.LocalDate;
import java.util.List;

/** Where report generation reads aggregates from: the aggregates table, or {@link AggregateLedger} in memory. */
public interface AggregateSource {

    /** The current generation of every aggregate whose business date lies in [from, toInclusive]. */
    List<DailyAggregate> aggregatesBetween(LocalDate from, LocalDate toInclusive);
}
