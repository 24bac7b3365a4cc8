package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.config.Settings;
import io.qualityhub.deadlines.DeadlinePolicyLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The open-deadline index entry a state item gets: exact instants under the default policy (Asia/Taipei). */
class DeadlineIndexerTest {

  private final DeadlineIndexer indexer = new DeadlineIndexer(DeadlinePolicyLoader.loadDefaults());

  @Test
  void anOpenClaimIsIndexedAtTheFirstLevelOfItsClock() {
    // Settlement, 10 calendar days from 2 Nov 10:00: approaching when 8 counted days are used, at 11 Nov 00:00 Taipei.
    Map<String, AttributeValue> indexed = indexer.withIndex(claim("CLM-1", "under_review", "2026-11-02T10:00:00+08:00", null));

    assertEquals("2026-11-10T16:00:00Z", indexed.get(DeadlineIndexer.DUE_AT).s());
    assertEquals("DUE#3", indexed.get(DeadlineIndexer.DUE_SHARD).s(), "floorMod of the pk's String hash over 4 shards");
    assertEquals("under_review", indexed.get("status").s(), "the state itself is unchanged");
  }

  @Test
  void theIndexedInstantDoesNotDependOnWhenIntakeRuns() {
    // The level has long begun: the entry still points at its start, so the next monitor run looks at the new state.
    Map<String, AttributeValue> indexed = indexer.withIndex(claim("CLM-1", "investigating", "2026-01-05T10:00:00+08:00", null));

    assertEquals("2026-01-13T16:00:00Z", indexed.get(DeadlineIndexer.DUE_AT).s());
  }

  @Test
  void aMajorComplaintIsIndexedAtItsEarliestClock() {
    // First response within 24 hours of 11 Nov 10:00 is approaching at 19.2 hours, 12 Nov 05:12 Taipei;
    // resolution (15 days) only on 24 Nov.
    Map<String, AttributeValue> complaint = state("REC#complaints#KHH-02#CMP-9", "complaints", "KHH-02");
    complaint.put("complaint_id", s("CMP-9"));
    complaint.put("severity", s("major"));
    complaint.put("status", s("open"));
    complaint.put("received_at", s("2026-11-11T10:00:00+08:00"));

    assertEquals("2026-11-11T21:12:00Z", indexer.withIndex(complaint).get(DeadlineIndexer.DUE_AT).s());
  }

  @Test
  void aCorrectiveActionItemIsIndexedByItsDueDate() {
    Map<String, AttributeValue> action = state("ACTION#TPE-01#INS-1/1", DeadlineItems.ACTIONS, "TPE-01");
    action.put("action_id", s("INS-1/1"));
    action.put("inspection_id", s("INS-1"));
    action.put("action_owner", s("Q-5"));
    action.put("inspected_on", s("2026-11-10"));
    action.put("action_due_on", s("2026-11-20"));

    // 10 days: approaching when 8 are used, at 19 Nov 00:00 Taipei.
    assertEquals("2026-11-18T16:00:00Z", indexer.withIndex(action).get(DeadlineIndexer.DUE_AT).s());
    action.put("action_status", s("done"));
    assertFalse(indexer.withIndex(action).containsKey(DeadlineIndexer.DUE_AT), "a done action leaves the index");
  }

  @Test
  void aDoneActionStaysIndexedByItsEffectivenessCheckUntilTheChecksResultIsIn() {
    Map<String, AttributeValue> action = state("ACTION#TPE-01#CA-1", DeadlineItems.ACTIONS, "TPE-01");
    action.put("action_id", s("CA-1"));
    action.put("inspection_id", s("INS-1"));
    action.put("action_owner", s("Q-5"));
    action.put("inspected_on", s("2026-11-10"));
    action.put("action_due_on", s("2026-11-20"));
    action.put("action_status", s("done"));
    action.put("check_id", s("EC-1-1"));
    action.put("check_scheduled_on", s("2026-11-18"));
    action.put("check_due_on", s("2026-11-28"));

    // The check's 10 days from 18 Nov: approaching on 27 Nov 00:00 Taipei.
    assertEquals("2026-11-26T16:00:00Z", indexer.withIndex(action).get(DeadlineIndexer.DUE_AT).s());
    action.put("check_verdict", s("pass"));
    action.put("action_status", s("verified"));
    assertFalse(indexer.withIndex(action).containsKey(DeadlineIndexer.DUE_AT), "a verified action leaves the index");
  }

