package io.qualityhub.reports.indicator;

import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.BranchTallies;
import io.qualityhub.reports.aggregate.DailyAggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.qualityhub.reports.HandBuiltDataset.KHH;
import static io.qualityhub.reports.HandBuiltDataset.TPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/** Every indicator, per branch and company-wide, on the hand-built October data set. */
class IndicatorCalculatorTest {

    private static IndicatorResults results;

    @BeforeAll
    static void evaluateOctober() {
        AggregateLedger ledger = HandBuiltDataset.ledger();
        Map<String, BranchTallies> october = DailyAggregate.combineByBranch(
                ledger.aggregatesBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")));
        Map<String, BranchTallies> september = DailyAggregate.combineByBranch(
                ledger.aggregatesBetween(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30")));
        results = new IndicatorCalculator(IndicatorTargets.loadDefault())
                .evaluate(october, LocalDate.parse("2026-10-31"), september, LocalDate.parse("2026-09-30"));
    }

    @Test
    void taipeiBranchMatchesHandComputedValues() {
        Expected expected = withZeroViolations(Map.ofEntries(
                // settled 10-10: c1 on time, c2 on time, c3 late, c4 late; withdrawn, 10-09 correction, open ignored
                Map.entry("claims.settled_on_time_pct", 50.0),
                // simple cycle times 24 h, 48 h, 168 h: nearest-rank median = 2nd = 48 h, p90 = 3rd = 168 h
                Map.entry("claims.cycle_time_median_days.simple", 2.0),
                Map.entry("claims.cycle_time_p90_days.simple", 7.0),
                Map.entry("claims.cycle_time_median_days.complex", 30.0),
                Map.entry("claims.cycle_time_p90_days.complex", 30.0),
                Map.entry("claims.green_channel_on_time_pct", 50.0),
                Map.entry("claims.overdue_open", 2.0), // the 10-31 snapshot supersedes the 10-15 one
                Map.entry("complaints.per_10k_policies", 5.0), // 2 received / 4,000 policies in force x 10,000
                Map.entry("complaints.first_response_on_time_pct", 100.0),
                Map.entry("complaints.resolved_on_time_pct", 50.0),
                Map.entry("complaints.major_count", 1.0),
                Map.entry("sales.disclosure_compliance_pct", 75.0), // re-upload: 3 of 4, not 3 of 14
                Map.entry("sales.recording_present_pct", 200.0 / 3),
                Map.entry("underwriting.exception_pct", 25.0),
                Map.entry("followups.completed_pct", 75.0),
                Map.entry("followups.understood_pct", 200.0 / 3),
                Map.entry("inspections.coverage_pct.sales_recording", 100.0), // tasks due by 10-31: 2 of 2 done
                Map.entry("inspections.coverage_pct.underwriting_file", 25.0), // 1 of 4
                Map.entry("inspections.coverage_pct.claim_file", 200.0 / 3), // 2 of 3
                Map.entry("inspections.coverage_pct.complaint", 0.0), // 0 of 1
                Map.entry("inspections.pass_rate_pct.sales_recording", 50.0),
                Map.entry("inspections.pass_rate_pct.underwriting_file", 100.0),
                Map.entry("inspections.pass_rate_pct.claim_file", 75.0),
                Map.entry("actions.open", 1.0),
                Map.entry("actions.overdue", 1.0),
                // The done action awaits its second effectiveness check, due 10-28 and past due as of 10-31.
                Map.entry("actions.awaiting_check", 1.0),
                Map.entry("actions.check_overdue", 1.0),
                Map.entry("actions.verified", 0.0),
                Map.entry("actions.effective_pct", 0.0), // its first check failed
                Map.entry("satisfaction.mean.sales", 4.0),
                Map.entry("satisfaction.mean.underwriting", 4.0),
                Map.entry("satisfaction.mean.claims", 3.0),
                Map.entry("satisfaction.mean.enquiry", 5.0),
                Map.entry("satisfaction.mean.overall", 3.5),
                Map.entry("violations.count.claims.major", 2.0),
                Map.entry("violations.count.sales.minor", 1.0),
                Map.entry("uploads.on_time_pct", 200.0 / 3)), // 4 of the 6 files expected on 10-15 and 10-16
                "inspections.pass_rate_pct.complaint", "actions.closed_on_time_pct");
        assertValues(expected, results.byBranch().get(TPE));
    }

    @Test
    void kaohsiungBranchMatchesHandComputedValues() {
        Expected expected = withZeroViolations(Map.ofEntries(
                Map.entry("claims.settled_on_time_pct", 100.0),
                Map.entry("claims.cycle_time_median_days.simple", 1.5), // 36 h
                Map.entry("claims.cycle_time_p90_days.simple", 1.5),
                Map.entry("claims.overdue_open", 1.0),
                Map.entry("complaints.per_10k_policies", 10.0), // 1 received / 1,000 in force x 10,000
                Map.entry("complaints.first_response_on_time_pct", 0.0),
                Map.entry("complaints.resolved_on_time_pct", 100.0),
                Map.entry("complaints.major_count", 0.0),
                Map.entry("sales.disclosure_compliance_pct", 100.0),
                Map.entry("underwriting.exception_pct", 0.0),
                Map.entry("followups.completed_pct", 100.0),
                Map.entry("followups.understood_pct", 0.0),
                Map.entry("inspections.coverage_pct.claim_file", 100.0), // 2 tasks due, both done
                Map.entry("inspections.pass_rate_pct.claim_file", 50.0),
                Map.entry("actions.open", 1.0),
                Map.entry("actions.overdue", 0.0), // due 11-05, judged as of 10-31
                Map.entry("actions.closed_on_time_pct", 0.0), // verified, but done a day late
                Map.entry("actions.awaiting_check", 0.0),
                Map.entry("actions.check_overdue", 0.0),
                Map.entry("actions.verified", 1.0),
                Map.entry("actions.effective_pct", 100.0),
                Map.entry("satisfaction.mean.overall", 5.0),
                Map.entry("violations.count.sales.severe", 1.0),
                Map.entry("uploads.on_time_pct", 100.0)), // 2 of 2
                "claims.cycle_time_median_days.complex", "claims.cycle_time_p90_days.complex",
                "claims.green_channel_on_time_pct", "sales.recording_present_pct",
                "inspections.coverage_pct.sales_recording", "inspections.pass_rate_pct.sales_recording",
                "inspections.coverage_pct.underwriting_file", "inspections.coverage_pct.complaint",
                "inspections.pass_rate_pct.underwriting_file", "inspections.pass_rate_pct.complaint",
                "satisfaction.mean.sales", "satisfaction.mean.underwriting", "satisfaction.mean.claims",
                "satisfaction.mean.enquiry");
        assertValues(expected, results.byBranch().get(KHH));
    }

    @Test
    void companyTotalsMatchHandComputedValues() {
        Expected expected = withZeroViolations(Map.ofEntries(
                Map.entry("claims.settled_on_time_pct", 60.0),
                // simple 24, 36, 48, 168 h: median = 2nd = 36 h, p90 = ceil(3.6) = 4th = 168 h
                Map.entry("claims.cycle_time_median_days.simple", 1.5),
                Map.entry("claims.cycle_time_p90_days.simple", 7.0),
                Map.entry("claims.cycle_time_median_days.complex", 30.0),
                Map.entry("claims.cycle_time_p90_days.complex", 30.0),
                Map.entry("claims.green_channel_on_time_pct", 50.0),
                Map.entry("claims.overdue_open", 3.0), // TPE-01's latest 2 + KHH-02's latest 1
                Map.entry("complaints.per_10k_policies", 6.0), // 3 received / 5,000 in force x 10,000
                Map.entry("complaints.first_response_on_time_pct", 200.0 / 3),
                Map.entry("complaints.resolved_on_time_pct", 200.0 / 3),
                Map.entry("complaints.major_count", 1.0),
                Map.entry("sales.disclosure_compliance_pct", 80.0),
                Map.entry("sales.recording_present_pct", 200.0 / 3),
                Map.entry("underwriting.exception_pct", 100.0 / 6),
                Map.entry("followups.completed_pct", 80.0),
                Map.entry("followups.understood_pct", 50.0),
                Map.entry("inspections.coverage_pct.sales_recording", 100.0), // 2 of 2
                Map.entry("inspections.coverage_pct.underwriting_file", 25.0), // 1 of 4
                Map.entry("inspections.coverage_pct.claim_file", 80.0), // (2 + 2) of (3 + 2)
                Map.entry("inspections.coverage_pct.complaint", 0.0), // 0 of 1
                Map.entry("inspections.pass_rate_pct.sales_recording", 50.0),
                Map.entry("inspections.pass_rate_pct.underwriting_file", 100.0),
                Map.entry("inspections.pass_rate_pct.claim_file", 400.0 / 6),
                Map.entry("actions.open", 2.0),
                Map.entry("actions.overdue", 1.0),
                Map.entry("actions.closed_on_time_pct", 0.0), // KHH-02's, the only verified one
                Map.entry("actions.awaiting_check", 1.0),
                Map.entry("actions.check_overdue", 1.0),
                Map.entry("actions.verified", 1.0),
                Map.entry("actions.effective_pct", 50.0),
                Map.entry("satisfaction.mean.sales", 4.0),
                Map.entry("satisfaction.mean.underwriting", 4.0),
                Map.entry("satisfaction.mean.claims", 3.0),
                Map.entry("satisfaction.mean.enquiry", 5.0),
                Map.entry("satisfaction.mean.overall", 4.0),
                Map.entry("violations.count.claims.major", 2.0),
                Map.entry("violations.count.sales.minor", 1.0),
                Map.entry("violations.count.sales.severe", 1.0),
                Map.entry("uploads.on_time_pct", 75.0)), // (4 + 2) of (6 + 2)
                "inspections.pass_rate_pct.complaint");
        assertValues(expected, results.company());
    }

    @Test
    void passRatesCarryWilsonIntervalsAndBases() {
        Indicator claimFiles = find(results.byBranch().get(TPE), "inspections.pass_rate_pct.claim_file");
        assertEquals(4, claimFiles.basis());
        assertEquals(30.064184258240186, claimFiles.confidenceInterval().lower(), 1e-9);
        assertEquals(95.44127391902994, claimFiles.confidenceInterval().upper(), 1e-9);
        Indicator recordings = find(results.byBranch().get(TPE), "inspections.pass_rate_pct.sales_recording");
        assertEquals(9.453120573423075, recordings.confidenceInterval().lower(), 1e-9);
        assertEquals(90.54687942657694, recordings.confidenceInterval().upper(), 1e-9);
        assertNull(find(results.byBranch().get(TPE), "inspections.pass_rate_pct.complaint").confidenceInterval());
    }

    @Test
    void targetsStatusesAndTrendsComeWithEachIndicator() {
        Indicator disclosure = find(results.company(), "sales.disclosure_compliance_pct");
        assertEquals(98.0, disclosure.target());
        assertEquals(RagStatus.RED, disclosure.status()); // 80 < 98 - 2
        assertEquals(100.0, disclosure.previousValue()); // September: 2 of 2
        assertEquals(Trend.WORSENING, disclosure.trend());
        assertEquals("銷售告知義務合規率", disclosure.nameZh());
        assertEquals(5, disclosure.basis());

        Indicator khhDisclosure = find(results.byBranch().get(KHH), "sales.disclosure_compliance_pct");
        assertEquals(RagStatus.GREEN, khhDisclosure.status());
        assertNull(khhDisclosure.previousValue());
        assertEquals(Trend.NO_PREVIOUS, khhDisclosure.trend());

        Indicator openActions = find(results.company(), "actions.open");
        assertEquals(RagStatus.NOT_RATED, openActions.status()); // no target configured
        Indicator complaintPassRate = find(results.company(), "inspections.pass_rate_pct.complaint");
        assertEquals(RagStatus.NO_DATA, complaintPassRate.status());
    }

    @Test
    void everyBranchAndTheCompanyCarryEveryIndicatorInCatalogueOrder() {
        List<String> ids = IndicatorCatalogue.all().stream().map(IndicatorDefinition::id).toList();
        assertEquals(ids, results.company().stream().map(Indicator::id).toList());
        assertEquals(ids, results.byBranch().get(TPE).stream().map(Indicator::id).toList());
        assertEquals(List.of(KHH, TPE), List.copyOf(results.byBranch().keySet().stream().sorted().toList()));
    }

    private record Expected(Map<String, Double> values, List<String> noData) {
    }

    /** Every catalogue id must be in the expected values or named as having no data. */
    private static void assertValues(Expected table, List<Indicator> actual) {
        Map<String, Double> expected = table.values();
        Map<String, Indicator> byId = actual.stream().collect(Collectors.toMap(Indicator::id, i -> i));
        for (IndicatorDefinition definition : IndicatorCatalogue.all()) {
            Indicator indicator = byId.get(definition.id());
            if (table.noData().contains(definition.id())) {
                assertNull(indicator.value(), definition.id() + " should have no data");
                assertEquals(RagStatus.NO_DATA, indicator.status(), definition.id());
            } else if (expected.containsKey(definition.id())) {
                assertEquals(expected.get(definition.id()), indicator.value(), 1e-9, definition.id());
            } else {
                fail("test table lacks " + definition.id());
            }
        }
    }

    /** Violation counts not listed are zero; {@code noData} lists the indicators with nothing to measure. */
    private static Expected withZeroViolations(Map<String, Double> values, String... noData) {
        Map<String, Double> all = new HashMap<>(values);
        IndicatorCatalogue.all().stream().map(IndicatorDefinition::id).filter(id -> id.startsWith("violations."))
                .forEach(id -> all.putIfAbsent(id, 0.0));
        return new Expected(all, List.of(noData));
    }

    private static Indicator find(List<Indicator> indicators, String id) {
        return IndicatorResults.find(indicators, id).orElseThrow();
    }
}
