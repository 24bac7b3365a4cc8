package io.qualityhub.deadlines;

import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.qualityhub.deadlines.Taipei.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The statutory claim clocks (PRC Insurance Law arts. 22-25) and the complaint extension: where each starts, what stops
 * it, what pauses it, and how its days are counted. Times are Asia/Taipei, branch TPE-01 (TW calendar).
 */
class StatutoryClocksTest {

    private static final DeadlinePolicy POLICY = DeadlinePolicyLoader.loadDefaults();
    private final DeadlineCalculator calculator = new DeadlineCalculator(POLICY);
    private final AlertLevels levels = new AlertLevels(POLICY);

    private static ClaimSnapshot.Builder claim() {
        return ClaimSnapshot.builder().branch("TPE-01").claimId("CLM-9").productLine(ProductLine.AUTO)
                .complexity(Complexity.SIMPLE).status(ClaimStatus.UNDER_REVIEW).reportedAt(at("2026-10-28T09:00"))
                .handlerId("H-3");
    }

    private List<String> clocks(ClaimSnapshot snapshot) {
        return calculator.openDeadlines(snapshot).stream().map(d -> d.clock().policyId() + " due " + d.dueAt()).toList();
    }

    private static String due(DeadlineClockName clock, String local) {
        return clock.policyId() + " due " + at(local);
    }

    @Test
    void everyClockHasItsPolicyId() {
        assertEquals(List.of("claim.documents", "claim.decision", "claim.denial_notice", "claim.payment",
                        "claim.advance_payment", "complaint.first_response", "complaint.resolution", "action.due", "upload.cutoff",
                        "action.effectiveness_check"),
                Arrays.stream(DeadlineClockName.values()).map(DeadlineClockName::policyId).toList());
    }

    @Test
    void denialNoticeRunsThreeDaysFromTheRejectionAndStopsAtTheNotice() {
        ClaimSnapshot rejected = claim().status(ClaimStatus.REJECTED).documentsCompleteAt(at("2026-11-02T10:00"))
                .decidedAt(at("2026-11-10T15:00")).closedAt(at("2026-11-10T15:00")).build();

        assertEquals(List.of(due(DeadlineClockName.DENIAL_NOTICE, "2026-11-14T00:00")), clocks(rejected),
                "11, 12 and 13 November; the decision and advance clocks stop at the rejection");
        OpenDeadline notice = calculator.openDeadlines(rejected).get(0);
        assertEquals(new LevelSchedule(at("2026-11-13T09:36"), at("2026-11-13T00:00"), at("2026-11-14T00:00"),
                at("2026-11-17T00:00")), levels.schedule(notice));
        assertEquals(Optional.of(AlertLevel.OVERDUE), levels.alertAt(notice, at("2026-11-14T08:00")).map(Alert::level));
        assertEquals(List.of(), clocks(claim().status(ClaimStatus.REJECTED).decidedAt(at("2026-11-10T15:00"))
                .closedAt(at("2026-11-10T15:00")).denialNoticeAt(at("2026-11-12T09:00")).build()), "notice sent");
        assertEquals(List.of(due(DeadlineClockName.DENIAL_NOTICE, "2026-11-15T00:00")),
                clocks(claim().status(ClaimStatus.REJECTED).closedAt(at("2026-11-11T09:00")).build()),
                "without decided_at the rejection is dated by closed_at");
    }

    @Test
    void paymentRunsTenDaysFromAgreementOrElseFromTheDecision() {
        ClaimSnapshot.Builder approved = claim().status(ClaimStatus.APPROVED).documentsCompleteAt(at("2026-11-02T10:00"))
                .decidedAt(at("2026-11-05T10:00"));

        assertEquals(List.of(due(DeadlineClockName.PAYMENT, "2026-11-16T00:00")), clocks(approved.build()));
        assertEquals(List.of(due(DeadlineClockName.PAYMENT, "2026-11-20T00:00")),
                clocks(approved.agreedAt(at("2026-11-09T16:00")).build()), "10 days from the agreement");
        assertEquals(List.of(), clocks(approved.paidAt(at("2026-11-18T10:00")).build()));
    }

    @Test
    void advancePaymentRunsSixtyDaysWhileTheAmountIsUndetermined() {
        ClaimSnapshot.Builder undecided = claim().productLine(ProductLine.PROPERTY).complexity(Complexity.COMPLEX)
                .documentsCompleteAt(at("2026-11-02T10:00"));

        assertEquals(List.of(due(DeadlineClockName.DECISION, "2026-12-03T00:00"),
                due(DeadlineClockName.ADVANCE_PAYMENT, "2027-01-02T00:00")), clocks(undecided.build()));
        assertEquals(List.of(due(DeadlineClockName.DECISION, "2026-12-03T00:00")),
                clocks(undecided.advancePaidAt(at("2026-12-20T10:00")).build()), "an advance stops it");
        assertEquals(List.of(due(DeadlineClockName.PAYMENT, "2026-12-14T00:00")),
                clocks(claim().productLine(ProductLine.PROPERTY).complexity(Complexity.COMPLEX)
                        .documentsCompleteAt(at("2026-11-02T10:00")).agreedAt(at("2026-12-03T11:00")).build()),
                "an agreed amount stops it, and the decision clock, and starts payment");
    }

