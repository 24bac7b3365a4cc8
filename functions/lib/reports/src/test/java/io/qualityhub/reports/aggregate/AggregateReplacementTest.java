package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.SalesChannel;
import io.qualityhub.core.format.ProductLine;
import io.qualityhub.core.format.FollowupOutcome;
import io.qualityhub.core.format.Complexity;
import io.qualityhub.core.format.ClaimStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.qualityhub.reports.HandBuiltDataset.aggregate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateReplacementTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-05");

    @Test
    void reUploadReplacesTheFilesContributionExactly() {
        AggregateLedger ledger = new AggregateLedger();
        assertEquals(AggregateLedger.PutOutcome.ADDED, ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.SALES), 1,
                List.of(sale(false), sale(false), sale(true)))));
        assertEquals(AggregateLedger.PutOutcome.ADDED, ledger.put(aggregate("TPE-01", "2026-10-06", AggregateOrigin.of(RecordType.SALES), 1,
                List.of(sale(true)))));
        assertEquals(AggregateLedger.PutOutcome.REPLACED, ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.SALES),
                2, List.of(sale(true), sale(true)))));

        BranchTallies period = period(ledger);
        assertEquals(3, period.count(Counter.SALES_TOTAL)); // 2 from the re-upload + 1 from 10-06, not 3 + 2 + 1
        assertEquals(3, period.count(Counter.SALES_DISCLOSURE_COMPLETE));
    }

    @Test
    void anOlderGenerationArrivingLateNeverUndoesANewerOne() {
        AggregateLedger ledger = new AggregateLedger();
        ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.SALES), 5, List.of(sale(true))));
        assertEquals(AggregateLedger.PutOutcome.STALE_IGNORED, ledger.put(aggregate("TPE-01", "2026-10-05",
                AggregateOrigin.of(RecordType.SALES), 4, List.of(sale(false), sale(false)))));
        assertEquals(1, period(ledger).count(Counter.SALES_TOTAL));
        assertEquals(1, period(ledger).count(Counter.SALES_DISCLOSURE_COMPLETE));
    }

    @Test
    void aFileThatNowHoldsFewerRowsStopsCountingTheRemovedOnes() {
        AggregateLedger ledger = new AggregateLedger();
        ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.SALES), 1, List.of(sale(true), sale(true))));
        ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.SALES), 2, List.of()));
        assertEquals(0, period(ledger).count(Counter.SALES_TOTAL));
    }

    @Test
    void sameDayFilesOfOtherTypesOrBranchesAreSeparateSlots() {
        AggregateLedger ledger = new AggregateLedger();
        ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.SALES), 1, List.of(sale(true))));
        ledger.put(aggregate("KHH-02", "2026-10-05", AggregateOrigin.of(RecordType.SALES), 1, List.of(sale(false))));
        ledger.put(aggregate("TPE-01", "2026-10-05", AggregateOrigin.of(RecordType.FOLLOWUPS), 1,
                List.of(new FollowupFact(FollowupOutcome.UNDERSTOOD))));
        var byBranch = DailyAggregate.combineByBranch(ledger.aggregatesBetween(DAY, DAY));
        assertEquals(1, byBranch.get("TPE-01").count(Counter.SALES_TOTAL));
        assertEquals(1, byBranch.get("TPE-01").count(Counter.FOLLOWUPS_UNDERSTOOD));
        assertEquals(1, byBranch.get("KHH-02").count(Counter.SALES_TOTAL));
    }

    @Test
    void aFactOfTheWrongTypeOrWithoutItsDeadlineVerdictIsRefusedWithItsSlot() {
        AggregateAccumulator sales = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, AggregateOrigin.of(RecordType.SALES), 1));
        InvalidFactException wrongType = assertThrows(InvalidFactException.class,
                () -> sales.accept(new FollowupFact(FollowupOutcome.UNDERSTOOD)));
        assertTrue(wrongType.getMessage().contains("TPE-01/2026-10-05/SALES"), wrongType.getMessage());

        AggregateAccumulator claims = new AggregateAccumulator(new AggregateKey("TPE-01", DAY, AggregateOrigin.of(RecordType.CLAIMS), 1));
        InvalidFactException noVerdict = assertThrows(InvalidFactException.class, () -> claims.accept(
                new ClaimFact(Complexity.SIMPLE, false, ClaimStatus.CLOSED,
                        DAY.atStartOfDay().atOffset(ZoneOffset.ofHours(8)),
                        DAY.atTime(12, 0).atOffset(ZoneOffset.ofHours(8)), null)));
        assertTrue(noVerdict.getMessage().contains("the monitor must supply it"), noVerdict.getMessage());
    }

    @Test
    void gaugesKeepTheLatestReadingWhateverTheOrder() {
        AggregateLedger ledger = new AggregateLedger();
        ledger.put(aggregate("TPE-01", "2026-10-31", AggregateOrigin.MONITOR_SNAPSHOT, 1,
                List.of(new OpenItemsSnapshot("TPE-01", LocalDate.parse("2026-10-31"), 2))));
        ledger.put(aggregate("TPE-01", "2026-10-15", AggregateOrigin.MONITOR_SNAPSHOT, 1,
                List.of(new OpenItemsSnapshot("TPE-01", LocalDate.parse("2026-10-15"), 9))));
        GaugeReading reading = period(ledger).gauge(Gauge.OVERDUE_OPEN_CLAIMS);
        assertEquals(new GaugeReading(LocalDate.parse("2026-10-31"), 2), reading);
    }

    private static BranchTallies period(AggregateLedger ledger) {
        return DailyAggregate.combineByBranch(
                ledger.aggregatesBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")))
                .getOrDefault("TPE-01", BranchTallies.empty());
    }

    private static SaleFact sale(boolean compliant) {
        return new SaleFact(SalesChannel.AGENT, ProductLine.PROPERTY, true, compliant, true, false);
    }
}
