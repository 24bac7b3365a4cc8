package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.reports.audit.ReportAccessPolicy;
import io.qualityhub.reports.report.ReportScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reports a person may read, by the same {@link ReportAccessPolicy} that decides a download: auditors and the
 * quality department every report, a branch manager their branch's reports only; newest period first, with their
 * formats. It hands out no report content, so it writes no audit record; each download does. A branch report's row
 * carries the branch's names from the branch directory, for the portal to show beside the code.
 */
final class ReportListing {

  private static final Logger LOG = LoggerFactory.getLogger(ReportListing.class);

  /** What the caller is told: an HTTP status and the body. */
  record Answer(int status, Map<String, Object> body) {}

  private final Supplier<List<StoredReport>> catalogue;
  private final BranchDirectory branchNames;

  /** @param catalogue every stored report, newest period first ({@link ReportStore#catalogue}) */
  ReportListing(Supplier<List<StoredReport>> catalogue, BranchDirectory branchNames) {
    this.catalogue = catalogue;
    this.branchNames = branchNames;
  }

  Answer listFor(Caller caller) {
    if (caller.problem().isPresent()) {
      return new Answer(401, Map.of("error", caller.problem().get()));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StoredReport report : catalogue.get()) {
      if (ReportAccessPolicy.decide(caller.groups(), scopeOf(report)).allowed()) {
        rows.add(row(report));
      }
    }
    LOG.info("reports listed", entry("who", caller.who()), entry("groups", List.copyOf(caller.groups())),
        entry("reports", rows.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("who", caller.who());
    body.put("groups", caller.groups().stream().sorted().toList());
    body.put("reports", rows);
    return new Answer(200, body);
  }

  private Map<String, Object> row(StoredReport report) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("report", report.reportId());
    row.put("period", report.period());
    row.put("scope", report.scope());
    branchNames.nameOf(report.scope()).ifPresent(name -> row.put("branchName", Map.of("zh-Hant", name.zh(),
        "en", name.en())));
    row.put("topic", report.topic());
    row.put("generatedAt", report.generatedAt());
    row.put("formats", report.objects().keySet().stream().map(ReportFormat::extension).toList());
    return row;
  }

  static ReportScope scopeOf(StoredReport report) {
    return report.scope().equals("company") ? ReportScope.company() : ReportScope.branch(report.scope());
  }
}
