package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.reports.audit.AccessRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportAccessServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00.123Z");
  private static final String BRANCH_PDF = "reports/2026-11/TPE-01/quality-report_2026-11_TPE-01.pdf";
  private static final StoredReport BRANCH_REPORT = new StoredReport("quality-report_2026-11_TPE-01", "2026-11", "TPE-01",
      null, "2026-12-01T02:00:00Z", Map.of(ReportFormat.PDF, new StoredReport.StoredObject(BRANCH_PDF, "v-7", "ab12", 4096)));

  private final List<String> trail = new ArrayList<>();
  private final List<String> signed = new ArrayList<>();
  private final ReportAccessService access = new ReportAccessService(
      reportId -> reportId.equals(BRANCH_REPORT.reportId()) ? Optional.of(BRANCH_REPORT) : Optional.empty(),
      (who, role, reportKey, decision, time, sourceIp, userAgent) -> {
        trail.add(String.join(" ", who, role, reportKey, decision.wire(), time.toString(), sourceIp, userAgent));
        return AccessRecord.next(AccessRecord.GENESIS_HASH, who, role, reportKey, decision, time, sourceIp, userAgent);
      },
      (objectKey, versionId, validity) -> {
        signed.add(objectKey + "@" + versionId + " for " + validity);
        return URI.create("https://reports.example/" + objectKey + "?signed");
      },
      Duration.ofSeconds(300));

  @Test
  void theOwnBranchsManagerGetsASignedUrlOfThatOneRenderingAfterTheAllowIsRecorded() {
    ReportAccessService.Answer answer = access.request(caller("mgr-tpe", "branch-manager:TPE-01"),
        "quality-report_2026-11_TPE-01", "pdf", NOW);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("report", "quality-report_2026-11_TPE-01");
    expected.put("format", "pdf");
    expected.put("key", BRANCH_PDF);
    expected.put("sha256", "ab12");
    expected.put("expiresInSeconds", 300L);
    expected.put("url", "https://reports.example/" + BRANCH_PDF + "?signed");
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(((ReportAccessService.Granted) answer).body().entrySet()));
    assertEquals(List.of("mgr-tpe branch-manager:TPE-01 " + BRANCH_PDF + " allow 2026-12-01T08:00:00.123Z 192.0.2.7 curl/8"),
        trail);
    assertEquals(List.of(BRANCH_PDF + "@v-7 for PT5M"), signed);
  }

  @Test
  void anotherBranchsManagerIsAnsweredAsIfTheReportDidNotExistAndTheDenialIsRecorded() {
    ReportAccessService.Answer answer = access.request(caller("mgr-khh", "branch-manager:KHH-02"),
        "quality-report_2026-11_TPE-01", "pdf", NOW);

    assertEquals(new ReportAccessService.Refused(404, "no report 'quality-report_2026-11_TPE-01' in format pdf that you may"
        + " read; report ids look like quality-report_2026-11_company"), answer);
    assertEquals(List.of("mgr-khh branch-manager:KHH-02 " + BRANCH_PDF + " deny 2026-12-01T08:00:00.123Z 192.0.2.7 curl/8"),
        trail);
    assertEquals(List.of(), signed);
  }

  @Test
  void anUnknownReportOrAMissingRenderingIsRefusedWithTheSameAnswerAndRecordedUnderTheAskedId() {
    assertEquals(new ReportAccessService.Refused(404, "no report 'quality-report_2026-11_TPE-01' in format csv that you may"
        + " read; report ids look like quality-report_2026-11_company"),
        access.request(caller("auditor-1", "auditor"), "quality-report_2026-11_TPE-01", "csv", NOW));
    assertEquals(new ReportAccessService.Refused(404, "no report 'nothing-here' in format pdf that you may read; report ids"
        + " look like quality-report_2026-11_company"), access.request(caller("auditor-1", "auditor"), "nothing-here", "pdf", NOW));

    assertEquals(List.of("auditor-1 none quality-report_2026-11_TPE-01 deny 2026-12-01T08:00:00.123Z 192.0.2.7 curl/8",
        "auditor-1 none nothing-here deny 2026-12-01T08:00:00.123Z 192.0.2.7 curl/8"), trail);
  }

  @Test
  void aCallerWithoutAValidTokenIsRefusedWith401AndRecorded() {
    Caller expired = new Caller("auditor-1", Set.of("auditor"), "192.0.2.7", "curl/8",
        Optional.of("the token has expired; sign in again"));

    assertEquals(new ReportAccessService.Refused(401, "the token has expired; sign in again"),
        access.request(expired, "quality-report_2026-11_TPE-01", "pdf", NOW));
    assertEquals(List.of("auditor-1 none quality-report_2026-11_TPE-01 deny 2026-12-01T08:00:00.123Z 192.0.2.7 curl/8"),
        trail);
  }

  @Test
  void anUnknownFormatIsRefusedWith400BeforeAnythingIsLookedUpOrRecorded() {
    assertEquals(new ReportAccessService.Refused(400, "report format 'docx' is not one of pdf, csv, json"),
        access.request(caller("auditor-1", "auditor"), "quality-report_2026-11_TPE-01", "docx", NOW));
    assertEquals(List.of(), trail);
  }

  @Test
  void downloadUrlsLive300SecondsUnlessConfiguredAndNeverOver15Minutes() {
    assertEquals(Duration.ofSeconds(300), ReportAccessService.urlValidity(Optional.empty()));
    assertEquals(Duration.ofSeconds(900), ReportAccessService.urlValidity(Optional.of("900")));
    assertEquals("URL_EXPIRY_SECONDS is 901; set 1-900 (download URLs live at most 15 minutes)",
        assertThrows(IllegalArgumentException.class, () -> ReportAccessService.urlValidity(Optional.of("901"))).getMessage());
    assertEquals("URL_EXPIRY_SECONDS is 0; set 1-900 (download URLs live at most 15 minutes)",
        assertThrows(IllegalArgumentException.class, () -> ReportAccessService.urlValidity(Optional.of("0"))).getMessage());
    assertEquals("URL_EXPIRY_SECONDS '5m' is not a whole number of seconds",
        assertThrows(IllegalArgumentException.class, () -> ReportAccessService.urlValidity(Optional.of("5m"))).getMessage());
  }

  private static Caller caller(String who, String group) {
    return new Caller(who, Set.of(group), "192.0.2.7", "curl/8", Optional.empty());
  }
}
