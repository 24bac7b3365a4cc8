package io.qualityhub.local.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's earlier months carry, per branch and month, exactly the shares on time and complete it lists. */
class DemoHistoryRowsTest {

  @Test
  void theRowsCarryTheMonthsShareOnTimeAndComplete() {
    DemoHistory.Month october = DemoHistory.MONTHS.get(6);
    assertEquals("TPE-01 2026-10-20", october.branch() + " " + october.businessDate());
    List<String> claims = DemoHistory.claims(october);
    assertEquals("CLM-TPE01-2610-001,P-C-TPE01-2610-001,AC-PA10,accident,simple,N,closed,2026-10-17T15:00:00+08:00,"
        + "2026-10-18T15:00:00+08:00,2026-10-20T13:00:00+08:00,2026-10-20T15:00:00+08:00,12000,TWD,CH-101,"
        + "2026-10-20T15:00:00+08:00", claims.getFirst(), "on time: documents complete two days before closing");
    assertEquals("CLM-TPE01-2610-010,P-C-TPE01-2610-010,AC-PA10,accident,simple,N,closed,2026-09-14T15:00:00+08:00,"
        + "2026-09-15T15:00:00+08:00,2026-10-20T13:00:00+08:00,2026-10-20T15:00:00+08:00,12000,TWD,CH-101,"
        + "2026-10-20T15:00:00+08:00", claims.getLast(), "late: 35 days after the documents were complete");
    assertEquals(6, claims.stream().filter(row -> row.contains(",2026-10-18T15:00:00+08:00,")).count());
    assertEquals(18, DemoHistory.sales(october).stream().filter(row -> row.endsWith(",Y,Y,Y")).count());
    assertEquals(10, DemoHistory.complaints(october).stream()
        .filter(row -> row.startsWith("CMP-TPE01-2610-") && row.contains(",2026-10-18T16:00:00+08:00,")).count());
  }
}
