package io.qualityhub.reports.function;

import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ClaimStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.deadlines.DeadlinePolicyLoader;
import io.qualityhub.reports.aggregate.ClaimFact;
import io.qualityhub.reports.aggregate.ComplaintFact;
import io.qualityhub.reports.aggregate.Fact;
import io.qualityhub.reports.aggregate.SaleFact;
import io.qualityhub.reports.aggregate.PortfolioFact;
import io.qualityhub.reports.aggregate.SurveyFact;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FactReaderTest {

  private static final DeadlineVerdicts VERDICTS = new DeadlineVerdicts(DeadlinePolicyLoader.loadDefaults());

  @Test
  void aSaleNeedsTermsRiskNoticeAndSignatureForDisclosureAndCountsItsRecording() {
    Fact fact = read(RecordType.SALES, Map.of("channel", "telemarketing", "product_line", "auto", "terms_given", "Y",
        "risk_notice_given", "N", "customer_signed", "Y", "recording_id", "REC-1", "customer_name", "Wang"));
    assertEquals(new SaleFact(SalesChannel.TELEMARKETING, ProductLine.AUTO, true, false, true, true), fact);
  }

  @Test
  void aHealthClaimSettledFiveDaysAfterCompleteDocumentsIsOnTimeAndTwentyDaysIsLate() {
    assertEquals(Boolean.TRUE, settledClaim("2026-11-06T10:00:00+08:00").settledWithinDeadline());
    assertEquals(Boolean.FALSE, settledClaim("2026-11-21T10:00:00+08:00").settledWithinDeadline());
  }

  @Test
  void anOpenClaimCarriesNoVerdict() {
    ClaimFact open = (ClaimFact) read(RecordType.CLAIMS, Map.of("complexity", "complex", "green_channel", "Y",
        "status", "under_review", "reported_at", "2026-11-01T09:00:00+08:00"));
    assertEquals(new ClaimFact(Complexity.COMPLEX, true, ClaimStatus.UNDER_REVIEW,
        OffsetDateTime.parse("2026-11-01T09:00:00+08:00"), null, null), open);
  }

  @Test
  void aMajorComplaintAnsweredInTwoHoursButResolvedAfterTwentyDaysIsOnTimeThenLate() {
    ComplaintFact complaint = (ComplaintFact) read(RecordType.COMPLAINTS, Map.of("severity", "major",
        "received_at", "2026-11-02T09:00:00+08:00", "first_response_at", "2026-11-02T11:00:00+08:00",
        "resolved_at", "2026-11-22T09:00:00+08:00", "status", "resolved"));
    assertEquals(ComplaintSeverity.MAJOR, complaint.severity());
    assertEquals(Boolean.TRUE, complaint.firstResponseOnTime());
    assertEquals(Boolean.FALSE, complaint.resolvedOnTime());
  }

  @Test
  void aSurveyKeepsOnlyTheAnsweredDimensions() {
    assertEquals(SurveyFact.of(null, null, 2, null, 4),
        read(RecordType.SURVEYS, Map.of("claims_score", "2", "overall_score", "4", "comment", "free text")));
  }

  @Test
  void aPortfolioRowGivesItsMonthAndPoliciesInForce() {
    assertEquals(new PortfolioFact(java.time.YearMonth.parse("2026-11"), 8200), read(RecordType.PORTFOLIO,
        Map.of("month", "2026-11", "product_line", "life", "policies_in_force", "8200")));
  }

  @Test
  void findingsRowsAreNotReadForTheyCountFromTheFindingsFunctionsState() {
    FactReader findings = new FactReader(RecordType.FINDINGS, "QA", VERDICTS);
    String[] row = values(RecordType.FINDINGS, Map.of("inspection_id", "I-1", "result", "pass"));
    assertThrows(IllegalArgumentException.class, () -> findings.read(row));
  }

  @Test
  void eachRecordCountsOnTheLocalDatesOfItsOwnDatesInTheirOwnOffset() {
    assertEquals(Set.of(LocalDate.parse("2026-10-31")), days(RecordType.SALES, Map.of("sold_at", "2026-10-31T23:30:00+08:00")),
        "15:30 UTC on the 31st, still the 31st where it was sold");
    assertEquals(Set.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-20")), days(RecordType.COMPLAINTS,
        Map.of("received_at", "2026-11-01T10:00:00+08:00", "resolved_at", "2026-11-20T09:00:00+08:00")),
        "received on the 1st, resolved on the 20th");
    assertEquals(Set.of(LocalDate.parse("2026-11-01")), days(RecordType.COMPLAINTS,
        Map.of("received_at", "2026-11-01T10:00:00+08:00")));
    assertEquals(Set.of(), days(RecordType.CLAIMS, Map.of("reported_at", "2026-11-01T10:00:00+08:00")),
        "an open claim counts nowhere");
    assertEquals(Set.of(LocalDate.parse("2026-11-07")), days(RecordType.CLAIMS,
        Map.of("reported_at", "2026-11-01T10:00:00+08:00", "closed_at", "2026-11-07T15:00:00+08:00")));
    assertEquals(Set.of(LocalDate.parse("2026-11-03")), days(RecordType.UNDERWRITING,
        Map.of("received_at", "2026-11-03T10:00:00+08:00", "decided_at", "2026-11-09T10:00:00+08:00")));
    assertEquals(Set.of(LocalDate.parse("2026-11-04")), days(RecordType.FOLLOWUPS, Map.of("visited_on", "2026-11-04")));
    assertEquals(Set.of(LocalDate.parse("2026-11-05")), days(RecordType.SURVEYS, Map.of("surveyed_on", "2026-11-05")));
    assertEquals(Set.of(LocalDate.parse("2026-11-06")), days(RecordType.VIOLATIONS, Map.of("occurred_on", "2026-11-06")));
  }

  private static Set<LocalDate> days(RecordType type, Map<String, String> columns) {
    return new FactReader(type, "TPE-01", VERDICTS).countingDays(values(type, columns));
  }

  private static ClaimFact settledClaim(String closedAt) {
    return (ClaimFact) read(RecordType.CLAIMS, Map.of("product_line", "health", "complexity", "simple",
        "green_channel", "N", "status", "closed", "reported_at", "2026-10-30T09:00:00+08:00",
        "documents_complete_at", "2026-11-01T10:00:00+08:00", "closed_at", closedAt));
  }

  private static Fact read(RecordType type, Map<String, String> columns) {
    return new FactReader(type, "TPE-01", VERDICTS).read(values(type, columns)).orElseThrow();
  }

  private static String[] values(RecordType type, Map<String, String> columns) {
    String[] values = new String[type.columns().size()];
    columns.forEach((column, value) -> values[type.indexOf(column)] = value);
    return values;
  }
}
