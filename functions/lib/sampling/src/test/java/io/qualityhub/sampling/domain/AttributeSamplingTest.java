package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sizes against the published attribute-sampling tables: AICPA Audit Guide "Audit Sampling", statistical sample sizes
 * for tests of controls (large populations), 5% risk of overreliance (95% confidence) and 10% risk (90%). The
 * number in brackets there, the deviations a sample may show, is our acceptance number. The tables assume a large
 * population, so these tests use one of a million records, where hypergeometric and binomial sizes agree.
 */
class AttributeSamplingTest {

    private static final int LARGE = 1_000_000;

    @ParameterizedTest(name = "95% confidence, {0} tolerable, none expected: {1}")
    @CsvSource({"0.02,149", "0.03,99", "0.04,74", "0.05,59", "0.06,49", "0.07,42", "0.08,36", "0.09,32",
            "0.10,29", "0.15,19", "0.20,14"})
    void aicpaTableFivePercentRiskNoExpectedDeviations(double tolerable, int size) {
        assertEquals(size, AttributeSampling.minimumSize(LARGE, new Assurance(0.95, tolerable, 0)));
    }

    @ParameterizedTest(name = "95% confidence, 5% tolerable, {0} expected: {1} ({2})")
    @CsvSource({"0.0025,93,1", "0.005,93,1", "0.0075,93,1", "0.01,93,1", "0.0125,124,2", "0.015,124,2",
            "0.0175,153,3", "0.02,181,4"})
    void aicpaTableFivePercentRiskFivePercentTolerableWithExpectedDeviations(double expected, int size,
                                                                           int acceptable) {
        assertEquals(size, AttributeSampling.minimumSize(LARGE, new Assurance(0.95, 0.05, expected)));
        assertEquals(acceptable, AttributeSampling.acceptanceNumber(size, expected));
    }

    @ParameterizedTest(name = "90% confidence, {0} tolerable, none expected: {1}")
    @CsvSource({"0.02,114", "0.03,76", "0.04,57", "0.05,45", "0.06,38", "0.07,32", "0.08,28", "0.09,25",
            "0.10,22", "0.15,15", "0.20,11"})
    void aicpaTableTenPercentRiskNoExpectedDeviations(double tolerable, int size) {
        assertEquals(size, AttributeSampling.minimumSize(LARGE, new Assurance(0.90, tolerable, 0)));
    }

    @Test
    void finiteStrataNeedFewerRecordsAndTinyOnesAreTakenWhole() {
        Assurance defaults = Assurance.defaults();
        // N = 200 holds 10 deviations at 5%: C(190, 51) / C(200, 51) = 0.0486, while 50 leaves 0.0521
        assertEquals(51, AttributeSampling.minimumSize(200, defaults));
        assertEquals(57, AttributeSampling.minimumSize(1000, defaults));
        assertEquals(45, AttributeSampling.minimumSize(100, defaults));
        // N = 20 holds 1 deviation: a sample of n misses it with probability (20 - n) / 20, which is 5% at n = 19
        assertEquals(19, AttributeSampling.minimumSize(20, defaults));
        assertEquals(List.of(1, 2, 3, 10), List.of(AttributeSampling.minimumSize(1, defaults),
                AttributeSampling.minimumSize(2, defaults), AttributeSampling.minimumSize(3, defaults),
                AttributeSampling.minimumSize(10, defaults)));
    }

    @Test
    void hypergeometricProbabilitiesMatchHandComputedValues() {
        // C(190, 51) / C(200, 51) = 0.0486207...: 10 deviations among 200, none among 51 drawn
        assertEquals(0.0486207, AttributeSampling.probabilityAtMost(0, 200, 10, 51), 1e-6);
        // 2 deviations among 10, 3 drawn: P(X <= 1) = 1 - C(2,2) C(8,1) / C(10,3) = 1 - 8/120
        assertEquals(1 - 8.0 / 120, AttributeSampling.probabilityAtMost(1, 10, 2, 3), 1e-12);
        // 8 good records among 10 and 9 drawn: at least one bad one is certain
        assertEquals(0, AttributeSampling.probabilityAtMost(0, 10, 2, 9));
    }

    @Test
    void upperDeviationLimitIsWhatTheSampleRulesOutAtTheConfidence() {
        // 0 in 59 of a large stratum: 1 - 0.05^(1/59) = 4.95%
        assertEquals(0.0495, AttributeSampling.upperDeviationLimit(LARGE, 59, 0, 0.95), 0.0001);
        // 0 in 51 of 200: a stratum with 10 deviations would have shown one with 95% probability (9: 93.4%)
        assertEquals(0.05, AttributeSampling.upperDeviationLimit(200, 51, 0, 0.95));
        // 1 in 93 of a large stratum: the table's 93 (1) gives 5% (binomial limit 4.99%)
        assertEquals(0.0499, AttributeSampling.upperDeviationLimit(LARGE, 93, 1, 0.95), 0.0001);
        assertEquals(0.25, AttributeSampling.upperDeviationLimit(12, 12, 3, 0.95));
    }

    @Test
    void statementsSayTheLimitInWordsAnAuditorReads() {
        StratumDraw large = new StratumDraw(new Stratum("claims", "TPE-01", null), 5000, 59,
                new StratumSizing(SizingRule.ASSURANCE, 59, Assurance.defaults()));
        assertEquals("0 deviations in 59: at most 5% at 95%",
                DeviationLimit.of(large, figures(5000, 59, 59, 59)).orElseThrow().describe());
        assertEquals("2 deviations in 59: at most 10.3% at 95%",
                DeviationLimit.of(large, figures(5000, 59, 59, 57)).orElseThrow().describe());
        StratumDraw whole = new StratumDraw(new Stratum("claims", "KHH-01", null), 3, 3,
                new StratumSizing(SizingRule.CENSUS, 3, Assurance.defaults()));
        assertEquals("1 deviation in 3 (all): exactly 33.3%",
                DeviationLimit.of(whole, figures(3, 3, 3, 2)).orElseThrow().describe());
        assertEquals("assurance: minimum 59 for 95% confidence, 5% tolerable, 0% expected deviations",
                large.sizing().describe());
    }

    @Test
    void noLimitIsStatedBeforeEveryPickIsInspectedOrWithoutAnAssurance() {
        StratumDraw large = new StratumDraw(new Stratum("claims", "TPE-01", null), 5000, 59,
                new StratumSizing(SizingRule.ASSURANCE, 59, Assurance.defaults()));
        assertEquals(java.util.Optional.empty(), DeviationLimit.of(large, figures(5000, 59, 58, 58)));
        StratumDraw fixed = new StratumDraw(new Stratum("claims", "TPE-01", null), 5000, 5,
                Fixtures.fixed(SizingRule.MINIMUM, 5));
        assertEquals(java.util.Optional.empty(), DeviationLimit.of(fixed, figures(5000, 5, 5, 5)));
    }

    private static InspectionStatistics figures(int population, int sampled, int inspected, int passed) {
        return new InspectionStatistics(population, sampled, inspected, passed, population == sampled,
                java.util.Optional.empty(), java.util.Optional.empty());
    }
}
