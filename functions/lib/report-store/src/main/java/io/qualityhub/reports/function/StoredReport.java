package io.qualityhub.reports.function;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A report's index entry: what it covers and where each rendering lies, with its SHA-256.
 *
 * @param reportId the report's file-name stem, e.g. {@code quality-report_2026-11_company}
 * @param scope    {@code company} or a branch code
 * @param topic    the special report's topic code, or {@code null}
 */
public record StoredReport(String reportId, String period, String scope, String topic, String generatedAt,
                           Map<ReportFormat, StoredObject> objects) {

  public StoredReport {
    Map<ReportFormat, StoredObject> ordered = new EnumMap<>(ReportFormat.class);
    ordered.putAll(objects);
    objects = Collections.unmodifiableMap(ordered);
  }

  /** One rendering in the reports bucket. */
  public record StoredObject(String key, String versionId, String sha256, long bytes) {}
}
