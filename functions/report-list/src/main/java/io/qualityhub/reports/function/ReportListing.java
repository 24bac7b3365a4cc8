package io.qualityhub.reports.function;

import io.qualityhub.reports.audit.ReportAccessPolicy;
import io.qualityhub.reports.report.ReportScope;
import java.util.List;
import java.util.Set;

/**
 * The reports a person may read, by the same {@link ReportAccessPolicy} that decides a download:
 * auditors and the quality department every report, a branch manager their branch's reports only.
 */
final class ReportListing {

  private final ReportStore reports;

  ReportListing(ReportStore reports) {
    this.reports = reports;
  }

  List<StoredReport> readableBy(Set<String> groups) {
    return reports.catalogue().stream()
        .filter(report -> ReportAccessPolicy.decide(groups, scopeOf(report)).allowed())
        .toList();
  }

  static ReportScope scopeOf(StoredReport report) {
    return report.scope().equals("company") ? ReportScope.company() : ReportScope.branch(report.scope());
  }
}
