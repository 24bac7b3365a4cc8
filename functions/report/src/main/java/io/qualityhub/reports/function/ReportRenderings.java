package io.qualityhub.reports.function;

import io.qualityhub.reports.render.CsvReportRenderer;
import io.qualityhub.reports.render.JsonReportRenderer;
import io.qualityhub.reports.render.PdfReportRenderer;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.SnapshotReference;
import java.time.ZoneId;

/**
 * A report in each format it is stored in: what the report function stores and what {@code report verify} renders
 * again and compares byte for byte. Only this function renders PDFs, so the formats' names (ReportFormat) stay beside
 * the other functions' code without PDFBox.
 */
public final class ReportRenderings {

  private final ZoneId companyZone;

  /** @param companyZone the zone the PDF gives its times in ({@code COMPANY_TIME_ZONE}) */
  public ReportRenderings(ZoneId companyZone) {
    this.companyZone = companyZone;
  }

  /** The report in {@code format}; the JSON names the snapshot it was built from. */
  public byte[] render(ReportFormat format, QualityReport report, SnapshotReference snapshot) {
    return switch (format) {
      case PDF -> new PdfReportRenderer(companyZone).render(report);
      case CSV -> new CsvReportRenderer().render(report);
      case JSON -> new JsonReportRenderer().render(report, snapshot);
    };
  }
}
