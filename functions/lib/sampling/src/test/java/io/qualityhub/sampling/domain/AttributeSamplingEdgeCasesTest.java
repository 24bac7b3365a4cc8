package io.qualityhub.sampling.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Limits at the edges of what a sample can show, and samples that must contain deviations. */
class AttributeSamplingEdgeCasesTest {

    @Test
    void aSampleOfOneGoodRecordBoundsTheRateByTheRecordsLeft() {
        // 1 good record of 10 seen: no rate rules out 9 deviations at 95% (P = 1/10), and 10 is impossible.
        assertEquals(0.9, AttributeSampling.upperDeviationLimit(10, 1, 0, 0.95));
    }

    @Test
    void aSampleThatIsAllDeviationsRulesNothingOut() {
        // 2 of 2 deviate: every record of the stratum may.
        assertEquals(1.0, AttributeSampling.upperDeviationLimit(10, 2, 2, 0.95));
    }

    @Test
    void impossibleInspectionResultsAreRefusedWithTheirFigures() {
        IllegalArgumentException noSample = assertThrows(IllegalArgumentException.class,
                () -> AttributeSampling.upperDeviationLimit(10, 0, 0, 0.95));
        assertEquals("0 deviations in 0 of 10 records is not a possible inspection result", noSample.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributeSampling.upperDeviationLimit(10, 11, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> AttributeSampling.upperDeviationLimit(10, 3, -1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> AttributeSampling.upperDeviationLimit(10, 3, 4, 0.95));
    }

    @Test
    void aSampleLargerThanTheGoodRecordsMustDrawDeviations() {
        // 8 of 10 deviate and 3 are drawn, so at least 1 is: P(X = 1) = C(8,1) C(2,2) / C(10,3) = 8/120,
        // P(X = 2) = C(8,2) C(2,1) / C(10,3) = 56/120.
        assertEquals(8.0 / 120, AttributeSampling.probabilityAtMost(1, 10, 8, 3), 1e-12);
        assertEquals(64.0 / 120, AttributeSampling.probabilityAtMost(2, 10, 8, 3), 1e-12);
        assertEquals(1.0, AttributeSampling.probabilityAtMost(3, 10, 8, 3), 1e-12);
        // 9 of 10 deviate and 4 are drawn, so at least 3 are: P(X = 3) = C(9,3) C(1,1) / C(10,4) = 84/210.
        assertEquals(0.4, AttributeSampling.probabilityAtMost(3, 10, 9, 4), 1e-12);
    }
}
