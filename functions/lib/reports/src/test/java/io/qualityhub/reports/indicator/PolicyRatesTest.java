package io.qualityhub.reports.indicator;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.ComplaintSeverity;
import static io.qualityhub.reports.HandBuiltDataset.aggregate;
import static io.qualityhub.reports.HandBuiltDataset.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.aggregate.PortfolioFact;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Complaints per 10,000 policies divide by the policies in force the portfolio uploads give, and by nothing else. */
class PolicyRatesTest {

    private static final String RATE = "complaints.per_10k_policies";

    @Test
    void aBranchWithoutAPortfolioReadsNoDataAndSoDoesTheCompany() {
        AggregateLedger ledger = new AggregateLedger();
        ledger.put(aggregate("TPE-01", "2026-11-05", AggregateOrigin.of(RecordType.COMPLAINTS), 1, List.of(
                new ComplaintFact(ComplaintSeverity.GENERAL, at("2026-11-05T09:00"), null, null, null),
                new ComplaintFact(ComplaintSeverity.MAJOR, at("2026-11-05T10:00"), null, null, null),
                new ComplaintFact(ComplaintSeverity.GENERAL, at("2026-11-05T11:00"), null, null, null))));
        ledger.put(aggregate("TPE-01", "2026-11-30", AggregateOrigin.of(RecordType.PORTFOLIO), 1, List.of(
                new PortfolioFact(YearMonth.parse("2026-11"), 4000), new PortfolioFact(YearMonth.parse("2026-11"), 2000))));
        ledger.put(aggregate("KHH-02", "2026-11-06", AggregateOrigin.of(RecordType.COMPLAINTS), 1, List.of(
                new ComplaintFact(ComplaintSeverity.GENERAL, at("2026-11-06T09:00"), null, null, null))));

        IndicatorResults results = evaluate(ledger);

        Indicator tpe = find(results.byBranch().get("TPE-01"));
        assertEquals(5.0, tpe.value(), 1e-9, "3 complaints / 6,000 policies in force x 10,000");
        assertEquals(3.0, tpe.numerator());
        assertEquals(6000.0, tpe.denominator());
        assertEquals(RagStatus.GREEN, tpe.status(), "target 5 or fewer");

        Indicator khh = find(results.byBranch().get("KHH-02"));
        assertNull(khh.value());
        assertEquals(RagStatus.NO_DATA, khh.status());
        assertEquals(1.0, khh.numerator());
        assertNull(khh.denominator());

        Indicator company = find(results.company());
        assertNull(company.value(), "KHH-02's policies are unknown, so the company's are too");
        assertEquals(RagStatus.NO_DATA, company.status());
        assertEquals(4.0, company.numerator());
        assertNull(company.denominator());
    }

    @Test
    void aReUploadedPortfolioReplacesTheFirstAndTheLatestMonthOfAQuarterCounts() {
        AggregateLedger ledger = new AggregateLedger();
        ledger.put(aggregate("TPE-01", "2026-10-12", AggregateOrigin.of(RecordType.COMPLAINTS), 1, List.of(
                new ComplaintFact(ComplaintSeverity.GENERAL, at("2026-10-12T09:00"), null, null, null),
                new ComplaintFact(ComplaintSeverity.GENERAL, at("2026-10-12T10:00"), null, null, null))));
        ledger.put(aggregate("TPE-01", "2026-10-31", AggregateOrigin.of(RecordType.PORTFOLIO), 1, List.of(
                new PortfolioFact(YearMonth.parse("2026-10"), 1000))));
        ledger.put(aggregate("TPE-01", "2026-11-30", AggregateOrigin.of(RecordType.PORTFOLIO), 1, List.of(
                new PortfolioFact(YearMonth.parse("2026-11"), 9999))));
        ledger.put(aggregate("TPE-01", "2026-11-30", AggregateOrigin.of(RecordType.PORTFOLIO), 2, List.of(
                new PortfolioFact(YearMonth.parse("2026-11"), 3000), new PortfolioFact(YearMonth.parse("2026-11"), 1000))));

        Map<String, BranchTallies> quarter = DailyAggregate.combineByBranch(
                ledger.aggregatesBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")));
        Indicator tpe = find(new IndicatorCalculator(IndicatorTargets.loadDefault())
                .evaluate(quarter, LocalDate.parse("2026-12-31"), Map.of(), LocalDate.parse("2026-09-30")).byBranch().get("TPE-01"));

        assertEquals(5.0, tpe.value(), 1e-9, "2 complaints / 4,000 in force at November's end (generation 2) x 10,000");
        assertEquals(4000.0, tpe.denominator());
    }

    private static IndicatorResults evaluate(AggregateLedger ledger) {
        Map<String, BranchTallies> november = DailyAggregate.combineByBranch(
                ledger.aggregatesBetween(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        return new IndicatorCalculator(IndicatorTargets.loadDefault())
                .evaluate(november, LocalDate.parse("2026-11-30"), Map.of(), LocalDate.parse("2026-10-31"));
    }

    private static Indicator find(List<Indicator> indicators) {
        return indicators.stream().filter(indicator -> indicator.id().equals(RATE)).findFirst().orElseThrow();
    }
}
