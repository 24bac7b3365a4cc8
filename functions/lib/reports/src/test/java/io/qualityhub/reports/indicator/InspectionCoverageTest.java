package io.qualityhub.reports.indicator;

import io.qualityhub.core.format.RecordType;
import static io.qualityhub.reports.HandBuiltDataset.aggregate;
import static io.qualityhub.reports.HandBuiltDataset.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.InspectionType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Coverage counts the inspection tasks due by the as-of date: tasks issued but not yet due do not make it red. */
class InspectionCoverageTest {

    private static final String COVERAGE = "inspections.coverage_pct.claim_file";
    private static final String TPE = "TPE-01";

    private final AggregateLedger ledger = new AggregateLedger();

    InspectionCoverageTest() {
        ledger.put(aggregate(TPE, "2026-11-10", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.CLAIM_FILE, "2026-11-10", true))));
        ledger.put(aggregate(TPE, "2026-11-20", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.CLAIM_FILE, "2026-11-20", false))));
        ledger.put(aggregate(TPE, "2026-11-28", AggregateOrigin.of(RecordType.FINDINGS), 1, List.of(
                task(TPE, InspectionType.CLAIM_FILE, "2026-11-28", false),
                task(TPE, InspectionType.CLAIM_FILE, "2026-11-28", true))));
    }

    @Test
    void theDayTasksAreIssuedNoneIsDueAndCoverageHasNoDataRatherThanRed() {
        Indicator coverage = coverageAsOf("2026-11-05");
        assertNull(coverage.value());
        assertEquals(RagStatus.NO_DATA, coverage.status());
        assertEquals(0.0, coverage.denominator());
    }

    @Test
    void tasksDueByTheAsOfDateCountAndTheirResultsMakeTheShare() {
        Indicator coverage = coverageAsOf("2026-11-20");
        assertEquals(50.0, coverage.value(), 1e-9, "due by 11-20: the 11-10 task (done) and the 11-20 task (open)");
        assertEquals(1.0, coverage.numerator());
        assertEquals(2.0, coverage.denominator());

        Indicator monthEnd = coverageAsOf("2026-11-30");
        assertEquals(50.0, monthEnd.value(), 1e-9, "all four due: 2 done");
        assertEquals(4.0, monthEnd.denominator(), "a task done before it is due counts once it is due");
    }

    private Indicator coverageAsOf(String asOf) {
        Map<String, BranchTallies> november = DailyAggregate.combineByBranch(
                ledger.aggregatesBetween(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        return new IndicatorCalculator(IndicatorTargets.loadDefault())
                .evaluate(november, LocalDate.parse(asOf), Map.of(), LocalDate.parse("2026-10-31")).byBranch().get(TPE)
                .stream().filter(indicator -> indicator.id().equals(COVERAGE)).findFirst().orElseThrow();
    }
}
