package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ComplaintSeverity;
import io.qualityhub.core.format.ClaimStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each record counts once, from its latest state, on the days of its own dates, whichever file carried it. */
class ContributionLedgerTest {

    private static final String BRANCH = "TPE-01";
    private static final LocalDate OCT_1 = LocalDate.parse("2026-10-01");
    private static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");

    @Test
    void aComplaintCountsAsReceivedOnItsOwnDayAndAsResolvedOnItsResolutionDayOnceWhateverFilesCarryIt() {
        ContributionLedger ledger = new ContributionLedger();
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(2), Map.of(
                "K-1", complaint(day(2), 1, ComplaintSeverity.MAJOR, null)));
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(20), Map.of(
                "K-1", complaint(day(20), 20, ComplaintSeverity.MAJOR, "2026-10-20T09:00:00+08:00")));

        BranchTallies october = tallies(ledger, OCT_1, OCT_31);
        assertEquals(1, october.count(Counter.COMPLAINTS_RECEIVED), "received once, not once per file");
        assertEquals(1, october.count(Counter.COMPLAINTS_MAJOR));
        assertEquals(1, october.count(Counter.COMPLAINTS_RESOLVED));
        BranchTallies first = tallies(ledger, day(1), day(1));
        assertEquals(1, first.count(Counter.COMPLAINTS_MAJOR), "on the 1st, the day it was received");
        assertEquals(0, first.count(Counter.COMPLAINTS_RESOLVED));
        assertEquals(1, tallies(ledger, day(20), day(20)).count(Counter.COMPLAINTS_RESOLVED));
    }

    @Test
    void aNewerStateRetractsTheOldContributionAndAnOlderOneArrivingLaterChangesNothing() {
        ContributionLedger ledger = new ContributionLedger();
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(2), Map.of(
                "K-2", complaint(day(2), 2, ComplaintSeverity.GENERAL, null)));
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(21), Map.of(
                "K-2", complaint(day(21), 21, ComplaintSeverity.MAJOR, null)));
        assertEquals(1, tallies(ledger, OCT_1, OCT_31).count(Counter.COMPLAINTS_MAJOR), "corrected to major");

        // The 2nd's file uploaded again, with K-2 as general: its state is older than the 21st's correction.
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(2), Map.of(
                "K-2", complaint(day(2), 2, ComplaintSeverity.GENERAL, null)));
        BranchTallies october = tallies(ledger, OCT_1, OCT_31);
        assertEquals(1, october.count(Counter.COMPLAINTS_RECEIVED));
        assertEquals(1, october.count(Counter.COMPLAINTS_MAJOR));
    }

    @Test
    void aReUploadWithoutARecordWithdrawsItsStateAndTheLatestOfTheOtherFilesCountsAgain() {
        ContributionLedger ledger = new ContributionLedger();
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(2), Map.of(
                "K-3", complaint(day(2), 2, ComplaintSeverity.GENERAL, null)));
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(20), Map.of(
                "K-3", complaint(day(20), 20, ComplaintSeverity.MAJOR, "2026-10-20T09:00:00+08:00")));
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(20), Map.of());

        BranchTallies october = tallies(ledger, OCT_1, OCT_31);
        assertEquals(1, october.count(Counter.COMPLAINTS_RECEIVED), "the 2nd's state counts again");
        assertEquals(0, october.count(Counter.COMPLAINTS_MAJOR));
        assertEquals(0, october.count(Counter.COMPLAINTS_RESOLVED));

        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), day(2), Map.of());
        assertEquals(0, tallies(ledger, OCT_1, OCT_31).count(Counter.COMPLAINTS_RECEIVED), "no file carries K-3 now");
    }

    @Test
    void aSaleCountsInThePeriodOfItsSaleAndAFileOfALaterDayCorrectsIt() {
        ContributionLedger ledger = new ContributionLedger();
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.SALES), day(3), Map.of(
                "S-1", sale(day(3), OCT_1, false),
                "S-3", sale(day(3), LocalDate.parse("2026-09-30"), true)));
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.SALES), day(10), Map.of("S-1", sale(day(10), OCT_1, true)));
        // The 3rd's file uploaded again as first sent: the 10th's file is later, so its correction stays.
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.SALES), day(3), Map.of(
                "S-1", sale(day(3), OCT_1, false),
                "S-3", sale(day(3), LocalDate.parse("2026-09-30"), true)));

        BranchTallies october = tallies(ledger, OCT_1, OCT_31);
        assertEquals(1, october.count(Counter.SALES_TOTAL), "S-3 was sold in September");
        assertEquals(1, october.count(Counter.SALES_DISCLOSURE_COMPLETE), "S-1 as the 10th's file corrected it");
        assertEquals(1, tallies(ledger, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-30"))
                .count(Counter.SALES_TOTAL));
    }

    @Test
    void aClaimReopenedInALaterFileNoLongerCountsAsSettled() {
        ContributionLedger ledger = new ContributionLedger();
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.CLAIMS), day(5), Map.of("C-1", claim(day(5), 5, ClaimStatus.CLOSED)));
        assertEquals(1, tallies(ledger, OCT_1, OCT_31).count(Counter.CLAIMS_SETTLED));
        ledger.replaceFile(BRANCH, AggregateOrigin.of(RecordType.CLAIMS), day(9), Map.of("C-1", claim(day(9), 9, ClaimStatus.UNDER_REVIEW)));
        assertEquals(0, tallies(ledger, OCT_1, OCT_31).count(Counter.CLAIMS_SETTLED));
        assertTrue(tallies(ledger, OCT_1, OCT_31).cycleTimes(Complexity.SIMPLE).count() == 0);
    }

    @Test
    void statesOfEqualVersionGoToTheLaterFile() {
        RecordState earlier = new RecordState(day(2), 7L, RecordContribution.NOTHING);
        RecordState later = new RecordState(day(3), 7L, RecordContribution.NOTHING);
        RecordState newer = new RecordState(day(1), 8L, RecordContribution.NOTHING);
        assertEquals(later, RecordState.counted(List.of(later, earlier)).orElseThrow());
        assertEquals(newer, RecordState.counted(List.of(later, newer, earlier)).orElseThrow());
    }

    /** A complaint received on 1 October at 10:00, in the state last updated on {@code updatedDay}. */
    private static RecordState complaint(LocalDate fileDate, int updatedDay, ComplaintSeverity severity,
            String resolvedAt) {
        OffsetDateTime received = OffsetDateTime.parse("2026-10-01T10:00:00+08:00");
        OffsetDateTime resolved = resolvedAt == null ? null : OffsetDateTime.parse(resolvedAt);
        ComplaintFact fact = new ComplaintFact(severity, received, resolved, resolved == null ? null : true,
                resolved == null ? null : true);
        List<LocalDate> days = resolved == null ? List.of(received.toLocalDate())
                : List.of(received.toLocalDate(), resolved.toLocalDate());
        return new RecordState(fileDate, day(updatedDay).toEpochDay(),
                RecordContribution.of(BRANCH, AggregateOrigin.of(RecordType.COMPLAINTS), fact, days));
    }

    private static RecordState sale(LocalDate fileDate, LocalDate soldOn, boolean disclosed) {
        SaleFact fact = new SaleFact(SalesChannel.AGENT, ProductLine.AUTO, disclosed, true, true, false);
        return new RecordState(fileDate, null, RecordContribution.of(BRANCH, AggregateOrigin.of(RecordType.SALES), fact, List.of(soldOn)));
    }

    private static RecordState claim(LocalDate fileDate, int updatedDay, ClaimStatus status) {
        OffsetDateTime reported = OffsetDateTime.parse("2026-10-01T09:00:00+08:00");
        OffsetDateTime closed = status == ClaimStatus.CLOSED ? OffsetDateTime.parse("2026-10-05T15:00:00+08:00") : null;
        ClaimFact fact = new ClaimFact(Complexity.SIMPLE, false, status, reported, closed,
                closed == null ? null : true);
        return new RecordState(fileDate, day(updatedDay).toEpochDay(), RecordContribution.of(BRANCH, AggregateOrigin.of(RecordType.CLAIMS),
                fact, closed == null ? List.of() : List.of(closed.toLocalDate())));
    }

    private static BranchTallies tallies(ContributionLedger ledger, LocalDate from, LocalDate to) {
        return DailyAggregate.combineByBranch(ledger.aggregatesBetween(from, to)).getOrDefault(BRANCH, BranchTallies.empty());
    }

    private static LocalDate day(int dayOfOctober) {
        return LocalDate.of(2026, 10, dayOfOctober);
    }
}
