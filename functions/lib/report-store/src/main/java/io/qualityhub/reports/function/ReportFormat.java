package io.qualityhub.reports.function;

import io.qualityhub.reports.render.CsvReportRenderer;
import io.qualityhub.reports.render.JsonReportRenderer;
import io.qualityhub.reports.render.PdfReportRenderer;
import io.qualityhub.reports.report.QualityReport;
import io.qualityhub.reports.report.SnapshotReference;
import java.util.Locale;

/** The renderings every report is stored in. */
public enum ReportFormat {
  PDF("application/pdf"),
  CSV("text/csv; charset=utf-8"),
  JSON("application/json");

  private final String contentType;

  ReportFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  /** The report in this format; the JSON names the snapshot it was built from. Used to store and to verify alike. */
  public byte[] render(QualityReport report, SnapshotReference snapshot) {
    return switch (this) {
      case PDF -> new PdfReportRenderer().render(report);
      case CSV -> new CsvReportRenderer().render(report);
      case JSON -> new JsonReportRenderer().render(report, snapshot);
    };
  }

  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code pdf}, {@code csv} or {@code json}; anything else is refused with the choices named. */
  public static ReportFormat fromExtension(String extension) {
    for (ReportFormat format : values()) {
      if (format.extension().equals(extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException("report format '" + extension + "' is not one of pdf, csv, json");
  }
}
