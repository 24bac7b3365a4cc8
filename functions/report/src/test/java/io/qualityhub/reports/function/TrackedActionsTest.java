package io.qualityhub.reports.function;

import io.qualityhub.core.format.ActionStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qualityhub.reports.aggregate.CorrectiveActionFact;
import io.qualityhub.reports.report.CorrectiveActionItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TrackedActionsTest {

  /** An index entry as the findings function writes its action item (the projected attributes). */
  private static Map<String, AttributeValue> indexed(String status, String closedOn, String owner) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("actionBranch", AttributeValue.fromS("TPE-01"));
    item.put("actionRaisedOn", AttributeValue.fromS("2026-10-02"));
    item.put("inspection_id", AttributeValue.fromS("INS-2026-09-0123456789abcdef"));
    item.put("inspected_record_type", AttributeValue.fromS("claims"));
    item.put("severity", AttributeValue.fromS("major"));
    item.put("action_owner", AttributeValue.fromS(owner));
    item.put("action_due_on", AttributeValue.fromS("2026-10-12"));
    if (status != null) {
      item.put("action_status", AttributeValue.fromS(status));
    }
    if (closedOn != null) {
      item.put("action_closed_on", AttributeValue.fromS(closedOn));
    }
    item.put("versionMillis", AttributeValue.fromN("1792540800000")); // 2026-10-21, the findings file's date
    return item;
  }

  @Test
  void anIndexEntryBecomesTheReportsActionWithItsLatestStatus() {
    assertEquals(new CorrectiveActionItem("TPE-01", "INS-2026-09-0123456789abcdef", "major", "TPE-01 主管",
            LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-12"), ActionStatus.DONE, LocalDate.parse("2026-10-11")),
        TrackedActions.itemOf(indexed("done", "2026-10-11", "TPE-01 主管")));
  }

  @Test
  void anActionWithoutStatusIsOpen() {
    assertEquals(ActionStatus.OPEN, TrackedActions.itemOf(indexed(null, null, "QA-1")).status());
  }

  @Test
  void aClosedActionWithoutClosingDateClosedOnTheDayOfTheFindingsFileThatSaidSo() {
    assertEquals(LocalDate.parse("2026-10-21"), TrackedActions.itemOf(indexed("verified", null, "QA-1")).closedOn());
  }

  @Test
  void anOwnerWrittenAsFreeTextIsWithheldRatherThanPrinted() {
    assertEquals(CorrectiveActionItem.WITHHELD_OWNER,
        TrackedActions.itemOf(indexed("open", null, "王小明 0912-345-678")).owner());
  }

  @Test
  void aDoneActionWaitsForItsPendingCheckAndCountsItsChecks() {
    Map<String, AttributeValue> item = indexed("done", "2026-10-11", "TPE-01 主管");
    item.put("check_id", AttributeValue.fromS("EC-2026-09-0123456789abcdef-2"));
    item.put("check_scheduled_on", AttributeValue.fromS("2026-10-11"));
    item.put("check_due_on", AttributeValue.fromS("2026-11-10"));
    item.put("checks_failed", AttributeValue.fromN("1"));

    CorrectiveActionItem action = TrackedActions.itemOf(item);

    assertEquals(LocalDate.parse("2026-11-10"), action.checkDueOn());
    assertEquals(CorrectiveActionItem.State.AWAITING_CHECK, action.state(LocalDate.parse("2026-11-10")));
    assertEquals(CorrectiveActionItem.State.CHECK_OVERDUE, action.state(LocalDate.parse("2026-11-11")));
    assertEquals(new TrackedActions.Raised(LocalDate.parse("2026-10-02"), new CorrectiveActionFact("TPE-01",
            ActionStatus.DONE, LocalDate.parse("2026-10-12"), LocalDate.parse("2026-10-11"),
            LocalDate.parse("2026-11-10"), 0, 1)), TrackedActions.raisedOf(item));
    item.put("action_status", AttributeValue.fromS("verified"));
    item.put("check_verdict", AttributeValue.fromS("pass"));
    assertEquals(new CorrectiveActionFact("TPE-01", ActionStatus.VERIFIED, LocalDate.parse("2026-10-12"),
            LocalDate.parse("2026-10-11"), null, 1, 1), TrackedActions.raisedOf(item).fact(),
        "one check failed, the next passed");
  }

  @Test
  void openActionsComeFirstMostOverdueOnTopThenDoneOnesByCheckDueThenVerifiedOnesLatestDueFirst() {
    CorrectiveActionItem dueLater = action("INS-1", "2026-10-20", ActionStatus.OPEN, null);
    CorrectiveActionItem dueFirst = action("INS-2", "2026-10-05", ActionStatus.OPEN, null);
    CorrectiveActionItem doneEarly = action("INS-3", "2026-10-01", ActionStatus.DONE, "2026-10-01");
    CorrectiveActionItem checkDueFirst = new CorrectiveActionItem("KHH-02", "INS-5", "minor", "QA-1",
        LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-30"), ActionStatus.DONE, LocalDate.parse("2026-10-02"),
        LocalDate.parse("2026-11-01"));
    CorrectiveActionItem closedLate = action("INS-4", "2026-10-25", ActionStatus.VERIFIED, "2026-10-26");
    List<CorrectiveActionItem> actions = new ArrayList<>(List.of(doneEarly, dueLater, closedLate, checkDueFirst,
        dueFirst));

    actions.sort(ReportService.ACTION_ORDER);

    assertEquals(List.of(dueFirst, dueLater, checkDueFirst, doneEarly, closedLate), actions);
  }

  private static CorrectiveActionItem action(String inspectionId, String dueOn, ActionStatus status, String closedOn) {
    return new CorrectiveActionItem("KHH-02", inspectionId, "minor", "QA-1", LocalDate.parse("2026-09-30"),
        LocalDate.parse(dueOn), status, closedOn == null ? null : LocalDate.parse(closedOn));
  }
}
