package io.qualityhub.reports.finding;

import io.qualityhub.reports.report.ReportScope;

/**
 * A problem found in the indicators, with the action suggested for it.
 *
 * @param rank  1 for the most pressing finding of the report
 * @param score what the ranking sorts by (higher first); see {@link FindingRules}
 */
public record Finding(int rank, Kind kind, Severity severity, double score, ReportScope scope, String indicatorId,
                      String titleEn, String titleZh, String detailEn, String detailZh,
                      String suggestedActionEn, String suggestedActionZh) {

    public enum Kind { BELOW_TARGET, WORSENING_TREND, OUTLIER_BRANCH }

    public enum Severity { HIGH, MEDIUM, LOW }

    /** The same finding at another place in a ranked list. */
    public Finding withRank(int newRank) {
        return new Finding(newRank, kind, severity, score, scope, indicatorId, titleEn, titleZh, detailEn, detailZh,
                suggestedActionEn, suggestedActionZh);
    }
}
