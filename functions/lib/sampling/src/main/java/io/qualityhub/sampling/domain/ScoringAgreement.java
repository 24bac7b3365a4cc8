package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How far two independent inspectors agree on the double-scored tasks of one team: percent agreement, Cohen's
 * kappa (agreement beyond what the two inspectors' pass rates would give by chance), and the tasks they disagree
 * on, for the quality department to adjudicate.
 *
 * @param pairs         double-scored tasks with both results in
 * @param agreements    of those, the tasks both scored alike
 * @param kappa         Cohen's kappa, (p_o - p_e) / (1 - p_e); empty when p_e is 1 (both scored every task alike
 *                      with one verdict, so chance explains all agreement) or there are no pairs
 * @param disagreements task ids scored differently, in task id order
 */
public record ScoringAgreement(String team, int pairs, int agreements, OptionalDouble kappa,
                               List<String> disagreements) {

    public ScoringAgreement {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(kappa, "kappa");
        disagreements = List.copyOf(disagreements);
    }

    /** A double-scored task's two verdicts. */
    public record Pair(String taskId, Verdict first, Verdict second) {
    }

    public static ScoringAgreement of(String team, List<Pair> pairs) {
        int agree = 0;
        int firstPasses = 0;
        int secondPasses = 0;
        List<String> disagreements = new ArrayList<>();
        for (Pair pair : pairs) {
            firstPasses += pair.first() == Verdict.PASS ? 1 : 0;
            secondPasses += pair.second() == Verdict.PASS ? 1 : 0;
            if (pair.first() == pair.second()) {
                agree++;
            } else {
                disagreements.add(pair.taskId());
            }
        }
        disagreements.sort(null);
        int n = pairs.size();
        if (n == 0) {
            return new ScoringAgreement(team, 0, 0, OptionalDouble.empty(), disagreements);
        }
        double observed = (double) agree / n;
        double firstPass = (double) firstPasses / n;
        double secondPass = (double) secondPasses / n;
        double chance = firstPass * secondPass + (1 - firstPass) * (1 - secondPass);
        OptionalDouble kappa = chance >= 1 ? OptionalDouble.empty() : OptionalDouble.of((observed - chance) / (1 - chance));
        return new ScoringAgreement(team, n, agree, kappa, disagreements);
    }

    /** Share of pairs scored alike; empty without pairs. */
    public OptionalDouble percentAgreement() {
        return pairs == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * agreements / pairs);
    }
}
