package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerRecord;
import io.qualityhub.reports.audit.AccessRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerLookupServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00.123Z");
  /** A planted national ID number: it must reach the index and nothing else. */
  private static final String PLANTED_ID = "Z199887766";
  private static final Optional<CustomerIdentifier> BY_ID = Optional.of(new CustomerIdentifier(BlindIndexedColumn.ID_NUMBER, PLANTED_ID));

  private final List<String> trail = new ArrayList<>();
  private final List<String> searched = new ArrayList<>();
  private final CustomerLookupService service = new CustomerLookupService(
      (column, value) -> {
        searched.add(column.column() + "=" + value);
        return List.of(
            new CustomerRecord(RecordType.CLAIMS, "TPE-01", "CLM-2026-0001", LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-18"), "open", "林志明"),
            new CustomerRecord(RecordType.COMPLAINTS, "KHH-02", "CMP-2026-0042", LocalDate.parse("2026-11-21"), null,
                "resolved", "林志明"));
      },
      (action, who, role, subject, records, decision, time, sourceIp, userAgent) -> {
        trail.add(String.join(" | ", action, who, role, subject, String.valueOf(records), decision.wire(), time.toString(),
            sourceIp, userAgent));
        return AccessRecord.next(AccessRecord.GENESIS_HASH, action, who, role, subject, records, decision, time, sourceIp,
            userAgent);
      });

  @Test
  void theQualityDepartmentGetsEveryRecordOfTheCustomerAfterTheLookupIsOnTheTrail() {
    CustomerLookupService.Answer answer = service.lookUp(caller("qa-chen", "quality"), BY_ID, NOW);

    assertEquals(new CustomerLookupService.Found(List.of(
        row("claims", "TPE-01", "CLM-2026-0001", "2026-11-18", "open", "林志明"),
        row("complaints", "KHH-02", "CMP-2026-0042", "2026-11-21", "resolved", "林志明"))), answer);
    assertEquals(List.of("customer_id_no=" + PLANTED_ID), searched);
    assertEquals(List.of("lookup | qa-chen | quality | customer records by customer_id_no | 2 | allow"
        + " | 2026-12-01T08:00:00.123Z | 192.0.2.7 | curl/8"), trail);
  }

  @Test
  void anyoneElseIsRefusedWith403AndTheDenialIsRecordedWithoutTheValue() {
    assertEquals(new CustomerLookupService.Refused(403, "customer lookups are for the quality department; this request is"
        + " on the audit trail"), service.lookUp(caller("mgr-wang", "branch-manager:TPE-01"), BY_ID, NOW));

    assertEquals(List.of(), searched);
    assertEquals(List.of("lookup | mgr-wang | branch-manager:TPE-01 | customer records by customer_id_no | null | deny"
        + " | 2026-12-01T08:00:00.123Z | 192.0.2.7 | curl/8"), trail);
  }

  @Test
  void aCallerWithoutAValidTokenIsRefusedWith401AndRecorded() {
    Caller anonymous = new Caller("anonymous", Set.of(), "192.0.2.7", "curl/8", Optional.of("no verified token; sign in again"));

    assertEquals(new CustomerLookupService.Refused(401, "no verified token; sign in again"),
        service.lookUp(anonymous, Optional.empty(), NOW));

    assertEquals(List.of("lookup | anonymous | none | customer records | null | deny | 2026-12-01T08:00:00.123Z"
        + " | 192.0.2.7 | curl/8"), trail);
  }

  @Test
  void aRequestNamingNoOneIdentifierIsRefusedWith400SayingWhatToSend() {
    assertEquals(new CustomerLookupService.Refused(400, "give the customer's ID number as {\"idNo\": \"...\"} or phone"
        + " number as {\"phone\": \"...\"} in the request body, one of the two"),
        service.lookUp(caller("qa-chen", "quality"), Optional.empty(), NOW));

    assertEquals(List.of(), searched);
    assertEquals(List.of(), trail);
  }

  private static Caller caller(String who, String group) {
    return new Caller(who, Set.of(group), "192.0.2.7", "curl/8", Optional.empty());
  }

  private static Map<String, Object> row(String type, String branch, String recordId, String date, String status,
      String customerName) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("type", type);
    row.put("branch", branch);
    row.put("recordId", recordId);
    row.put("date", date);
    row.put("status", status);
    row.put("customerName", customerName);
    return row;
  }
}
