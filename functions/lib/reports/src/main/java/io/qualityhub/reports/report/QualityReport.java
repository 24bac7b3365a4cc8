package io.qualityhub.reports.report;

import io.qualityhub.reports.finding.Finding;
import io.qualityhub.reports.indicator.Indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A periodic or special quality report, ready to render. It holds ids, codes and numbers only.
 *
 * @param indicators       the scope's indicators (only the topic's, for a special report)
 * @param branchIndicators every branch's indicators in a company report; empty in a branch report,
 *                         which must not show other branches
 * @param branchNames      display names by branch code, e.g. {@code TPE-01 -> 台北一分公司}
 * @param samples          what the period's inspection samples let an auditor say, within the scope
 * @param branchNamesEn    English names by branch code, e.g. {@code TPE-01 -> Taipei Branch 1}
 * @param revisions        the periods shown whose figures changed after a report for them was issued
 */
public record QualityReport(ReportPeriod period, ReportPeriod previousPeriod, ReportScope scope, LocalDate asOf,
                            Instant generatedAt, List<Indicator> indicators,
                            Map<String, List<Indicator>> branchIndicators, List<TrendSeries> trends,
                            Comparison comparison, List<Finding> findings, Optional<SpecialSection> special,
                            Map<String, String> branchNames, List<SampleAssurance> samples,
                            Map<String, String> branchNamesEn, List<Revision> revisions) {

    public QualityReport {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(previousPeriod, "previousPeriod");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(comparison, "comparison");
        indicators = List.copyOf(indicators);
        branchIndicators = Map.copyOf(branchIndicators);
        trends = List.copyOf(trends);
        findings = List.copyOf(findings);
        Objects.requireNonNull(special, "special");
        branchNames = Map.copyOf(branchNames);
        samples = List.copyOf(samples);
        branchNamesEn = Map.copyOf(branchNamesEn);
        revisions = List.copyOf(revisions);
    }

    /** A report that revises no earlier one. */
    public QualityReport(ReportPeriod period, ReportPeriod previousPeriod, ReportScope scope, LocalDate asOf,
                         Instant generatedAt, List<Indicator> indicators, Map<String, List<Indicator>> branchIndicators,
                         List<TrendSeries> trends, Comparison comparison, List<Finding> findings,
                         Optional<SpecialSection> special, Map<String, String> branchNames,
                         List<SampleAssurance> samples, Map<String, String> branchNamesEn) {
        this(period, previousPeriod, scope, asOf, generatedAt, indicators, branchIndicators, trends, comparison,
                findings, special, branchNames, samples, branchNamesEn, List.of());
    }

    public String titleEn() {
        String base = special.map(s -> "Special quality report: " + s.topic().nameEn()).orElse("Quality management report");
        return base + " - " + scopeNameEn() + " - " + period.label();
    }

    public String titleZh() {
        String base = special.map(s -> "品質管理專項報告:" + s.topic().nameZh()).orElse("保險品質管理報告");
        return base + " - " + scopeNameZh() + " - " + period.label();
    }

    public String scopeNameEn() {
        return scope.isCompany() ? "Company-wide" : "Branch " + displayNameEn(scope.branch());
    }

    public String scopeNameZh() {
        return scope.isCompany() ? "全公司" : "分公司 " + displayName(scope.branch());
    }

    /** The branch code, followed by its display name when one is known. */
    public String displayName(String branch) {
        String name = branchNames.get(branch);
        return name == null ? branch : branch + " " + name;
    }

    /** The branch code, followed by its English name when one is known. */
    public String displayNameEn(String branch) {
        String name = branchNamesEn.get(branch);
        return name == null ? branch : branch + " " + name;
    }

    /** A file-name stem: {@code quality-report_2026-10_company} or {@code special-report_2026-10_TPE-01_claims-timeliness}. */
    public String baseName() {
        return special.map(s -> "special-report_" + period.label() + "_" + scope.label() + "_" + s.topic().code())
                .orElse("quality-report_" + period.label() + "_" + scope.label());
    }
}
