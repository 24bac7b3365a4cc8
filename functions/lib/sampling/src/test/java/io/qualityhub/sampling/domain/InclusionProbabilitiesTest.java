package io.qualityhub.sampling.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class InclusionProbabilitiesTest {

    @Test
    void probabilitiesAreProportionalToWeightAndAddUpToTheSampleSize() {
        assertArrayEquals(new double[]{0.5, 0.125, 0.125, 0.125, 0.125},
                InclusionProbabilities.proportionalToWeight(new double[]{4, 1, 1, 1, 1}, 1), 1e-15);
    }

    @Test
    void heavyRecordsAreCappedAtCertaintyAndTheRestShareWhatIsLeft() {
        // 3 * 100 / 154 > 1: certain. Then 2 * 50 / 54 > 1: certain. The last pick is shared by four equals.
        assertArrayEquals(new double[]{1, 1, 0.25, 0.25, 0.25, 0.25},
                InclusionProbabilities.proportionalToWeight(new double[]{100, 50, 1, 1, 1, 1}, 3), 1e-15);
    }

    @Test
    void sampleOfTheWholeStratumMakesEveryRecordCertain() {
        assertArrayEquals(new double[]{1, 1, 1},
                InclusionProbabilities.proportionalToWeight(new double[]{9, 1, 1}, 3), 0);
    }
}