    @Test
    void requestedDocumentsPauseTheClocksThatWaitOnThem() {
        // Asked on 6 November after the documents seemed complete on 2 November: nothing waits on the insurer.
        assertEquals(List.of(), clocks(claim().documentsCompleteAt(at("2026-11-02T10:00"))
                .documentsRequestedAt(at("2026-11-06T11:00")).build()));
        // Asked before any were complete: the documents clock has done its job (the customer was told).
        assertEquals(List.of(), clocks(claim().status(ClaimStatus.DOCUMENTS_PENDING)
                .documentsRequestedAt(at("2026-10-29T11:00")).build()));
        // They came in on 12 November: the decision and advance periods count from then.
        assertEquals(List.of(due(DeadlineClockName.DECISION, "2026-11-23T00:00"),
                due(DeadlineClockName.ADVANCE_PAYMENT, "2027-01-12T00:00")),
                clocks(claim().documentsRequestedAt(at("2026-11-06T11:00"))
                        .documentsCompleteAt(at("2026-11-12T09:00")).build()));
        // Payment after agreement does not wait on documents.
        assertEquals(List.of(due(DeadlineClockName.PAYMENT, "2026-11-16T00:00")),
                clocks(claim().status(ClaimStatus.APPROVED).documentsCompleteAt(at("2026-11-02T10:00"))
                        .decidedAt(at("2026-11-05T10:00")).documentsRequestedAt(at("2026-11-06T11:00")).build()));
    }

    @Test
    void aStatutoryClockSetInBusinessDaysSkipsTheBranchHolidays() {
        DeadlinePolicy businessDays = DeadlinePolicyLoader.load(new ByteArrayInputStream("""
                {"version": "2026-12-1-test", "calendars": {"branchCountries": {"SHA-01": "CN"}},
                 "claims": {"denialNotice": {"amount": 3, "unit": "business_days"}}}
                """.getBytes(StandardCharsets.UTF_8)));
        DeadlineCalculator counting = new DeadlineCalculator(businessDays);
        // Rejected Thursday 8 October 2026. TW: Friday 9 is National Day observed, so 12, 13, 14.
        // CN: the starting day is not counted; Friday 9, Saturday 10 (a make-up working day) and Monday 12 count.
        for (String[] branchAndDue : new String[][] {{"TPE-01", "2026-10-15T00:00"}, {"SHA-01", "2026-10-13T00:00"}}) {
            OpenDeadline notice = counting.openDeadlines(claim().branch(branchAndDue[0]).status(ClaimStatus.REJECTED)
                    .decidedAt(at("2026-10-08T10:00")).closedAt(at("2026-10-08T10:00")).build()).get(0);
            assertEquals(DeadlineClockName.DENIAL_NOTICE, notice.clock());
            assertEquals(at(branchAndDue[1]), notice.dueAt(), branchAndDue[0]);
        }
    }

    private static ComplaintSnapshot.Builder complaint() {
        return ComplaintSnapshot.builder().branch("TPE-01").complaintId("CMP-4").severity(ComplaintSeverity.GENERAL)
                .status(ComplaintStatus.RESPONDED).receivedAt(at("2026-11-02T10:00"));
    }

    private static Instant resolutionDue(DeadlinePolicy policy, ComplaintSnapshot snapshot) {
        return new DeadlineCalculator(policy).openDeadlines(snapshot).stream()
                .filter(d -> d.clock() == DeadlineClockName.RESOLUTION).findFirst().orElseThrow().dueAt();
    }

    @Test
    void thePrcPresetGivesComplaintsFifteenDaysAndThirtyWhenExtendedInTime() {
        assertEquals(at("2026-12-03T00:00"), resolutionDue(POLICY, complaint().build()), "default: TW 30 days");
        assertEquals(at("2026-11-18T00:00"), resolutionDue(Presets.PRC_COMPLAINTS, complaint().build()), "PRC 15");
        assertEquals(at("2026-12-03T00:00"), resolutionDue(Presets.PRC_COMPLAINTS,
                complaint().extendedAt(at("2026-11-10T10:00")).build()), "extended on day 8: 30 days");
        assertEquals(at("2026-11-18T00:00"), resolutionDue(Presets.PRC_COMPLAINTS,
                complaint().extendedAt(at("2026-11-18T09:00")).build()), "extended after the 15 days ran out");
        assertEquals(at("2026-12-03T00:00"), resolutionDue(POLICY,
                complaint().extendedAt(at("2026-11-10T10:00")).build()), "TW allows no more than its 30 days");
    }

    @Test
    void theTaiwanClaimsPresetPaysWithinFifteenDays() {
        assertEquals("15 calendar days", Presets.TW_CLAIMS.claims().paymentLimit(false).describe());
        assertEquals("15 calendar days",
                Presets.TW_CLAIMS.claims().decisionLimit(ProductLine.HEALTH, Complexity.COMPLEX, false).describe());
        assertEquals("30 calendar days",
                Presets.TW_CLAIMS.claims().decisionLimit(ProductLine.AUTO, Complexity.COMPLEX, false).describe());
    }
}
