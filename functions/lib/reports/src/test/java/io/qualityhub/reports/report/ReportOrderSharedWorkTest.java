package io.qualityhub.reports.report;

import static io.qualityhub.reports.HandBuiltDataset.KHH;
import static io.qualityhub.reports.HandBuiltDataset.TPE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.reports.HandBuiltDataset;
import io.qualityhub.reports.aggregate.AggregateSource;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.indicator.RagStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report order (the company's report and one per branch) combines the aggregates into tallies and evaluates every
 * branch's indicators once for all its reports (issue 16, item 5), and each report still carries its own figures.
 */
class ReportOrderSharedWorkTest {

    private static final Instant GENERATED = Instant.parse("2026-11-01T01:00:00Z");
    private static final ReportPeriod OCTOBER = ReportPeriod.month(YearMonth.of(2026, 10));

    /** The spans the builder asked for: each ask is a grouping and evaluation of the whole order's data. */
    private final List<String> reads = new ArrayList<>();
    private final AggregateSource ledger = HandBuiltDataset.ledger();
    private final AggregateSource counted = (from, toInclusive) -> {
        reads.add(from + ".." + toInclusive);
        return ledger.aggregatesBetween(from, toInclusive);
    };
    private final ReportBuilder builder = new ReportBuilder(counted, IndicatorTargets.loadDefault(), FindingRules.standard());

    @Test
    void theCompanyReportAndEachBranchReportShareOneEvaluation() {
        QualityReport company = builder.build(ReportRequest.builder(OCTOBER, ReportScope.company(), GENERATED).build());
        QualityReport taipei = builder.build(ReportRequest.builder(OCTOBER, ReportScope.branch(TPE), GENERATED).build());
        QualityReport kaohsiung = builder.build(ReportRequest.builder(OCTOBER, ReportScope.branch(KHH), GENERATED).build());

        assertEquals(List.of("2026-05-01..2026-10-31"), reads);
        assertEquals(List.of(new Comparison.Bar(KHH, 100.0, RagStatus.GREEN), new Comparison.Bar(TPE, 50.0, RagStatus.RED)),
                company.comparison().bars());
        assertEquals(List.of(new Comparison.Bar(TPE, 50.0, RagStatus.RED), new Comparison.Bar("company", 60.0, RagStatus.RED)),
                taipei.comparison().bars());
        assertEquals(List.of(new Comparison.Bar(KHH, 100.0, RagStatus.GREEN), new Comparison.Bar("company", 60.0, RagStatus.RED)),
                kaohsiung.comparison().bars());
    }

    @Test
    void anotherAsOfIsEvaluatedOnItsOwn() {
        builder.build(ReportRequest.builder(OCTOBER, ReportScope.company(), GENERATED).build());
        builder.build(ReportRequest.builder(OCTOBER, ReportScope.company(), GENERATED).asOf(LocalDate.parse("2026-10-15")).build());
        builder.build(ReportRequest.builder(OCTOBER, ReportScope.branch(TPE), GENERATED).asOf(LocalDate.parse("2026-10-15")).build());

        assertEquals(List.of("2026-05-01..2026-10-31", "2026-05-01..2026-10-31"), reads);
    }
}
