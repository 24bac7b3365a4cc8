package io.qualityhub.local.bench;

import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.SaleFact;
import io.qualityhub.reports.finding.FindingRules;
import io.qualityhub.reports.indicator.IndicatorTargets;
import io.qualityhub.reports.render.CsvReportRenderer;
import io.qualityhub.reports.render.JsonReportRenderer;
import io.qualityhub.reports.render.PdfReportRenderer;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.ReportBuilder;
import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportRequest;
import io.qualityhub.reports.report.ReportScope;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Report generation for one month of N records over B branches: the per-file aggregates intake's
 * file events produce (accumulated here in process, storage excluded), then the company report built
 * from them and rendered as PDF, CSV and JSON. Building reads aggregates only, never records.
 */
public final class ReportsBenchmark {

  static final YearMonth MONTH = YearMonth.of(2026, 11);

  private ReportsBenchmark() {}

  public static Map<String, String> run(int records, int branches, PrintStream progress) {
    int days = MONTH.lengthOfMonth();
    progress.println("aggregating " + records + " records over " + branches + " branches and " + days + " days...");
    long start = System.nanoTime();
    AggregateLedger ledger = new AggregateLedger();
    long facts = aggregateMonth(ledger, records, branches);
    double aggregateSeconds = (System.nanoTime() - start) / 1e9;

    progress.println("building and rendering the company report...");
    long buildStart = System.nanoTime();
    QualityReport report = new ReportBuilder(ledger, IndicatorTargets.loadDefault(), FindingRules.standard())
        .build(ReportRequest.builder(ReportPeriod.month(MONTH), ReportScope.company(), Instant.parse("2026-12-01T00:00:00Z")).build());
    double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
    long pdfStart = System.nanoTime();
    byte[] pdf = new PdfReportRenderer().render(report);
    double pdfSeconds = (System.nanoTime() - pdfStart) / 1e9;
    long dataStart = System.nanoTime();
    byte[] csv = new CsvReportRenderer().render(report);
    byte[] json = new JsonReportRenderer().render(report);
    double dataSeconds = (System.nanoTime() - dataStart) / 1e9;

    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("records", Long.toString(facts));
    figures.put("branches", Integer.toString(branches));
    figures.put("aggregates", Integer.toString(branches * days * 3));
    figures.put("aggregate_seconds", String.format("%.2f", aggregateSeconds));
    figures.put("report_build_seconds", String.format("%.3f", buildSeconds));
    figures.put("pdf_render_seconds", String.format("%.2f", pdfSeconds));
    figures.put("csv_json_render_seconds", String.format("%.3f", dataSeconds));
    figures.put("pdf_kib", Long.toString(pdf.length / 1024));
    figures.put("csv_kib", Long.toString(csv.length / 1024));
    figures.put("json_kib", Long.toString(json.length / 1024));
    return figures;
  }

  /**
   * Accumulates about {@code records} records of {@link #MONTH} (claims, sales and complaints in equal shares) over
   * {@code branches} branches into {@code ledger}, one aggregate per branch, day and type, as the aggregate function
   * keeps them; returns the records accumulated.
   */
  static long aggregateMonth(AggregateLedger ledger, int records, int branches) {
    Random random = new Random(11);
    int days = MONTH.lengthOfMonth();
    int perFile = Math.max(1, records / (branches * days * 3));
    long facts = 0;
    for (int b = 0; b < branches && facts < records; b++) {
      String branch = String.format("BR-%03d", b + 1);
      for (int d = 1; d <= days; d++) {
        LocalDate day = MONTH.atDay(d);
        AggregateAccumulator claims = new AggregateAccumulator(new AggregateKey(branch, day, AggregateOrigin.of(RecordType.CLAIMS), 1));
        AggregateAccumulator sales = new AggregateAccumulator(new AggregateKey(branch, day, AggregateOrigin.of(RecordType.SALES), 1));
        AggregateAccumulator complaints = new AggregateAccumulator(new AggregateKey(branch, day, AggregateOrigin.of(RecordType.COMPLAINTS), 1));
        OffsetDateTime noon = day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
        for (int i = 0; i < perFile; i++) {
          claims.accept(new ClaimFact(random.nextBoolean() ? Complexity.SIMPLE : Complexity.COMPLEX,
              random.nextInt(10) == 0, ClaimStatus.CLOSED, noon.minusHours(random.nextInt(24 * 40)), noon,
              random.nextInt(10) != 0));
          sales.accept(new SaleFact(SalesChannel.values()[random.nextInt(5)], ProductLine.values()[random.nextInt(5)],
              true, random.nextInt(20) != 0, true, random.nextInt(15) != 0));
          complaints.accept(new ComplaintFact(random.nextInt(8) == 0 ? ComplaintSeverity.MAJOR : ComplaintSeverity.GENERAL,
              noon.minusHours(random.nextInt(24 * 20)), noon, random.nextInt(12) != 0, random.nextInt(9) != 0));
        }
        facts += 3L * perFile;
        ledger.put(claims.toAggregate());
        ledger.put(sales.toAggregate());
        ledger.put(complaints.toAggregate());
      }
    }
    return facts;
  }
}
