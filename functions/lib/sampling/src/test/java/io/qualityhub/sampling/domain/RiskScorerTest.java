package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RiskScorerTest {

    private static final SamplingPlan PLAN = SamplingPlanLoader.loadDefault();
    private static final RecordTypePlan SALES = PLAN.forType("sales").orElseThrow();
    private static final RecordTypePlan CLAIMS = PLAN.forType("claims").orElseThrow();

    @Test
    void routineSaleHasWeightOneAndNoReasons() {
        SamplingUnit sale = sale("S1", Map.of("salesperson_hired_on", "2020-01-01", "sold_at", "2026-11-24T09:30:00+08:00",
                "terms_given", "Y", "risk_notice_given", "Y", "customer_signed", "Y", "recording_id_present", "Y",
                "premium", "1000.00", "salesperson_id", "E1"));
        assertEquals(new RiskScore(1, List.of()), score(SALES, List.of(sale), PriorIncidents.NONE, sale));
    }

    @Test
    void salespersonIsNewUntilSixCalendarMonthsAfterHiring() {
        SamplingUnit fiveMonths = sale("S1", Map.of("salesperson_hired_on", "2026-06-01", "sold_at", "2026-11-30T09:00:00+08:00"));
        SamplingUnit sixMonths = sale("S2", Map.of("salesperson_hired_on", "2026-05-30", "sold_at", "2026-11-30T09:00:00+08:00"));
        List<SamplingUnit> both = List.of(fiveMonths, sixMonths);
        assertEquals(new RiskScore(3, List.of("new_salesperson")), score(SALES, both, PriorIncidents.NONE, fiveMonths));
        assertEquals(new RiskScore(1, List.of()), score(SALES, both, PriorIncidents.NONE, sixMonths));
    }

    @Test
    void reasonsAddTheirExtraWeight() {
        SamplingUnit sale = sale("S1", Map.of("salesperson_hired_on", "2026-10-01", "sold_at", "2026-11-02",
                "customer_signed", "N", "recording_id_present", "N", "salesperson_id", "E7"));
        // 1 + (3 - 1) + (4 - 1) + (2 - 1) + (3 - 1)
        assertEquals(new RiskScore(9, List.of("new_salesperson", "disclosure_step_missing", "recording_missing",
                        "staff_prior_incidents")),
                score(SALES, List.of(sale), new PriorIncidents(Set.of("E7")), sale));
    }

    @Test
    void aRepeatViolatorsSaleWeighsThePlansFactorMoreThanAnyoneElsesWithPriorIncidents() {
        SamplingUnit sale = sale("S1", Map.of("salesperson_id", "E7"));
        SamplingUnit other = sale("S2", Map.of("salesperson_id", "E8"));
        PriorIncidents incidents = new PriorIncidents(Set.of("E7", "E8"), Set.of("E7"));
        // 1 + (3 - 1) + (2 - 1)
        assertEquals(new RiskScore(4, List.of("staff_prior_incidents", "repeat_violator")),
                score(SALES, List.of(sale, other), incidents, sale));
        assertEquals(new RiskScore(3, List.of("staff_prior_incidents")), score(SALES, List.of(sale, other), incidents, other));
    }

    @Test
    void amountAboveTheStratumsNearestRank95thPercentileIsARisk() {
        List<SamplingUnit> twenty = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            twenty.add(claim("C" + i, Map.of("amount_claimed", i + "000.00")));
        }
        // ceil(0.95 * 20) = 19th value = 19000: only the 20000 claim is above it.
        assertEquals(List.of("claim_amount_above_p95"), score(CLAIMS, twenty, PriorIncidents.NONE, twenty.get(19)).reasons());
        assertEquals(List.of(), score(CLAIMS, twenty, PriorIncidents.NONE, twenty.get(18)).reasons());
        // With 19 values the 95th percentile is the maximum itself: nothing lies above it.
        List<SamplingUnit> nineteen = twenty.subList(0, 19);
        assertEquals(List.of(), score(CLAIMS, nineteen, PriorIncidents.NONE, nineteen.get(18)).reasons());
    }

    @Test
    void claimPaidMoreThanFifteenDaysAfterCompleteDocumentsIsLate() {
        SamplingUnit late = claim("C1", Map.of("documents_complete_at", "2026-11-01T10:00:00+08:00",
                "paid_at", "2026-11-17T09:00:00+08:00", "green_channel", "Y", "status", "paid"));
        SamplingUnit onTime = claim("C2", Map.of("documents_complete_at", "2026-11-01T10:00:00+08:00",
                "paid_at", "2026-11-16T18:00:00+08:00", "status", "rejected"));
        SamplingUnit unpaid = claim("C3", Map.of("documents_complete_at", "2026-10-01T10:00:00+08:00"));
        List<SamplingUnit> all = List.of(late, onTime, unpaid);
        assertEquals(new RiskScore(4, List.of("claim_paid_late", "green_channel")), score(CLAIMS, all, PriorIncidents.NONE, late));
        assertEquals(new RiskScore(3, List.of("claim_rejected")), score(CLAIMS, all, PriorIncidents.NONE, onTime));
        assertEquals(new RiskScore(1, List.of()), score(CLAIMS, all, PriorIncidents.NONE, unpaid));
    }

    @Test
    void combinedConditionsApplyOnlyWhenTheirPartsDo() {
        RecordTypePlan plan = new RecordTypePlan("sales", PeriodType.MONTHLY, 0.02, 5, 80, false, "sales-quality", 20,
                List.of(new RiskRule("recording_missing_where_required", "required recording absent", 4,
                        new RiskCondition.AllOf(List.of(
                                new RiskCondition.AnyEquals(List.of("recording_id_present"), Set.of("N")),
                                new RiskCondition.AnyOf(List.of(
                                        new RiskCondition.AnyEquals(List.of("channel"), Set.of("telemarketing", "bancassurance")),
                                        new RiskCondition.AnyEquals(List.of("product_line"), Set.of("life", "health")))))))),
                null, 30);
        SamplingUnit required = sale("S1", Map.of("recording_id_present", "N", "channel", "telemarketing", "product_line", "auto"));
        SamplingUnit optional = sale("S2", Map.of("recording_id_present", "N", "channel", "online", "product_line", "auto"));
        List<SamplingUnit> both = List.of(required, optional);
        assertEquals(4, score(plan, both, PriorIncidents.NONE, required).weight());
        assertEquals(1, score(plan, both, PriorIncidents.NONE, optional).weight());
    }

    @Test
    void unreadableAttributeNamesTheRecordAndColumnButNotTheValue() {
        SamplingUnit sale = sale("S9", Map.of("salesperson_hired_on", "31/05/2026", "sold_at", "2026-11-30"));
        SamplingInputException error = assertThrows(SamplingInputException.class,
                () -> score(SALES, List.of(sale), PriorIncidents.NONE, sale));
        assertEquals("record sales/TPE-01/S9: attribute salesperson_hired_on is not a date (YYYY-MM-DD) or ISO"
                + " timestamp; pass it as stored by intake", error.getMessage());
        assertFalse(error.getMessage().contains("31/05/2026"));
    }

    @Test
    void sensitiveFieldsCannotReachSampling() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sale("S1", Map.of("customer_name", "x")));
        assertEquals("record sales/TPE-01/S1 carries the sensitive field customer_name; sampling must not receive it,"
                + " remove it from the attributes", error.getMessage());
    }

    private static RiskScore score(RecordTypePlan plan, List<SamplingUnit> stratum, PriorIncidents incidents,
                                   SamplingUnit unit) {
        return RiskScorer.forStratum(plan, stratum, incidents).score(unit);
    }

    private static SamplingUnit sale(String id, Map<String, String> attributes) {
        return new SamplingUnit("sales", "TPE-01", id, "life", attributes);
    }

    private static SamplingUnit claim(String id, Map<String, String> attributes) {
        return new SamplingUnit("claims", "TPE-01", id, "health", attributes);
    }
}