  @Test
  void aClaimWithNothingRunningLeavesTheIndex() {
    Map<String, AttributeValue> paid = claim("CLM-1", "paid", "2026-11-02T10:00:00+08:00", "2026-11-09T15:00:00+08:00");
    paid.put(DeadlineIndexer.DUE_SHARD, s("DUE#1"));
    paid.put(DeadlineIndexer.DUE_AT, s("2026-11-10T16:00:00Z"));

    Map<String, AttributeValue> indexed = indexer.withIndex(paid);

    assertFalse(indexed.containsKey(DeadlineIndexer.DUE_SHARD));
    assertFalse(indexed.containsKey(DeadlineIndexer.DUE_AT));
  }

  @Test
  void recordsWithoutDeadlinesAreLeftAsTheyAre() {
    Map<String, AttributeValue> survey = state("REC#surveys#TPE-01#V-1", "surveys", "TPE-01");

    assertEquals(survey, indexer.withIndex(survey));
  }

  @Test
  void anUnreadableItemNamesItsKeyAndAttributeAndNoValue() {
    Map<String, AttributeValue> claim = claim("CLM-7", "under_review", "yesterday", null);

    UnreadableStateItemException e = assertThrows(UnreadableStateItemException.class, () -> indexer.withIndex(claim));

    assertEquals("state item REC#claims#TPE-01#CLM-7: attribute documents_complete_at cannot be read: Text 'yesterday'"
        + " could not be parsed at index 0; its deadlines cannot be computed until the item is rewritten with a valid value",
        e.getMessage());
  }

  @Test
  void indexTimesSortAsTimesAndNeverPrecedeTheInstant() {
    assertEquals("2026-11-10T16:00:00Z", DeadlineIndexer.indexTime(Instant.parse("2026-11-10T16:00:00Z")));
    assertEquals("2026-11-10T16:00:01Z", DeadlineIndexer.indexTime(Instant.parse("2026-11-10T16:00:00.001Z")));
    assertEquals("2027-01-01T00:00:00Z", DeadlineIndexer.indexTime(Instant.parse("2026-12-31T23:59:59.5Z")));
  }

  @Test
  void aPolicyCountingDaysInAnotherZoneThanTheSchedulesIsRefusedAtStartUp() {
    Settings settings = new Settings(Map.of("COMPANY_TIME_ZONE", "Asia/Shanghai"));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> DeadlineIndexer.fromSettings(settings));

    assertEquals("COMPANY_TIME_ZONE is Asia/Shanghai but deadline policy 2026-12-1 counts days in Asia/Taipei; set"
        + " \"timeZone\": \"Asia/Shanghai\" in DEADLINE_POLICY_OVERRIDE (template parameter DeadlinePolicyOverride) or"
        + " change CompanyTimeZone", e.getMessage());
  }

  @Test
  void anOverrideFromTheEnvironmentAppliesToTheIndex() {
    Settings settings = new Settings(Map.of("DEADLINE_POLICY_OVERRIDE", """
        {"version": "2026-11-1-test", "levels": {"warningShare": 0.5}}"""));
    DeadlineIndexer halfWay = DeadlineIndexer.fromSettings(settings);

    // Approaching at 5 of 10 counted days: 8 Nov 00:00 Taipei.
    assertEquals("2026-11-07T16:00:00Z",
        halfWay.withIndex(claim("CLM-1", "under_review", "2026-11-02T10:00:00+08:00", null)).get(DeadlineIndexer.DUE_AT).s());
  }

  private static Map<String, AttributeValue> claim(String id, String status, String documentsCompleteAt, String paidAt) {
    Map<String, AttributeValue> claim = state("REC#claims#TPE-01#" + id, "claims", "TPE-01");
    claim.put("claim_id", s(id));
    claim.put("product_line", s("health"));
    claim.put("complexity", s("simple"));
    claim.put("green_channel", AttributeValue.fromBool(false));
    claim.put("status", s(status));
    claim.put("reported_at", s("2026-01-01T09:00:00+08:00"));
    claim.put("documents_complete_at", s(documentsCompleteAt));
    if (paidAt != null) {
      claim.put("paid_at", s(paidAt));
    }
    claim.put("handler_id", s("H-1"));
    return claim;
  }

  private static Map<String, AttributeValue> state(String pk, String recordType, String branch) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(pk));
    item.put("sk", s("STATE"));
    item.put("recordType", s(recordType));
    item.put("branchCode", s(branch));
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
