package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.deadlines.BranchDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportListingTest {

  private static final StoredReport COMPANY = report("quality-report_2026-11_company", "company", ReportFormat.PDF, ReportFormat.CSV);
  private static final StoredReport TAIPEI = report("quality-report_2026-11_TPE-01", "TPE-01", ReportFormat.PDF);
  private static final StoredReport KAOHSIUNG = report("quality-report_2026-11_KHH-02", "KHH-02", ReportFormat.JSON);
  private static final BranchDirectory NAMES = BranchDirectory.fromSetting("""
      {"branches": {"TPE-01": {"name_zh": "台北一分公司", "name_en": "Taipei Branch 1"}}}""");

  private final ReportListing listing = new ReportListing(() -> List.of(COMPANY, TAIPEI, KAOHSIUNG), NAMES);

  @Test
  void aBranchManagerSeesTheirOwnBranchsReportsOnlyWithTheBranchsNames() {
    Map<String, Object> taipei = new LinkedHashMap<>();
    taipei.put("report", "quality-report_2026-11_TPE-01");
    taipei.put("period", "2026-11");
    taipei.put("scope", "TPE-01");
    taipei.put("branchName", Map.of("zh-Hant", "台北一分公司", "en", "Taipei Branch 1"));
    taipei.put("topic", null);
    taipei.put("generatedAt", "2026-12-01T02:00:00Z");
    taipei.put("formats", List.of("pdf"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("who", "mgr-wang");
    body.put("groups", List.of("branch-manager:TPE-01"));
    body.put("reports", List.of(taipei));

    assertEquals(new ReportListing.Answer(200, body), listing.listFor(caller("mgr-wang", "branch-manager:TPE-01")));
  }

  @Test
  void anAuditorSeesEveryReportInTheCataloguesOrder() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) listing.listFor(caller("auditor-1", "auditor")).body().get("reports");

    assertEquals(List.of("quality-report_2026-11_company", "quality-report_2026-11_TPE-01", "quality-report_2026-11_KHH-02"),
        rows.stream().map(row -> row.get("report")).toList());
    assertEquals(List.of("pdf", "csv"), rows.get(0).get("formats"));
  }

  @Test
  void aCallerWithoutAValidTokenIsRefusedWith401() {
    Caller expired = new Caller("mgr-wang", Set.of("branch-manager:TPE-01"), "192.0.2.7", "curl/8",
        Optional.of("the token has expired; sign in again"));

    assertEquals(new ReportListing.Answer(401, Map.of("error", "the token has expired; sign in again")),
        listing.listFor(expired));
  }

  private static Caller caller(String who, String group) {
    return new Caller(who, Set.of(group), "192.0.2.7", "curl/8", Optional.empty());
  }

  private static StoredReport report(String id, String scope, ReportFormat... formats) {
    Map<ReportFormat, StoredReport.StoredObject> objects = new LinkedHashMap<>();
    for (ReportFormat format : formats) {
      objects.put(format, new StoredReport.StoredObject("reports/2026-11/" + scope + "/" + id + "." + format.extension(),
          "v1", "ab12", 100));
    }
    return new StoredReport(id, "2026-11", scope, null, "2026-12-01T02:00:00Z", objects);
  }
}
