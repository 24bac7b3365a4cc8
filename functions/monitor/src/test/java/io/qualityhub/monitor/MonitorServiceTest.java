package io.qualityhub.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.deadlines.BusinessCalendars;
import io.qualityhub.deadlines.HolidayCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorServiceTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  /** 1 December 2026 in Taipei. */
  private static final Instant AS_OF = Instant.parse("2026-11-30T17:00:00Z");
  /** Taiwan's holidays listed for 2026 only. */
  private static final BusinessCalendars ONLY_2026 = new BusinessCalendars("TW", Map.of(), Map.of("TW",
      new HolidayCalendar("TW", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Map.of(), Map.of(), Set.of(2026), Map.of())));
  private static final MonitorRequest REQUEST = MonitorRequest.at(AS_OF, MonitorScope.ALL);

  @Test
  void aFinishedRunIsSummarisedWithItsCountsAndTheDaysOfHolidaysLeft() {
    MonitorService service = service(run(List.of()));

    MonitorRun run = service.run(REQUEST);

    assertEquals("{\"runId\":\"run-2026-12-01-all\",\"asOf\":\"2026-11-30T17:00:00Z\",\"scope\":\"all\","
        + "\"alertRecord\":\"alerts/2026-12-01/run-2026-12-01-all.json\",\"digests\":0,\"missingRecipients\":1,"
        + "\"calendarCoverageDaysLeft\":31,\"counts\":{\"itemsRead\":12,\"alertsDue\":5,\"alertsSent\":4,"
        + "\"alertsSentBefore\":1,\"alertsHeld\":0,\"topicMessages\":4,\"itemsAdvanced\":3,\"itemsRemoved\":2,"
        + "\"itemsRefused\":0,\"itemsTyped\":12,\"schedulesBuilt\":14}}", service.complete(run).toString());
  }

  @Test
  void aRunWithProblemsFailsNamingThemSoThatLambdaRetriesIt() {
    MonitorService service = service(run(List.of("claim CLM-7 could not be read", "the mail service refused a digest")));

    MonitorRunIncompleteException failed = assertThrows(MonitorRunIncompleteException.class,
        () -> service.complete(service.run(REQUEST)));

    assertEquals("monitor run run-2026-12-01-all did not finish (2 problems): claim CLM-7 could not be read; the mail"
        + " service refused a digest", failed.getMessage());
  }

  @Test
  void aYearWithinNinetyDaysWithoutHolidaysIsACalendarProblemFromStartUp() {
    assertEquals(List.of("The deadline policy lists no 2027 holidays for TW: business-day deadlines in 2027 count"
        + " weekends only. Add 2027 to calendars.countries.TW.years and list its holidays."),
        service(run(List.of())).calendarProblems());
    assertEquals(List.of(), new MonitorService(request -> run(List.of()), ONLY_2026, TAIPEI, "QualityHub",
        Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC)).calendarProblems());
  }

  private static MonitorService service(MonitorRun run) {
    return new MonitorService(request -> run, ONLY_2026, TAIPEI, "QualityHub", Clock.fixed(AS_OF, ZoneOffset.UTC));
  }

  private static MonitorRun run(List<String> problems) {
    return new MonitorRun("run-2026-12-01-all", AS_OF, MonitorScope.ALL, "default-v1",
        new MonitorRun.Counts(12, 5, 4, 1, 0, 4, 3, 2, 0, 12, 14), List.of(), List.of(),
        List.of("no address for role claims-lead of branch TPE-01"), problems, List.of(),
        "alerts/2026-12-01/run-2026-12-01-all.json", List.of());
  }
}
