package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.qualityhub.sampling.domain.Fixtures.NOVEMBER;
import static io.qualityhub.sampling.domain.Fixtures.claims;
import static io.qualityhub.sampling.domain.Fixtures.claimsPlan;
import static io.qualityhub.sampling.domain.Fixtures.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleStatisticsTest {

    private static final Stratum STRATUM = new Stratum("claims", "TPE-01", null);

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3.
        assertInterval(0.2553, 0.3662, ProportionInterval.wilson(81, 263));
        assertInterval(0.0624, 0.1605, ProportionInterval.wilson(15, 148));
        assertInterval(0.0000, 0.1611, ProportionInterval.wilson(0, 20));
        assertInterval(0.0061, 0.1718, ProportionInterval.wilson(1, 29));
        assertEquals(1.0, ProportionInterval.wilson(5, 5).upper());
    }

    @Test
    void horvitzThompsonWeighsEachFailureByItsInverseInclusionProbability() {
        Sample sample = sample(10, unit("C1", 1), unit("C2", 0.5), unit("C3", 0.25), unit("C4", 0.25));
        InspectionStatistics statistics = SampleStatistics.perStratum(sample,
                verdicts("C1", Verdict.FAIL, "C2", Verdict.FAIL, "C3", Verdict.PASS, "C4", Verdict.FAIL)).get(0).statistics();
        assertEquals(0.4, statistics.coverage());
        assertEquals(4, statistics.inspected());
        assertEquals(1, statistics.passed());
        FailureRateEstimate estimate = statistics.failureRate().orElseThrow();
        // 1/1 + 1/0.5 + 1/0.25 = 7 of 10 records.
        assertEquals(7, estimate.estimatedFailures(), 1e-12);
        assertEquals(0.7, estimate.rate(), 1e-12);
        // Random picks (y, p): (1, .5), (0, .25), (1, .25); A = (.5*2 + .75*0 + .75*4) / 2 = 2;
        // 3/2 * (.5*0^2 + .75*(-2)^2 + .75*2^2) = 9.
        assertEquals(9, estimate.failuresVariance().orElseThrow(), 1e-12);
        // Effective size .7*.3 / (9/100) = 2.33 inspections' worth of information.
        ProportionInterval interval = estimate.interval95().orElseThrow();
        assertEquals(0.19331, interval.lower(), 1e-5);
        assertEquals(0.95784, interval.upper(), 1e-5);
    }

    @Test
    void noEstimateUntilEverySampledRecordIsInspected() {
        Sample sample = sample(10, unit("C1", 1), unit("C2", 0.5), unit("C3", 0.25));
        InspectionStatistics statistics = SampleStatistics.perStratum(sample,
                verdicts("C1", Verdict.PASS, "C2", Verdict.PASS)).get(0).statistics();
        assertEquals(2, statistics.inspected());
        assertEquals(Optional.empty(), statistics.failureRate());
        assertEquals(Optional.of(ProportionInterval.wilson(2, 2)), statistics.passRate());
    }

    @Test
    void stratumTakenWholeHasAnExactRate() {
        Sample sample = sample(3, unit("C1", 1), unit("C2", 1), unit("C3", 1));
        InspectionStatistics statistics = SampleStatistics.perStratum(sample,
                verdicts("C1", Verdict.FAIL, "C2", Verdict.PASS, "C3", Verdict.PASS)).get(0).statistics();
        assertTrue(statistics.census());
        assertEquals(new FailureRateEstimate(1, 1 / 3.0, OptionalDouble.of(0),
                Optional.of(new ProportionInterval(1 / 3.0, 1 / 3.0, 1 / 3.0))), statistics.failureRate().orElseThrow());
    }

    @Test
    void strataCombineByAddingCountsAndVariances() {
        InspectionStatistics a = SampleStatistics.perStratum(sample(10, unit("C1", 1), unit("C2", 0.5), unit("C3", 0.25),
                unit("C4", 0.25)), verdicts("C1", Verdict.FAIL, "C2", Verdict.FAIL, "C3", Verdict.PASS, "C4", Verdict.FAIL))
                .get(0).statistics();
        InspectionStatistics b = SampleStatistics.perStratum(sample(3, unit("C1", 1), unit("C2", 1), unit("C3", 1)),
                verdicts("C1", Verdict.FAIL, "C2", Verdict.PASS, "C3", Verdict.PASS)).get(0).statistics();
        InspectionStatistics both = SampleStatistics.combine(List.of(new StratumStatistics(STRATUM, a, Optional.empty()),
                new StratumStatistics(new Stratum("claims", "KHH-01", null), b, Optional.empty())));
        assertEquals(13, both.populationSize());
        assertEquals(7, both.sampled());
        assertEquals(3, both.passed());
        assertEquals(8 / 13.0, both.failureRate().orElseThrow().rate(), 1e-12);
        assertEquals(9, both.failureRate().orElseThrow().failuresVariance().orElseThrow(), 1e-12);
        assertEquals(Optional.of(ProportionInterval.wilson(3, 7)), both.passRate());
    }

    @Test
    void weightedEstimateIsUnbiasedWhereTheSampleShareIsNot() {
        // 60 claims, 12 flagged (weight 4): 6 flagged and 3 routine ones would fail. True failure rate 9/60 = 0.15.
        List<SamplingUnit> population = claims("TPE-01", 60, 12);
        Map<RecordKey, Verdict> wouldBe = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            wouldBe.put(population.get(i).key(), i < 6 || (i >= 12 && i < 15) ? Verdict.FAIL : Verdict.PASS);
        }
        Sampler sampler = new Sampler(claimsPlan(0.1, 5, 12));
        int periods = 2000;
        double sum = 0;
        double sumOfSquares = 0;
        double sampleShareSum = 0;
        int covered = 0;
        for (int period = 0; period < periods; period++) {
            Sample sample = sampler.draw(NOVEMBER, secret("p" + period), population, PriorIncidents.NONE);
            InspectionStatistics statistics = SampleStatistics.perStratum(sample, wouldBe).get(0).statistics();
            FailureRateEstimate estimate = statistics.failureRate().orElseThrow();
            sum += estimate.estimatedFailures() / 60;
            sumOfSquares += Math.pow(estimate.estimatedFailures() / 60, 2);
            sampleShareSum += 1 - statistics.passed() / (double) statistics.inspected();
            ProportionInterval interval = estimate.interval95().orElseThrow();
            covered += interval.lower() <= 0.15 && 0.15 <= interval.upper() ? 1 : 0;
        }
        double mean = sum / periods;
        double standardError = Math.sqrt((sumOfSquares / periods - mean * mean) / periods);
        assertEquals(0.15, mean, 4 * standardError);
        // The raw share of failures among the inspected is pulled up by oversampling the risky records:
        // expected (6 * 0.25 + 3 * 0.0625) / 6 = 0.28.
        assertEquals(0.28, sampleShareSum / periods, 0.01);
        // The interval is conservative rather than too narrow (99% here): it must cover at least its nominal 95%
        // less simulation noise.
        assertTrue(covered / (double) periods >= 0.94, "coverage " + covered / (double) periods);
    }

    private static void assertInterval(double lower, double upper, ProportionInterval interval) {
        assertEquals(lower, interval.lower(), 5e-5, "lower");
        assertEquals(upper, interval.upper(), 5e-5, "upper");
    }

    private static SelectedUnit unit(String id, double probability) {
        return new SelectedUnit(new RecordKey("claims", "TPE-01", id), "health", probability, List.of());
    }

    private static Sample sample(int populationSize, SelectedUnit... units) {
        return new Sample(NOVEMBER, "test-1", "fingerprint", List.of(new StratumDraw(STRATUM, populationSize, units.length,
                Fixtures.fixed(SizingRule.MINIMUM, 1))),
                List.of(units));
    }

    private static Map<RecordKey, Verdict> verdicts(Object... idsAndVerdicts) {
        Map<RecordKey, Verdict> verdicts = new HashMap<>();
        for (int i = 0; i < idsAndVerdicts.length; i += 2) {
            verdicts.put(new RecordKey("claims", "TPE-01", (String) idsAndVerdicts[i]), (Verdict) idsAndVerdicts[i + 1]);
        }
        return verdicts;
    }
}
