package io.qualityhub.reports.aggregate;

import io.qualityhub.core.format.RecordType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregateJsonTest {

    @Test
    void aMonitorReadingOfOverdueClaimsReadsBackFromTheStoredForm() {
        LocalDate day = LocalDate.parse("2026-10-31");
        DailyAggregate snapshot = new DailyAggregate(new AggregateKey("TPE-01", day, AggregateOrigin.of(RecordType.CLAIMS), 7),
                Map.of("TPE-01", new BranchTallies(Map.of(), Map.of(),
                        Map.of(Gauge.OVERDUE_OPEN_CLAIMS, new GaugeReading(day, 2)))));

        String stored = AggregateJson.write(snapshot);

        assertTrue(stored.contains("\"OVERDUE_OPEN_CLAIMS\":{\"asOf\":\"2026-10-31\",\"value\":2}"), stored);
        assertEquals(snapshot, AggregateJson.read(stored));
    }
}
