package io.qualityhub.reports.report;

import java.util.List;
import java.util.Objects;

/**
 * What one inspection sample of the report's period lets an auditor say: per stratum, the upper deviation limit its
 * results reach at the plan's confidence ("0 deviations in 59: at most 5% at 95%"), and per inspection team, how far
 * the two inspectors of double-scored tasks agree, with the tasks they disagree on; a month's sample also names the
 * staff its run flagged as repeat violators (policy III.4.3). The sampling rules compute the figures, statements and
 * flags (docs/sampling.md); a report only shows them. Codes, counts, task and staff ids only.
 *
 * @param samplePeriod    the sampling period, e.g. {@code 2026-10} or {@code 2026-W43}
 * @param agreement       per team; empty in a branch report, as teams inspect every branch
 * @param repeatViolators the month's repeat violators as of its last day, by staff id (in a branch report, those with a
 *                        violation at the branch); empty for a week, or a month whose run stored no list
 */
public record SampleAssurance(String samplePeriod, List<StratumStatement> strata, List<TeamAgreement> agreement,
                              List<RepeatViolator> repeatViolators) {

    public SampleAssurance {
        ItemIds.requireId("sample period", samplePeriod);
        strata = List.copyOf(strata);
        agreement = List.copyOf(agreement);
        repeatViolators = List.copyOf(repeatViolators);
    }

    /**
     * @param productLine the product line, or {@code null} when the type is not stratified by product line
     * @param deviations  failed inspections so far
     * @param statement   the upper deviation limit in words, or {@code null} while sampled records still lack a result
     *                    (the inspected part of a sample is not a random sample) or the plan set no assurance
     */
    public record StratumStatement(String recordType, String branch, String productLine, int population, int sampled,
                                   int inspected, int deviations, String statement) {
        public StratumStatement {
            ItemIds.requireCode("sampled record type", recordType);
            ItemIds.requireId("stratum branch", branch);
            if (population < 1 || sampled < 0 || sampled > population || inspected < 0 || inspected > sampled
                    || deviations < 0 || deviations > inspected) {
                throw new IllegalArgumentException("stratum " + recordType + "/" + branch + " cannot have "
                        + deviations + " deviations in " + inspected + " inspected of " + sampled + " sampled from "
                        + population);
            }
        }
    }

    /**
     * @param pairs         double-scored tasks with both results in
     * @param agreements    of those, the tasks both scored alike
     * @param kappa         Cohen's kappa, or {@code null} when chance explains all agreement or no pair is in
     * @param disagreements the task ids scored differently, for the quality department to adjudicate
     */
    public record TeamAgreement(String team, int pairs, int agreements, Double kappa, List<String> disagreements) {
        public TeamAgreement {
            ItemIds.requireId("inspection team", team);
            Objects.checkIndex(agreements, pairs + 1);
            disagreements = List.copyOf(disagreements);
            disagreements.forEach(task -> ItemIds.requireId("disagreement task id", task));
        }

        /** Share of pairs scored alike, in percent; {@code null} without pairs. */
        public Double percentAgreement() {
            return pairs == 0 ? null : 100.0 * agreements / pairs;
        }
    }

    /**
     * A member of staff with two or more violations in the twelve months up to the sample month's last day.
     *
     * @param branches   the branches that reported their violations in those months (in a branch report, the branch)
     * @param violations their violations in those months, at every branch
     */
    public record RepeatViolator(String staffId, String department, List<String> branches, int violations) {
        public RepeatViolator {
            ItemIds.requireId("repeat violator staff id", staffId);
            ItemIds.requireCode("repeat violator department", department);
            branches = List.copyOf(branches);
            branches.forEach(branch -> ItemIds.requireId("repeat violator branch", branch));
            if (violations < 1) {
                throw new IllegalArgumentException("repeat violator " + staffId + " cannot have " + violations
                        + " violations");
            }
        }
    }
}
