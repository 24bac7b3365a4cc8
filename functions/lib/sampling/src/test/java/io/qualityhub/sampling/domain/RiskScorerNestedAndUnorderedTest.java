package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Percentile rules inside combined conditions, strata listed in any order, and dates read digit by digit. */
class RiskScorerNestedAndUnorderedTest {

    private static final RiskCondition ABOVE_P95 = new RiskCondition.AboveStratumPercentile("amount_claimed", 95);
    private static final RiskCondition LATE = new RiskCondition.DaysBetweenAbove("documents_complete_at", "paid_at", 15);

    @Test
    void aPercentileRuleCountsInsideAllOf() {
        RecordTypePlan plan = plan(new RiskCondition.AllOf(List.of(ABOVE_P95,
                new RiskCondition.AnyEquals(List.of("green_channel"), Set.of("Y")))));
        List<SamplingUnit> stratum = twentyClaims(Map.of("green_channel", "Y"));
        assertEquals(new RiskScore(4, List.of("big")), score(plan, stratum, "C20"));
        assertEquals(new RiskScore(1, List.of()), score(plan, stratum, "C19"));
    }

    @Test
    void aPercentileRuleCountsInsideAnyOf() {
        RecordTypePlan plan = plan(new RiskCondition.AnyOf(List.of(
                new RiskCondition.AnyEquals(List.of("green_channel"), Set.of("Y")), ABOVE_P95)));
        List<SamplingUnit> stratum = twentyClaims(Map.of());
        assertEquals(new RiskScore(4, List.of("big")), score(plan, stratum, "C20"));
        assertEquals(new RiskScore(1, List.of()), score(plan, stratum, "C19"));
    }

    @Test
    void thePercentileIsTakenOverTheAmountsInOrderWhateverTheOrderOfTheRecords() {
        List<SamplingUnit> stratum = new ArrayList<>(twentyClaims(Map.of()));
        java.util.Collections.reverse(stratum);
        RecordTypePlan plan = plan(ABOVE_P95);
        // 19th of 1000 .. 20000 in order is 19000: only C20 lies above it, listed first here.
        assertEquals(List.of("big"), score(plan, stratum, "C20").reasons());
        assertEquals(List.of(), score(plan, stratum, "C19").reasons());
        assertEquals(List.of(), score(plan, stratum, "C1").reasons());
    }

    @Test
    void datesWithAnyDigitAreReadAndALetterAmongTheDigitsIsRefused() {
        RecordTypePlan plan = plan(LATE);
        SamplingUnit late = claim("C1", Map.of("documents_complete_at", "2019-09-09", "paid_at", "2019-09-29"));
        SamplingUnit onTime = claim("C2", Map.of("documents_complete_at", "2020-10-01", "paid_at", "2020-10-16"));
        assertEquals(List.of("big"), RiskScorer.forStratum(plan, List.of(late, onTime), PriorIncidents.NONE)
                .score(late).reasons());
        assertEquals(List.of(), RiskScorer.forStratum(plan, List.of(late, onTime), PriorIncidents.NONE)
                .score(onTime).reasons());
        for (String notADate : List.of("2026-1x-05", "2026-11-0/", "2026-11-0:", "20a6-11-05")) {
            SamplingUnit unreadable = claim("C3", Map.of("documents_complete_at", notADate, "paid_at", "2026-11-30"));
            SamplingInputException error = assertThrows(SamplingInputException.class,
                    () -> RiskScorer.forStratum(plan, List.of(unreadable), PriorIncidents.NONE).score(unreadable),
                    notADate);
            assertEquals("record claims/TPE-01/C3: attribute documents_complete_at is not a date (YYYY-MM-DD) or ISO"
                    + " timestamp; pass it as stored by intake", error.getMessage());
        }
    }

    private static RecordTypePlan plan(RiskCondition when) {
        return new RecordTypePlan("claims", PeriodType.MONTHLY, 0.02, 5, 80, false, "claims-quality", 20,
                List.of(new RiskRule("big", "a rule under test", 4, when)), null, 30);
    }

    /** C1 .. C20 claiming 1000.00 .. 20000.00, each with the given attributes too. */
    private static List<SamplingUnit> twentyClaims(Map<String, String> attributes) {
        List<SamplingUnit> claims = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Map<String, String> all = new java.util.HashMap<>(attributes);
            all.put("amount_claimed", i + "000.00");
            claims.add(claim("C" + i, all));
        }
        return claims;
    }

    private static RiskScore score(RecordTypePlan plan, List<SamplingUnit> stratum, String id) {
        SamplingUnit unit = stratum.stream().filter(u -> u.recordId().equals(id)).findFirst().orElseThrow();
        return RiskScorer.forStratum(plan, stratum, PriorIncidents.NONE).score(unit);
    }

    private static SamplingUnit claim(String id, Map<String, String> attributes) {
        return new SamplingUnit("claims", "TPE-01", id, "health", attributes);
    }
}
