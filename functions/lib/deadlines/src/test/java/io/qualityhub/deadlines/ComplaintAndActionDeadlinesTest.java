package io.qualityhub.deadlines;

import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ActionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.qualityhub.deadlines.AlertLevel.APPROACHING;
import static io.qualityhub.deadlines.AlertLevel.DUE;
import static io.qualityhub.deadlines.AlertLevel.OVERDUE;
import static io.qualityhub.deadlines.AlertLevel.SEVERELY_OVERDUE;
import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplaintAndActionDeadlinesTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private final DeadlineCalculator calculator = new DeadlineCalculator(POLICY);
    private final AlertLevels levels = new AlertLevels(POLICY);

    private static ComplaintSnapshot.Builder complaint() {
        return ComplaintSnapshot.builder().branch("TPE-01").complaintId("CP-9").severity(ComplaintSeverity.GENERAL)
                .status(ComplaintStatus.OPEN).receivedAt(at("2026-11-06T15:00")).staffId("S-4");
    }

    private Optional<AlertLevel> levelAt(OpenDeadline deadline, Instant now) {
        return levels.alertAt(deadline, now).map(Alert::level);
    }

    @Test
    void generalComplaintRunsFirstResponseAndResolutionFromReceipt() {
        List<OpenDeadline> open = calculator.openDeadlines(complaint().build());

        assertEquals(List.of(DeadlineClockName.FIRST_RESPONSE, DeadlineClockName.RESOLUTION),
                open.stream().map(OpenDeadline::clock).toList());
        OpenDeadline firstResponse = open.get(0);
        // Friday receipt: Mon 9 and Tue 10 are the two business days.
        assertEquals(new LevelSchedule(at("2026-11-10T14:24"), at("2026-11-10T00:00"), at("2026-11-11T00:00"),
                at("2026-11-13T00:00")), levels.schedule(firstResponse));
        assertEquals(Optional.empty(), levelAt(firstResponse, at("2026-11-09T23:59:59")));
        assertEquals(Optional.of(DUE), levelAt(firstResponse, at("2026-11-10T00:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(firstResponse, at("2026-11-11T00:00")));
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(firstResponse, at("2026-11-13T00:00")));

        OpenDeadline resolution = open.get(1);
        assertEquals(new LevelSchedule(at("2026-12-01T00:00"), at("2026-12-06T00:00"), at("2026-12-07T00:00"),
                at("2027-01-06T00:00")), levels.schedule(resolution));
        assertEquals(Optional.empty(), levelAt(resolution, at("2026-11-30T23:59:59")));
        assertEquals(Optional.of(APPROACHING), levelAt(resolution, at("2026-12-01T00:00")));
        assertEquals(Optional.of(DUE), levelAt(resolution, at("2026-12-06T00:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(resolution, at("2026-12-07T00:00")));
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(resolution, at("2027-01-06T00:00")));
    }

    @Test
    void majorComplaintHasTwentyFourHoursToAFirstResponseAndFifteenDaysToResolve() {
        List<OpenDeadline> open = calculator.openDeadlines(complaint().severity(ComplaintSeverity.MAJOR)
                .receivedAt(at("2026-11-02T10:00")).build());

        OpenDeadline firstResponse = open.get(0);
        assertTrue(firstResponse.major());
        assertEquals("major", firstResponse.category());
        assertEquals(new LevelSchedule(at("2026-11-03T05:12"), at("2026-11-03T09:00"), at("2026-11-03T10:00"),
                at("2026-11-04T10:00")), levels.schedule(firstResponse));
        assertEquals(Optional.empty(), levelAt(firstResponse, at("2026-11-03T05:11:59")));
        assertEquals(Optional.of(APPROACHING), levelAt(firstResponse, at("2026-11-03T05:12")));
        assertEquals(Optional.of(DUE), levelAt(firstResponse, at("2026-11-03T09:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(firstResponse, at("2026-11-03T10:00")));
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(firstResponse, at("2026-11-04T10:00")));

        OpenDeadline resolution = open.get(1);
        assertEquals(DeadlineClockName.RESOLUTION, resolution.clock());
        assertEquals(at("2026-11-18T00:00"), resolution.dueAt());
    }

    @Test
    void aResponseStopsTheFirstResponseClockOnly() {
        List<OpenDeadline> byTime = calculator.openDeadlines(complaint().firstResponseAt(at("2026-11-07T09:00")).build());
        List<OpenDeadline> byStatus = calculator.openDeadlines(complaint().status(ComplaintStatus.RESPONDED).build());
        List<OpenDeadline> escalated = calculator.openDeadlines(complaint().status(ComplaintStatus.ESCALATED).build());

        assertEquals(List.of(DeadlineClockName.RESOLUTION), byTime.stream().map(OpenDeadline::clock).toList());
        assertEquals(List.of(DeadlineClockName.RESOLUTION), byStatus.stream().map(OpenDeadline::clock).toList());
        assertEquals(2, escalated.size(), "escalation is not a response to the complainant");
    }

    @Test
    void resolvedOrClosedComplaintsHaveNoClock() {
        assertEquals(List.of(), calculator.openDeadlines(complaint().status(ComplaintStatus.RESOLVED).build()));
        assertEquals(List.of(), calculator.openDeadlines(complaint().status(ComplaintStatus.CLOSED).build()));
        assertEquals(List.of(), calculator.openDeadlines(complaint().status(ComplaintStatus.ESCALATED)
                .resolvedAt(at("2026-11-20T10:00")).build()));
    }

    @Test
    void deadlineDaysEndAtMidnightInTaipeiNotInUtc() {
        // 16:30 UTC on 1 November is already 00:30 on 2 November in Taipei: the clock's first day is 2 November.
        OpenDeadline lateAtNight = calculator.openDeadlines(complaint().firstResponseAt(Instant.parse("2026-11-01T17:00:00Z"))
                .receivedAt(Instant.parse("2026-11-01T16:30:00Z")).build()).get(0);
        OpenDeadline justBefore = calculator.openDeadlines(complaint().firstResponseAt(Instant.parse("2026-11-01T17:00:00Z"))
                .receivedAt(Instant.parse("2026-11-01T15:59:59Z")).build()).get(0);

        assertEquals(Instant.parse("2026-12-02T16:00:00Z"), lateAtNight.dueAt(), "midnight ending 2 December, Taipei");
        assertEquals(Instant.parse("2026-12-01T16:00:00Z"), justBefore.dueAt(), "one second earlier: a day earlier");
        assertEquals(Optional.of(DUE), levelAt(lateAtNight, Instant.parse("2026-12-02T15:59:59Z")));
        assertEquals(Optional.of(OVERDUE), levelAt(lateAtNight, Instant.parse("2026-12-02T16:00:00Z")));
    }

    @Test
    void correctiveActionIsDueByTheEndOfItsDueDay() {
        CorrectiveActionSnapshot action = new CorrectiveActionSnapshot("TPE-01", "INS-3/1", "INS-3", "Q-2",
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-12"), ActionStatus.OPEN);

        OpenDeadline deadline = calculator.openDeadlines(action).get(0);

        assertEquals(DeadlineClockName.ACTION, deadline.clock());
        assertEquals("inspection INS-3", deadline.category());
        assertEquals("10 calendar days", deadline.limit().describe());
        assertEquals(new LevelSchedule(at("2026-11-11T00:00"), at("2026-11-12T00:00"), at("2026-11-13T00:00"),
                at("2026-11-23T00:00")), levels.schedule(deadline));
        assertEquals(Optional.empty(), levelAt(deadline, at("2026-11-10T23:59:59")));
        assertEquals(Optional.of(APPROACHING), levelAt(deadline, at("2026-11-11T00:00")));
        assertEquals(Optional.of(DUE), levelAt(deadline, at("2026-11-12T00:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(deadline, at("2026-11-13T00:00")));
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(deadline, at("2026-11-23T00:00")));
    }

    @Test
    void anActionDueOnItsInspectionDayIsDueAtOnce() {
        OpenDeadline deadline = calculator.openDeadlines(new CorrectiveActionSnapshot("TPE-01", "INS-4/1", "INS-4",
                "Q-2", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-02"), ActionStatus.OPEN)).get(0);

        assertEquals(at("2026-11-03T00:00"), deadline.dueAt());
        assertEquals(Optional.of(DUE), levelAt(deadline, at("2026-11-02T16:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(deadline, at("2026-11-03T00:00")));
    }

    @Test
    void aDoneActionsEffectivenessCheckIsDueByTheEndOfItsDueDayUnderTheChecksId() {
        CorrectiveActionSnapshot action = new CorrectiveActionSnapshot("TPE-01", "CA-3", "INS-3", "Q-2",
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-12"), ActionStatus.DONE,
                Optional.of(new CorrectiveActionSnapshot.PendingCheck("EC-3-1", LocalDate.parse("2026-11-10"),
                        LocalDate.parse("2026-11-20"))));

        OpenDeadline deadline = calculator.openDeadlines(action).get(0);

        assertEquals(DeadlineClockName.EFFECTIVENESS_CHECK, deadline.clock());
        assertEquals("action.effectiveness_check", deadline.clock().policyId());
        assertEquals("EC-3-1", deadline.itemId(), "each round of checks is its own item, alerted afresh");
        assertEquals(ItemType.ACTION, deadline.itemType());
        assertEquals("effectiveness check of action CA-3", deadline.category());
        assertEquals(null, deadline.assignee(), "the quality department checks; the owner's part is done");
        assertEquals("10 calendar days", deadline.limit().describe());
        assertEquals(new LevelSchedule(at("2026-11-19T00:00"), at("2026-11-20T00:00"), at("2026-11-21T00:00"),
                at("2026-12-01T00:00")), levels.schedule(deadline));
    }

    @Test
    void verifiedActionsAndDoneOnesWithoutACheckHaveNoClock() {
        assertEquals(List.of(), calculator.openDeadlines(new CorrectiveActionSnapshot("TPE-01", "CA-3", "INS-3", "Q-2",
                LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-12"), ActionStatus.VERIFIED,
                Optional.of(new CorrectiveActionSnapshot.PendingCheck("EC-3-1", LocalDate.parse("2026-11-10"),
                        LocalDate.parse("2026-11-20"))))), "a verified action's check is behind it");
        for (ActionStatus status : List.of(ActionStatus.DONE, ActionStatus.VERIFIED)) {
            assertEquals(List.of(), calculator.openDeadlines(new CorrectiveActionSnapshot("TPE-01", "INS-3/1",
                    "INS-3", "Q-2", LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-12"), status)));
        }
    }
}
