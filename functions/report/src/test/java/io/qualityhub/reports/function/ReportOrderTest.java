package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.reports.report.ReportPeriod;
import io.qualityhub.reports.report.ReportScope;
import io.qualityhub.reports.report.ReportTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportOrderTest {

  @Test
  void theMonthlyScheduleOnTheFirstOrdersTheMonthJustEndedWithBranchReports() {
    assertEquals(new ReportOrder(ReportPeriod.month(YearMonth.of(2026, 12)), ReportScope.company(), Optional.empty(), true),
        ReportOrder.parse(Map.of("schedule", "monthly"), LocalDate.of(2027, 1, 1)));
  }

  @Test
  void theQuarterlyScheduleOrdersTheQuarterJustEnded() {
    assertEquals(ReportPeriod.quarter(2026, 4), ReportOrder.parse(Map.of("schedule", "quarterly"), LocalDate.of(2027, 1, 1)).period());
    assertEquals(ReportPeriod.quarter(2027, 1), ReportOrder.parse(Map.of("schedule", "quarterly"), LocalDate.of(2027, 4, 1)).period());
  }

  @Test
  void anOnDemandSpecialReportNamesPeriodBranchAndTopic() {
    assertEquals(new ReportOrder(ReportPeriod.month(YearMonth.of(2026, 11)), ReportScope.branch("TPE-01"),
            Optional.of(ReportTopic.fromCode("claims-timeliness")), false),
        ReportOrder.parse(Map.of("period", "2026-11", "scope", "branch:TPE-01", "topic", "claims-timeliness"),
            LocalDate.of(2026, 12, 3)));
  }

  @Test
  void theSampleEventsForSamLocalInvokeAreOrdersTheFunctionTakes() throws Exception {
    Path events = Path.of("..", "..", "events", "reports");
    LocalDate firstOfDecember = LocalDate.of(2026, 12, 1);
    assertEquals(new ReportOrder(ReportPeriod.month(YearMonth.of(2026, 11)), ReportScope.company(), Optional.empty(), true),
        ReportOrder.parse(read(events.resolve("schedule-monthly.json")), firstOfDecember));
    assertEquals(new ReportOrder(ReportPeriod.quarter(2026, 4), ReportScope.company(), Optional.empty(), true),
        ReportOrder.parse(read(events.resolve("schedule-quarterly.json")), LocalDate.of(2027, 1, 1)));
    assertEquals(new ReportOrder(ReportPeriod.month(YearMonth.of(2026, 11)), ReportScope.company(),
            Optional.of(ReportTopic.CORRECTIVE_ACTIONS), false),
        ReportOrder.parse(read(events.resolve("special-corrective-actions.json")), firstOfDecember));
    assertEquals(new ReportOrder(ReportPeriod.month(YearMonth.of(2026, 11)), ReportScope.branch("TPE-01"),
            Optional.of(ReportTopic.CLAIMS_TIMELINESS), false),
        ReportOrder.parse(read(events.resolve("special-branch-claims-timeliness.json")), firstOfDecember));
  }

  private static Map<String, Object> read(Path event) throws IOException {
    return new ObjectMapper().readValue(Files.readString(event), new TypeReference<Map<String, Object>>() { });
  }

  @Test
  void anUnknownScopeIsRefusedWithTheFormsThatWork() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> ReportOrder.parse(Map.of("period", "2026-11", "scope", "TPE-01"), LocalDate.of(2026, 12, 3)));
    assertEquals("scope 'TPE-01' is not company or branch:{code} (e.g. branch:TPE-01)", refused.getMessage());
  }
}
