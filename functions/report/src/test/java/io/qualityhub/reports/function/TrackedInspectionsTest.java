package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.reports.aggregate.InspectionFact;
import io.qualityhub.reports.aggregate.InspectionType;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TrackedInspectionsTest {

  /** An index entry as the findings function leaves an inspection task with a result (the projected attributes). */
  private static Map<String, AttributeValue> indexed(String recordType, String verdict) {
    return Map.of("inspectionBranch", AttributeValue.fromS("KHH-02"), "inspectedOn", AttributeValue.fromS("2026-11-16"),
        "taskId", AttributeValue.fromS("INS-2026-10-0123456789abcdef"),
        "inspectedRecordType", AttributeValue.fromS(recordType), "verdict", AttributeValue.fromS(verdict));
  }

  @Test
  void aPassAndAFailCountForTheInspectedBranchOnTheDayOfTheInspection() {
    assertEquals(Optional.of(new TrackedInspections.Inspected(LocalDate.parse("2026-11-16"),
            new InspectionFact("KHH-02", InspectionType.CLAIM_FILE, true))),
        TrackedInspections.inspectedOf(indexed("claims", "pass")));
    assertEquals(Optional.of(new TrackedInspections.Inspected(LocalDate.parse("2026-11-16"),
            new InspectionFact("KHH-02", InspectionType.SALES_RECORDING, false))),
        TrackedInspections.inspectedOf(indexed("sales", "fail")));
  }

  @Test
  void eachSampledRecordTypeIsReportedUnderItsInspectionTypeAndFollowUpsUnderNone() {
    assertEquals(Optional.of(InspectionType.UNDERWRITING_FILE), TrackedInspections.inspectionTypeOf("underwriting"));
    assertEquals(Optional.of(InspectionType.COMPLAINT), TrackedInspections.inspectionTypeOf("complaints"));
    assertEquals(Optional.empty(), TrackedInspections.inspectedOf(indexed("followups", "fail")),
        "the reports have no follow-up inspection type; the follow-up's corrective action still counts");
  }
}
