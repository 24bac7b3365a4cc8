package io.qualityhub.reports.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.format.ActionStatus;
import io.qualityhub.core.format.ClaimStatus;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.Department;
import io.qualityhub.core.format.FollowupOutcome;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RiskLevel;
import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.Sanction;
import io.qualityhub.core.format.UnderwritingDecision;
import io.qualityhub.core.format.ViolationSeverity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each kind of fact counts in a day's aggregate, counter by counter. */
class AggregateAccumulatorCountsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Test
    void salesCountDisclosureAndRecordingsWhereTheChannelOrProductLineRequiresThem() {
        Map<CounterKey, Long> counted = counters(AggregateOrigin.of(RecordType.SALES), List.of(
                new SaleFact(SalesChannel.AGENT, ProductLine.LIFE, true, true, true, true),
                new SaleFact(SalesChannel.AGENT, ProductLine.AUTO, true, true, false, false),
                new SaleFact(SalesChannel.BANCASSURANCE, ProductLine.AUTO, true, true, true, false),
                new SaleFact(SalesChannel.TELEMARKETING, ProductLine.AUTO, true, true, true, true)));
        assertEquals(Map.of(key(Counter.SALES_TOTAL), 4L, key(Counter.SALES_DISCLOSURE_COMPLETE), 3L,
                key(Counter.SALES_RECORDING_REQUIRED), 3L, key(Counter.SALES_RECORDING_PRESENT), 2L), counted);
    }

    @Test
    void underwritingCountsStandardExceptions() {
        assertEquals(Map.of(key(Counter.UNDERWRITING_TOTAL), 3L, key(Counter.UNDERWRITING_EXCEPTIONS), 1L),
                counters(AggregateOrigin.of(RecordType.UNDERWRITING), List.of(
                        new UnderwritingFact(RiskLevel.LOW, UnderwritingDecision.ACCEPT, true),
                        new UnderwritingFact(RiskLevel.HIGH, UnderwritingDecision.DECLINE, false),
                        new UnderwritingFact(RiskLevel.MEDIUM, UnderwritingDecision.REFER, false))));
    }

    @Test
    void followupsCountTheCustomersReachedAndThoseWhoUnderstood() {
        assertEquals(Map.of(key(Counter.FOLLOWUPS_TOTAL), 3L, key(Counter.FOLLOWUPS_COMPLETED), 2L,
                        key(Counter.FOLLOWUPS_UNDERSTOOD), 1L),
                counters(AggregateOrigin.of(RecordType.FOLLOWUPS), List.of(new FollowupFact(FollowupOutcome.UNDERSTOOD),
                        new FollowupFact(FollowupOutcome.NOT_UNDERSTOOD),
                        new FollowupFact(FollowupOutcome.UNREACHABLE))));
    }

    @Test
    void claimsSettledThatDayCountWithTheirGreenChannelAndDeadlineVerdicts() {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, AggregateOrigin.of(RecordType.CLAIMS), 1));
        accumulator.accept(claim(Complexity.SIMPLE, true, ClaimStatus.CLOSED, "2026-11-10", "2026-11-20", true));
        accumulator.accept(claim(Complexity.COMPLEX, false, ClaimStatus.REJECTED, "2026-11-01", "2026-11-20",
                false));
        accumulator.accept(claim(Complexity.SIMPLE, true, ClaimStatus.CLOSED, "2026-11-15", "2026-11-20", false));
        accumulator.accept(claim(Complexity.SIMPLE, false, ClaimStatus.CLOSED, "2026-11-15", "2026-11-19", true));
        accumulator.accept(claim(Complexity.SIMPLE, true, ClaimStatus.CLOSED, "2026-11-18", "2026-11-20", true));
        accumulator.accept(claim(Complexity.COMPLEX, false, ClaimStatus.CLOSED, "2026-11-18", "2026-11-20", true));
        BranchTallies tallies = accumulator.toAggregate().byBranch().get("TPE-01");
        assertEquals(Map.of(key(Counter.CLAIMS_SETTLED), 5L, key(Counter.CLAIMS_SETTLED_ON_TIME), 3L,
                key(Counter.CLAIMS_GREEN_SETTLED), 3L, key(Counter.CLAIMS_GREEN_SETTLED_ON_TIME), 2L), tallies.counters());
        assertEquals(3, tallies.cycleTimes(Complexity.SIMPLE).count());
        assertEquals(2, tallies.cycleTimes(Complexity.COMPLEX).count());
        assertEquals(6, accumulator.acceptedFacts());
    }

    @Test
    void complaintsCountTheirReceiptAndResolutionOnTheDayEachHappened() {
        assertEquals(Map.of(key(Counter.COMPLAINTS_RECEIVED), 3L, key(Counter.COMPLAINTS_MAJOR), 2L,
                        key(Counter.COMPLAINTS_RESOLVED), 3L, key(Counter.COMPLAINTS_FIRST_RESPONSE_ON_TIME), 2L,
                        key(Counter.COMPLAINTS_RESOLVED_ON_TIME), 2L),
                counters(AggregateOrigin.of(RecordType.COMPLAINTS), List.of(
                        complaint(ComplaintSeverity.MAJOR, "2026-11-20", "2026-11-20", true, true),
                        complaint(ComplaintSeverity.GENERAL, "2026-11-18", "2026-11-20", false, false),
                        complaint(ComplaintSeverity.GENERAL, "2026-11-19", "2026-11-20", true, true),
                        complaint(ComplaintSeverity.GENERAL, "2026-11-20", null, null, null),
                        complaint(ComplaintSeverity.MAJOR, "2026-11-20", null, null, null))));
    }

    @Test
    void surveysCountResponsesAndScoresPerDimensionAnswered() {
        assertEquals(Map.of(key(Counter.SURVEY_RESPONSES, "sales"), 1L, key(Counter.SURVEY_SCORE_SUM, "sales"), 4L,
                        key(Counter.SURVEY_RESPONSES, "enquiry"), 1L, key(Counter.SURVEY_SCORE_SUM, "enquiry"), 2L,
                        key(Counter.SURVEY_RESPONSES, "overall"), 2L, key(Counter.SURVEY_SCORE_SUM, "overall"), 8L),
                counters(AggregateOrigin.of(RecordType.SURVEYS), List.of(SurveyFact.of(4, null, null, null, 5),
                        SurveyFact.of(null, null, null, 2, 3))));
    }

    @Test
    void violationsCountByDepartmentAndSeverityAndSanctionsByKind() {
        assertEquals(Map.of(key(Counter.VIOLATIONS, "sales.major"), 2L, key(Counter.VIOLATIONS, "claims.minor"), 1L,
                        key(Counter.SANCTIONS, "fine"), 1L, key(Counter.SANCTIONS, "warning"), 1L,
                        key(Counter.SANCTIONS, "training"), 1L),
                counters(AggregateOrigin.of(RecordType.VIOLATIONS), List.of(
                        new ViolationFact(Department.SALES, ViolationSeverity.MAJOR,
                                Sanction.FINE),
                        new ViolationFact(Department.CLAIMS, ViolationSeverity.MINOR,
                                Sanction.WARNING),
                        new ViolationFact(Department.SALES, ViolationSeverity.MAJOR,
                                Sanction.TRAINING))));
    }

    @Test
    void correctiveActionsCountByStatusDueDateAndEffectivenessChecks() {
        assertEquals(Map.of(key(Counter.ACTIONS_RAISED), 6L, key(Counter.ACTIONS_CLOSED), 3L,
                        key(Counter.ACTIONS_CLOSED_ON_TIME), 2L, key(Counter.ACTIONS_AWAITING_CHECK), 2L,
                        key(Counter.ACTIONS_CHECK_PENDING_BY_DUE_DATE, "2026-12-20"), 1L,
                        key(Counter.ACTIONS_OPEN_BY_DUE_DATE, "2026-12-05"), 1L, key(Counter.ACTIONS_CHECKS_PASSED), 1L,
                        key(Counter.ACTIONS_CHECKS_FAILED), 3L),
                counters(AggregateOrigin.of(RecordType.FINDINGS), List.of(
                        action(ActionStatus.VERIFIED, "2026-11-30", "2026-11-25", null, 1, 0),
                        action(ActionStatus.VERIFIED, "2026-11-10", "2026-11-15", null, 0, 2),
                        action(ActionStatus.VERIFIED, "2026-11-30", "2026-11-30", null, 0, 0),
                        action(ActionStatus.DONE, "2026-11-30", "2026-11-20", "2026-12-20", 0, 0),
                        action(ActionStatus.DONE, "2026-11-30", "2026-11-21", null, 0, 1),
                        new CorrectiveActionFact("TPE-01", ActionStatus.OPEN, LocalDate.parse("2026-12-05"), null))));
    }

    @Test
    void inspectionTasksCountThoseDueAndDoneByTypeAndDueDate() {
        String dimension = "claim_file@2026-11-30";
        LocalDate due = LocalDate.parse("2026-11-30");
        assertEquals(Map.of(key(Counter.INSPECTION_TASKS_DUE, dimension), 3L, key(Counter.INSPECTION_TASKS_DONE, dimension), 2L),
                counters(AggregateOrigin.of(RecordType.FINDINGS), List.of(new InspectionTaskFact("TPE-01", InspectionType.CLAIM_FILE, due, true),
                        new InspectionTaskFact("TPE-01", InspectionType.CLAIM_FILE, due, false),
                        new InspectionTaskFact("TPE-01", InspectionType.CLAIM_FILE, due, true))));
    }

    @Test
    void uploadPunctualityCountsTheFilesExpectedAndOnTime() {
        assertEquals(Map.of(key(Counter.UPLOADS_EXPECTED), 5L, key(Counter.UPLOADS_ON_TIME), 3L),
                counters(AggregateOrigin.UPLOADS, List.of(new UploadPunctualityFact("TPE-01", DAY, 5, 3))));
    }

    @Test
    void aFactOfTheWrongTypeIsRefusedNamingItsPlaceInTheFile() {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, AggregateOrigin.of(RecordType.SALES), 1));
        accumulator.accept(new SaleFact(SalesChannel.AGENT, ProductLine.AUTO, true, true, true, false));
        accumulator.accept(new SaleFact(SalesChannel.AGENT, ProductLine.AUTO, true, true, true, false));
        InvalidFactException refused = assertThrows(InvalidFactException.class, () -> accumulator.accept(
                new UnderwritingFact(RiskLevel.LOW, UnderwritingDecision.ACCEPT, false)));
        assertEquals("aggregate TPE-01/2026-11-20/SALES (fact 3): a UnderwritingFact belongs in a UNDERWRITING aggregate,"
                + " not SALES", refused.getMessage());
        assertEquals(2, accumulator.acceptedFacts());
    }

    private static Map<CounterKey, Long> counters(AggregateOrigin type, List<Fact> facts) {
        AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, type, 1));
        facts.forEach(accumulator::accept);
        return accumulator.toAggregate().byBranch().get("TPE-01").counters();
    }

    private static CounterKey key(Counter counter) {
        return CounterKey.of(counter);
    }

    private static CounterKey key(Counter counter, String dimension) {
        return CounterKey.of(counter, dimension);
    }

    private static ClaimFact claim(Complexity complexity, boolean green, ClaimStatus status, String reported,
                                   String closed, boolean onTime) {
        return new ClaimFact(complexity, green, status, OffsetDateTime.parse(reported + "T09:00:00+08:00"),
                OffsetDateTime.parse(closed + "T10:00:00+08:00"), onTime);
    }

    private static ComplaintFact complaint(ComplaintSeverity severity, String received, String resolved,
                                           Boolean firstResponseOnTime, Boolean resolvedOnTime) {
        return new ComplaintFact(severity, OffsetDateTime.parse(received + "T09:00:00+08:00"),
                resolved == null ? null : OffsetDateTime.parse(resolved + "T15:00:00+08:00"), firstResponseOnTime,
                resolvedOnTime);
    }

    private static CorrectiveActionFact action(ActionStatus status, String due, String closed, String checkDue, int passed,
                                               int failed) {
        return new CorrectiveActionFact("TPE-01", status, LocalDate.parse(due), LocalDate.parse(closed),
                checkDue == null ? null : LocalDate.parse(checkDue), passed, failed);
    }
}
