package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.qualityhub.deadlines.AlertLevel.APPROACHING;
import static io.qualityhub.deadlines.AlertLevel.DUE;
import static io.qualityhub.deadlines.AlertLevel.OVERDUE;
import static io.qualityhub.deadlines.AlertLevel.SEVERELY_OVERDUE;
import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClaimDeadlinesTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private final DeadlineCalculator calculator = new DeadlineCalculator(POLICY);
    private final AlertLevels levels = new AlertLevels(POLICY);

    private static ClaimSnapshot.Builder claim() {
        return ClaimSnapshot.builder().branch("TPE-01").claimId("CLM-1").productLine(ProductLine.HEALTH)
                .complexity(Complexity.SIMPLE).status(ClaimStatus.UNDER_REVIEW).reportedAt(at("2026-10-28T09:00"))
                .handlerId("H-17");
    }

    private OpenDeadline only(ClaimSnapshot snapshot) {
        List<OpenDeadline> open = calculator.openDeadlines(snapshot);
        assertEquals(1, open.size(), open.toString());
        return open.get(0);
    }

    private OpenDeadline clock(ClaimSnapshot snapshot, DeadlineClockName name) {
        List<OpenDeadline> open = calculator.openDeadlines(snapshot);
        return open.stream().filter(deadline -> deadline.clock() == name).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " clock in " + open));
    }

    private Optional<AlertLevel> levelAt(OpenDeadline deadline, Instant now) {
        return levels.alertAt(deadline, now).map(Alert::level);
    }

    /** Each boundary: one second before it the previous level, at it the new one. */
    private void assertBoundaries(OpenDeadline deadline, Instant approaching, Instant due, Instant overdue,
                                  Instant severe) {
        assertEquals(new LevelSchedule(approaching, due, overdue, severe), levels.schedule(deadline));
        assertEquals(Optional.empty(), levelAt(deadline, approaching.minusSeconds(1)));
        assertEquals(Optional.of(APPROACHING), levelAt(deadline, approaching));
        assertEquals(Optional.of(APPROACHING), levelAt(deadline, due.minusSeconds(1)));
        assertEquals(Optional.of(DUE), levelAt(deadline, due));
        assertEquals(Optional.of(DUE), levelAt(deadline, overdue.minusSeconds(1)));
        assertEquals(Optional.of(OVERDUE), levelAt(deadline, overdue));
        assertEquals(Optional.of(OVERDUE), levelAt(deadline, severe.minusSeconds(1)));
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(deadline, severe));
    }

    @Test
    void simpleClaimDecisionRunsTenCalendarDaysFromCompleteDocuments() {
        ClaimSnapshot undecided = claim().documentsCompleteAt(at("2026-11-02T10:00")).build();
        OpenDeadline settlement = clock(undecided, DeadlineClockName.DECISION);

        assertEquals(List.of(DeadlineClockName.DECISION, DeadlineClockName.ADVANCE_PAYMENT),
                calculator.openDeadlines(undecided).stream().map(OpenDeadline::clock).toList());
        assertEquals("claim.decision", settlement.clock().policyId());
        assertEquals(at("2026-11-02T10:00"), settlement.startedAt());
        assertEquals("health, simple", settlement.category());
        assertEquals(at("2026-11-13T00:00"), settlement.dueAt(), "the end of the 10th day after 2 November");
        assertBoundaries(settlement, at("2026-11-11T00:00"), at("2026-11-12T00:00"), at("2026-11-13T00:00"),
                at("2026-11-23T00:00"));
    }

    @Test
    void daysUsedAndLateCountTheDayInProgress() {
        OpenDeadline settlement = clock(claim().documentsCompleteAt(at("2026-11-02T10:00")).build(),
                DeadlineClockName.DECISION);

        assertEquals(new Alert(settlement, APPROACHING, 9, 0), levels.alertAt(settlement, at("2026-11-11T08:00")).orElseThrow());
        assertEquals(new Alert(settlement, DUE, 10, 0), levels.alertAt(settlement, at("2026-11-12T23:59:59")).orElseThrow());
        assertEquals(new Alert(settlement, OVERDUE, 11, 1), levels.alertAt(settlement, at("2026-11-13T00:00")).orElseThrow());
        assertEquals(new Alert(settlement, SEVERELY_OVERDUE, 23, 13),
                levels.alertAt(settlement, at("2026-11-25T08:00")).orElseThrow());
    }

    @Test
    void complexClaimDecisionRunsThirtyDaysForEveryLineAndFifteenForLifeInTheTaiwanSet() {
        OpenDeadline life = clock(claim().productLine(ProductLine.LIFE).complexity(Complexity.COMPLEX)
                .documentsCompleteAt(at("2026-11-02T10:00")).build(), DeadlineClockName.DECISION);
        assertEquals(at("2026-12-03T00:00"), life.dueAt(), "PRC Insurance Law art. 23: 30 days");
        OpenDeadline taiwanLife = new DeadlineCalculator(Presets.TW_CLAIMS).openDeadlines(claim()
                .productLine(ProductLine.LIFE).complexity(Complexity.COMPLEX)
                .documentsCompleteAt(at("2026-11-02T10:00")).build()).get(0);
        assertEquals(DeadlineClockName.DECISION, taiwanLife.clock());
        assertBoundaries(taiwanLife, at("2026-11-15T00:00"), at("2026-11-17T00:00"), at("2026-11-18T00:00"),
                at("2026-12-03T00:00"));

        OpenDeadline property = clock(claim().productLine(ProductLine.PROPERTY).complexity(Complexity.COMPLEX)
                .documentsCompleteAt(at("2026-11-02T10:00")).build(), DeadlineClockName.DECISION);
        assertEquals(at("2026-12-03T00:00"), property.dueAt());
        assertBoundaries(property, at("2026-11-27T00:00"), at("2026-12-02T00:00"), at("2026-12-03T00:00"),
                at("2027-01-02T00:00"));
    }

    @Test
    void greenChannelIsTighterAndSkipsApproachingWhenItFallsOnTheDueDay() {
        OpenDeadline green = clock(claim().greenChannel(true).documentsCompleteAt(at("2026-11-02T10:00")).build(),
                DeadlineClockName.DECISION);

        assertEquals("health, simple, green channel", green.category());
        assertEquals(at("2026-11-06T00:00"), green.dueAt(), "3 calendar days");
        LevelSchedule schedule = levels.schedule(green);
        assertEquals(at("2026-11-05T09:36"), schedule.approaching(), "2.4 days: 0.4 into the third day");
        assertEquals(at("2026-11-05T00:00"), schedule.due());
        assertEquals(Optional.empty(), levelAt(green, at("2026-11-04T23:59:59")));
        assertEquals(Optional.of(DUE), levelAt(green, at("2026-11-05T00:00")));
        assertEquals(Optional.of(DUE), levelAt(green, at("2026-11-05T12:00")));
        assertEquals(Optional.of(at("2026-11-05T00:00")), levels.nextLevelStartsAt(green, at("2026-11-03T08:00")),
                "the index waits for due, not for a level that never comes");
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(green, at("2026-11-09T00:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(green, at("2026-11-08T23:59:59")));
    }

    @Test
    void documentsPendingRunsFromTheReportOnBusinessDays() {
        OpenDeadline documents = only(claim().status(ClaimStatus.DOCUMENTS_PENDING)
                .reportedAt(at("2026-11-05T10:00")).build());

        assertEquals(DeadlineClockName.DOCUMENTS, documents.clock());
        assertEquals(at("2026-11-05T10:00"), documents.startedAt());
        // Thursday report: Fri 6, Mon 9, Tue 10 are the three business days.
        assertEquals(at("2026-11-11T00:00"), documents.dueAt());
        LevelSchedule schedule = levels.schedule(documents);
        assertEquals(at("2026-11-10T00:00"), schedule.due());
        assertEquals(at("2026-11-14T00:00"), schedule.severelyOverdue(), "6 business days: Wed 11, Thu 12, Fri 13");
        assertEquals(Optional.empty(), levelAt(documents, at("2026-11-09T23:59:59")));
        assertEquals(Optional.of(DUE), levelAt(documents, at("2026-11-10T00:00")));
        assertEquals(Optional.of(OVERDUE), levelAt(documents, at("2026-11-11T00:00")));
        assertEquals(Optional.of(SEVERELY_OVERDUE), levelAt(documents, at("2026-11-14T00:00")));
    }

    @Test
    void greenChannelDocumentsRunTwentyFourHoursWithTheLastHourDue() {
        OpenDeadline documents = only(claim().greenChannel(true).status(ClaimStatus.REPORTED)
                .reportedAt(at("2026-11-02T10:00")).build());

        assertBoundaries(documents, at("2026-11-03T05:12"), at("2026-11-03T09:00"), at("2026-11-03T10:00"),
                at("2026-11-04T10:00"));
        assertEquals(new Alert(documents, OVERDUE, 25, 1), levels.alertAt(documents, at("2026-11-03T10:30")).orElseThrow());
    }

    @Test
    void theDecisionStopsTheDecisionAndAdvanceClocksAndStartsPayment() {
        List<OpenDeadline> open = calculator.openDeadlines(claim().productLine(ProductLine.PROPERTY)
                .complexity(Complexity.COMPLEX).status(ClaimStatus.APPROVED)
                .documentsCompleteAt(at("2026-11-02T10:00")).decidedAt(at("2026-11-20T15:00")).build());

        assertEquals(List.of(DeadlineClockName.PAYMENT), open.stream().map(OpenDeadline::clock).toList());
        assertEquals(at("2026-12-01T00:00"), open.get(0).dueAt(), "10 days after the decision");
    }

    @ParameterizedTest
    @EnumSource(value = ClaimStatus.class, names = {"PAID", "CLOSED", "WITHDRAWN"})
    void finishedClaimsHaveNoClock(ClaimStatus status) {
        assertEquals(List.of(), calculator.openDeadlines(claim().status(status)
                .documentsCompleteAt(at("2026-11-02T10:00")).build()));
    }

    @Test
    void aPaymentDateEndsTheClocksEvenBeforeTheStatusCatchesUp() {
        assertEquals(List.of(), calculator.openDeadlines(claim().status(ClaimStatus.APPROVED)
                .documentsCompleteAt(at("2026-11-02T10:00")).decidedAt(at("2026-11-05T10:00"))
                .paidAt(at("2026-11-06T10:00")).build()));
    }

    @Test
    void aClaimClosedBetweenTwoRunsRaisesNothingOnTheSecond() {
        ClaimSnapshot open = claim().documentsCompleteAt(at("2026-11-02T10:00")).build();
        ClaimSnapshot closed = claim().status(ClaimStatus.CLOSED).documentsCompleteAt(at("2026-11-02T10:00"))
                .decidedAt(at("2026-11-11T11:00")).paidAt(at("2026-11-11T16:00")).closedAt(at("2026-11-11T17:00"))
                .build();

        List<Alert> firstRun = calculator.openDeadlines(open).stream()
                .flatMap(deadline -> levels.alertAt(deadline, at("2026-11-11T08:00")).stream()).toList();
        List<Alert> secondRun = calculator.openDeadlines(closed).stream()
                .flatMap(deadline -> levels.alertAt(deadline, at("2026-11-12T08:00")).stream()).toList();

        assertEquals(List.of(APPROACHING), firstRun.stream().map(Alert::level).toList());
        assertEquals(List.of(), secondRun);
    }
}
