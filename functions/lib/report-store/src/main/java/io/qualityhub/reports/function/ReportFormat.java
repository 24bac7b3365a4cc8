package io.qualityhub.reports.function;

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
