package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.format.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Strata by product line, a single random pick, and groups mixing censuses with samples. */
class SampleStatisticsEdgeCasesTest {

    private static final Stratum HEALTH = new Stratum("claims", "TPE-01", "health");
    private static final Stratum AUTO = new Stratum("claims", "TPE-01", "auto");
    private static final Stratum WHOLE = new Stratum("claims", "TPE-01", null);

    @Test
    void recordsCountInTheStratumOfTheirProductLine() {
        Sample sample = new Sample(Fixtures.NOVEMBER, "test-1", "fingerprint",
                List.of(draw(HEALTH, 2, 2), draw(AUTO, 1, 1)),
                List.of(unit("H1", "health", 1), unit("A1", "auto", 1), unit("H2", "health", 1)));
        List<StratumStatistics> statistics = SampleStatistics.perStratum(sample,
                Map.of(key("H1"), Verdict.PASS, key("H2"), Verdict.FAIL, key("A1"), Verdict.FAIL));
        assertEquals(HEALTH, statistics.get(0).stratum());
        assertEquals(2, statistics.get(0).statistics().inspected());
        assertEquals(1, statistics.get(0).statistics().passed());
        assertEquals(AUTO, statistics.get(1).stratum());
        assertEquals(1, statistics.get(1).statistics().inspected());
        assertEquals(0, statistics.get(1).statistics().passed());
    }

    @Test
    void oneRandomPickGivesAnEstimateButNoVarianceNorInterval() {
        Sample sample = new Sample(Fixtures.NOVEMBER, "test-1", "fingerprint", List.of(draw(WHOLE, 10, 2)),
                List.of(unit("C1", "health", 1), unit("C2", "health", 0.5)));
        InspectionStatistics statistics = SampleStatistics.perStratum(sample,
                Map.of(key("C1"), Verdict.PASS, key("C2"), Verdict.FAIL)).get(0).statistics();
        // C2 stands for 1 / 0.5 = 2 records of 10.
        assertEquals(new FailureRateEstimate(2, 0.2, OptionalDouble.empty(), Optional.empty()),
                statistics.failureRate().orElseThrow());
    }

    @Test
    void aGroupIsACensusOnlyWhenEveryStratumIs() {
        StratumStatistics census = stratum(3, 3, new FailureRateEstimate(1, 1 / 3.0, OptionalDouble.of(0),
                Optional.of(new ProportionInterval(1 / 3.0, 1 / 3.0, 1 / 3.0))), true);
        StratumStatistics sampled = stratum(10, 4, new FailureRateEstimate(2, 0.2, OptionalDouble.of(4), Optional.empty()),
                false);
        assertFalse(SampleStatistics.combine(List.of(census, sampled)).census());
        assertTrue(SampleStatistics.combine(List.of(census, census)).census());
    }

    @Test
    void aGroupWithAStratumOfUnknownVarianceHasNoInterval() {
        StratumStatistics known = stratum(10, 4, new FailureRateEstimate(2, 0.2, OptionalDouble.of(4), Optional.empty()),
                false);
        StratumStatistics unknown = stratum(10, 2, new FailureRateEstimate(2, 0.2, OptionalDouble.empty(), Optional.empty()),
                false);
        FailureRateEstimate both = SampleStatistics.combine(List.of(known, unknown)).failureRate().orElseThrow();
        assertEquals(new FailureRateEstimate(4, 0.2, OptionalDouble.empty(), Optional.empty()), both);
    }

    @Test
    void aGroupWhoseEstimateReachesItsWholePopulationGetsTheIntervalOfItsInspections() {
        // 6 estimated failures among 5 records is capped at a rate of 1; its interval is Wilson's for 2 of 2
        // inspections: lower bound 2 / (2 + 1.96^2) = 0.34238.
        StratumStatistics overflowing = stratum(5, 2,
                new FailureRateEstimate(6, 1, OptionalDouble.of(2.4), Optional.empty()), false);
        ProportionInterval interval = SampleStatistics.combine(List.of(overflowing)).failureRate().orElseThrow()
                .interval95().orElseThrow();
        assertEquals(1.0, interval.estimate());
        assertEquals(0.34238, interval.lower(), 1e-5);
        assertEquals(1.0, interval.upper());
    }

    private static StratumStatistics stratum(int population, int inspected, FailureRateEstimate estimate,
                                             boolean census) {
        return new StratumStatistics(WHOLE, new InspectionStatistics(population, inspected, inspected, inspected - 1,
                census, Optional.empty(), Optional.of(estimate)), Optional.empty());
    }

    private static StratumDraw draw(Stratum stratum, int populationSize, int sampleSize) {
        return new StratumDraw(stratum, populationSize, sampleSize, Fixtures.fixed(SizingRule.MINIMUM, 1));
    }

    private static SelectedUnit unit(String id, String productLine, double probability) {
        return new SelectedUnit(key(id), productLine, probability, List.of());
    }

    private static RecordKey key(String id) {
        return new RecordKey("claims", "TPE-01", id);
    }
}
