package io.qualityhub.reports.report;

import io.qualityhub.core.format.ActionStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CorrectiveActionItemTest {

    private static final LocalDate OCTOBER_1 = LocalDate.parse("2026-10-01");
    private static final LocalDate OCTOBER_31 = LocalDate.parse("2026-10-31");

    @ParameterizedTest(name = "raised {0}, {1}, closed {2}: tracked in October = {3}")
    @CsvSource({
        "2026-09-10, OPEN,     ,           true",   // still open from an earlier month
        "2026-10-31, OPEN,     ,           true",   // raised on the last day
        "2026-11-01, OPEN,     ,           false",  // raised after the period
        "2026-09-10, VERIFIED, 2026-09-30, false",  // closed before the period began
        "2026-09-10, DONE,     2026-09-30, true",   // done before it, but awaiting its check: not closed
        "2026-09-10, VERIFIED, 2026-10-01, true",   // closed on its first day
        "2026-10-05, VERIFIED, 2026-10-20, true",
        "2026-10-05, VERIFIED, 2026-11-03, true",   // open all month, closed after it
    })
    void aPeriodTracksTheActionsOpenOnAnyOfItsDays(LocalDate raisedOn, ActionStatus status, LocalDate closedOn,
                                                   boolean tracked) {
        CorrectiveActionItem action = new CorrectiveActionItem("TPE-01", "INS-2026-09-0123456789abcdef", "major",
                "TPE-01 主管", raisedOn, raisedOn.plusDays(10), status, closedOn);

        assertEquals(tracked, action.openDuring(OCTOBER_1, OCTOBER_31));
    }

    @ParameterizedTest(name = "{0} due {1}, done {2}, check due {3}, as of 2026-10-31: {4}")
    @CsvSource({
        "OPEN,     2026-10-31,           ,           , OPEN",
        "OPEN,     2026-10-30,           ,           , OVERDUE",
        "VERIFIED, 2026-10-20, 2026-10-20,           , CLOSED_ON_TIME",
        "VERIFIED, 2026-10-20, 2026-10-21,           , CLOSED_LATE",
        "DONE,     2026-10-20, 2026-10-20, 2026-10-31, AWAITING_CHECK",
        "DONE,     2026-10-20, 2026-10-20, 2026-10-30, CHECK_OVERDUE",
        "DONE,     2026-10-20, 2026-10-20,           , AWAITING_CHECK",  // recorded before checks: none pending
    })
    void theStateComparesClosingOrTodayWithTheDueDate(ActionStatus status, LocalDate dueOn, LocalDate closedOn,
                                                      LocalDate checkDueOn, CorrectiveActionItem.State state) {
        CorrectiveActionItem action = new CorrectiveActionItem("TPE-01", "INS-1", "minor", "QA-1",
                LocalDate.parse("2026-10-01"), dueOn, status, closedOn, checkDueOn);

        assertEquals(state, action.state(OCTOBER_31));
    }

    @Test
    void anOwnerPrintsWhenItIsARoleOrStaffLabelAndIsWithheldOtherwise() {
        assertEquals("TPE-01 主管", CorrectiveActionItem.printableOwner("TPE-01 主管"));
        assertEquals("QA-STAFF-3", CorrectiveActionItem.printableOwner("QA-STAFF-3"));
        assertEquals("未列出 withheld", CorrectiveActionItem.printableOwner("王小明 0912-345-678"), "a phone number");
        assertEquals("未列出 withheld", CorrectiveActionItem.printableOwner("A123456789"), "an id card number");
        assertEquals("未列出 withheld", CorrectiveActionItem.printableOwner("owner <x@example.com>"));
        assertEquals("未列出 withheld", CorrectiveActionItem.printableOwner(null));
    }

    @Test
    void aClosedActionNeedsItsClosingDate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CorrectiveActionItem(
                "TPE-01", "INS-1", "minor", "QA-1", OCTOBER_1, OCTOBER_31, ActionStatus.DONE, null));
        assertEquals("corrective action INS-1 is DONE but has no closing date", e.getMessage());
    }

    @Test
    void eachTopicTracksTheActionsOfItsOwnInspections() {
        assertEquals(Set.of("claims"), ReportTopic.CLAIMS_TIMELINESS.inspectedRecordTypes());
        assertEquals(Set.of("complaints"), ReportTopic.COMPLAINTS.inspectedRecordTypes());
        assertEquals(Set.of("sales", "underwriting", "claims", "complaints", "followups"),
                ReportTopic.CORRECTIVE_ACTIONS.inspectedRecordTypes());
        assertEquals(ReportTopic.CORRECTIVE_ACTIONS.inspectedRecordTypes(), ReportTopic.INSPECTIONS.inspectedRecordTypes());
        assertEquals(Set.of(), ReportTopic.SATISFACTION.inspectedRecordTypes(), "surveys are not inspected");
    }
}
