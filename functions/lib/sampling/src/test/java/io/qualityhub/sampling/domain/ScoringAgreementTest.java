package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ScoringAgreementTest {

    @Test
    void percentAgreementKappaAndDisagreementsOfATextbookTable() {
        // 50 pairs: both pass 20, both fail 15, first pass / second fail 5, first fail / second pass 10.
        // p_o = 35/50 = 0.7; first passes 25/50, second 30/50; p_e = 0.5 x 0.6 + 0.5 x 0.4 = 0.5; kappa = 0.4.
        List<ScoringAgreement.Pair> pairs = new ArrayList<>();
        add(pairs, 20, Verdict.PASS, Verdict.PASS, "A");
        add(pairs, 15, Verdict.FAIL, Verdict.FAIL, "B");
        add(pairs, 5, Verdict.PASS, Verdict.FAIL, "C");
        add(pairs, 10, Verdict.FAIL, Verdict.PASS, "D");
        ScoringAgreement agreement = ScoringAgreement.of("claims-quality", pairs);
        assertEquals(50, agreement.pairs());
        assertEquals(35, agreement.agreements());
        assertEquals(70.0, agreement.percentAgreement().getAsDouble(), 1e-12);
        assertEquals(0.4, agreement.kappa().getAsDouble(), 1e-12);
        assertEquals(15, agreement.disagreements().size());
        assertEquals("INS-C00", agreement.disagreements().getFirst());
        assertEquals("INS-D09", agreement.disagreements().getLast());
    }

    @Test
    void kappaIsUndefinedWhenEveryVerdictIsTheSameAndNoPairsGiveNoFigures() {
        List<ScoringAgreement.Pair> allPass = new ArrayList<>();
        add(allPass, 4, Verdict.PASS, Verdict.PASS, "A");
        ScoringAgreement agreement = ScoringAgreement.of("sales-quality", allPass);
        assertEquals(100.0, agreement.percentAgreement().getAsDouble());
        assertEquals(OptionalDouble.empty(), agreement.kappa());
        ScoringAgreement none = ScoringAgreement.of("sales-quality", List.of());
        assertEquals(OptionalDouble.empty(), none.percentAgreement());
        assertEquals(OptionalDouble.empty(), none.kappa());
    }

    @Test
    void perfectDisagreementGivesNegativeKappa() {
        List<ScoringAgreement.Pair> pairs = new ArrayList<>();
        add(pairs, 2, Verdict.PASS, Verdict.FAIL, "A");
        add(pairs, 2, Verdict.FAIL, Verdict.PASS, "B");
        // p_o = 0, p_e = 0.5 x 0.5 + 0.5 x 0.5 = 0.5, kappa = -1
        assertEquals(-1.0, ScoringAgreement.of("t", pairs).kappa().getAsDouble(), 1e-12);
    }

    @Test
    void kappaWhenTheTwoInspectorsPassDifferentSharesAndDisagreementsInTaskOrder() {
        // 8 pairs: both pass 4, first pass / second fail 2, both fail 2.
        // p_o = 6/8 = 0.75; first passes 6/8, second 4/8; p_e = 0.75 x 0.5 + 0.25 x 0.5 = 0.5; kappa = 0.5.
        List<ScoringAgreement.Pair> pairs = new ArrayList<>();
        pairs.add(new ScoringAgreement.Pair("INS-9", Verdict.PASS, Verdict.FAIL));
        add(pairs, 4, Verdict.PASS, Verdict.PASS, "A");
        pairs.add(new ScoringAgreement.Pair("INS-1", Verdict.PASS, Verdict.FAIL));
        add(pairs, 2, Verdict.FAIL, Verdict.FAIL, "B");
        ScoringAgreement agreement = ScoringAgreement.of("claims-quality", pairs);
        assertEquals(0.5, agreement.kappa().getAsDouble(), 1e-12);
        assertEquals(List.of("INS-1", "INS-9"), agreement.disagreements());
    }

    private static void add(List<ScoringAgreement.Pair> pairs, int count, Verdict first, Verdict second, String tag) {
        for (int i = 0; i < count; i++) {
            pairs.add(new ScoringAgreement.Pair(String.format("INS-%s%02d", tag, i), first, second));
        }
    }
}
