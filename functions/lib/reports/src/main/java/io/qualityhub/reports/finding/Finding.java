package io.qualityhub.reports.finding;

import io.qualityhub.reports.report.ReportScope;

import java.util.List;

/**
 * A problem found in the indicators, with the action suggested for it and what drives it.
 *
 * @param rank             1 for the most pressing finding of the report
 * @param score            what the ranking sorts by (higher first); see {@link FindingRules}
 * @param drivers          in a company finding, the branches behind it, worst first; empty in a branch's own finding
 *                         (its counts are in the detail)
 * @param recordIds        ids of the records behind it where the period's files named them (claims settled late,
 *                         complaints resolved late), the first {@link FindingRules#MAX_RECORD_IDS}; company-wide ones
 *                         qualified with their branch
 * @param recordCount      how many such records there are in all
 * @param alsoIndicatorIds other indicators of the same scope whose finding would repeat this one's advice, grouped
 *                         into it
 */
public record Finding(int rank, Kind kind, Severity severity, double score, ReportScope scope, String indicatorId,
                      String titleEn, String titleZh, String detailEn, String detailZh,
                      String suggestedActionEn, String suggestedActionZh, List<Driver> drivers,
                      List<String> recordIds, int recordCount, List<String> alsoIndicatorIds) {

    public enum Kind { BELOW_TARGET, WORSENING_TREND, OUTLIER_BRANCH }

    public enum Severity { HIGH, MEDIUM, LOW }

    public Finding {
        drivers = List.copyOf(drivers);
        recordIds = List.copyOf(recordIds);
        alsoIndicatorIds = List.copyOf(alsoIndicatorIds);
    }

    /** The same finding at another place in a ranked list. */
    public Finding withRank(int newRank) {
        return new Finding(newRank, kind, severity, score, scope, indicatorId, titleEn, titleZh, detailEn, detailZh,
                suggestedActionEn, suggestedActionZh, drivers, recordIds, recordCount, alsoIndicatorIds);
    }
}
