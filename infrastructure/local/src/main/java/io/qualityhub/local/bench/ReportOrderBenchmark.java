package io.qualityhub.local.bench;

import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.AggregateLedger;
import io.qualityhub.reports.aggregate.AggregateSource;
import io.qualityhub.reports.aggregate.DailyAggregate;
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
import io.qualityhub.reports.report.ReportSnapshot;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduled report order (the company's monthly report and one per branch) over one month of N records, as the
 * report function's service runs it: one builder over one recording source for all the order's reports, the snapshot
 * of what they read, every report rebuilt from the snapshot and rendered as PDF, CSV and JSON. Storage is in memory
 * (the aggregates the aggregate function keeps, one per branch, day and type); what DynamoDB and S3 would be asked is
 * counted: the aggregates read and their stored size, and the objects written.
 */
public final class ReportOrderBenchmark {

  private static final Instant ORDERED = Instant.parse("2026-12-01T01:00:00Z");

  private ReportOrderBenchmark() {}

  public static Map<String, String> run(int records, int branches, PrintStream progress) {
    progress.println("aggregating " + records + " records over " + branches + " branches...");
    AggregateLedger ledger = new AggregateLedger();
    long facts = ReportsBenchmark.aggregateMonth(ledger, records, branches);
    long[] reads = {0, 0, 0};
    AggregateSource counted = (from, toInclusive) -> {
      List<DailyAggregate> aggregates = ledger.aggregatesBetween(from, toInclusive);
      reads[0]++;
      reads[1] += aggregates.size();
      for (DailyAggregate aggregate : aggregates) {
        reads[2] += AggregateJson.write(aggregate).getBytes(StandardCharsets.UTF_8).length;
      }
      return aggregates;
    };

    progress.println("running the order: building, snapshotting, rebuilding and rendering every report...");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    HeapAfterCollections heap = new HeapAfterCollections();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    IndicatorTargets targets = IndicatorTargets.loadDefault();
    ReportSnapshot.Recorder read = new ReportSnapshot.Recorder(counted);
    ReportBuilder builder = new ReportBuilder(read, targets, FindingRules.standard());
    ReportPeriod period = ReportPeriod.month(ReportsBenchmark.MONTH);
    LocalDate asOf = period.endInclusive();
    Map<String, ReportRequest> requests = new LinkedHashMap<>();
    ReportRequest companyRequest = ReportRequest.builder(period, ReportScope.company(), ORDERED).asOf(asOf).build();
    QualityReport company = builder.build(companyRequest);
    requests.put(company.baseName(), companyRequest);
    for (String branch : company.branchIndicators().keySet().stream().sorted().toList()) {
      ReportRequest branchRequest = ReportRequest.builder(period, ReportScope.branch(branch), ORDERED).asOf(asOf).build();
      requests.put(builder.build(branchRequest).baseName(), branchRequest);
    }
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    long snapshotStart = System.nanoTime();
    ReportSnapshot snapshot = read.snapshot(ReportSnapshot.GENERATOR, ORDERED, targets, "bench", requests);
    int snapshotBytes = snapshot.written().json().length;
    Map<String, QualityReport> rebuilt = snapshot.rebuildAll();
    double snapshotSeconds = (System.nanoTime() - snapshotStart) / 1e9;
    long renderStart = System.nanoTime();
    long renderedBytes = 0;
    PdfReportRenderer pdf = new PdfReportRenderer();
    CsvReportRenderer csv = new CsvReportRenderer();
    JsonReportRenderer json = new JsonReportRenderer();
    // The PDF library logs a warning per font to standard output, where the figures go.
    PrintStream console = System.out;
    System.setOut(new PrintStream(PrintStream.nullOutputStream()));
    try {
      for (QualityReport report : rebuilt.values()) {
        renderedBytes += pdf.render(report).length + csv.render(report).length + json.render(report).length;
      }
    } finally {
      System.setOut(console);
    }
    double renderSeconds = (System.nanoTime() - renderStart) / 1e9;
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    heap.close();

    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("records", Long.toString(facts));
    figures.put("branches", Integer.toString(branches));
    figures.put("aggregates_stored", Integer.toString(ledger.aggregatesBetween(period.start(), period.endInclusive()).size()));
    figures.put("reports", Integer.toString(rebuilt.size()));
    figures.put("aggregate_source_reads", Long.toString(reads[0]));
    figures.put("aggregates_read", Long.toString(reads[1]));
    figures.put("aggregates_read_stored_kib", Long.toString(reads[2] / 1024));
    figures.put("snapshot_kib", Integer.toString(snapshotBytes / 1024));
    figures.put("rendered_objects", Integer.toString(rebuilt.size() * 3));
    figures.put("rendered_mib", String.format("%.1f", renderedBytes / 1048576.0));
    figures.put("build_seconds", String.format("%.2f", buildSeconds));
    figures.put("snapshot_and_rebuild_seconds", String.format("%.2f", snapshotSeconds));
    figures.put("render_seconds", String.format("%.2f", renderSeconds));
    figures.put("wall_seconds", String.format("%.2f", wallSeconds));
    figures.put("cpu_seconds", String.format("%.2f", cpuSeconds));
    figures.put("peak_heap_mib", String.format("%.1f", heap.peakCollectionUsageBytes() / 1048576.0));
    figures.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " "
        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return figures;
  }
}
