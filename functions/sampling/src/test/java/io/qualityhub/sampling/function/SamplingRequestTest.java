package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.time.AsOf;
import io.qualityhub.sampling.domain.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingRequestTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final AsOf TODAY = AsOf.startOf(LocalDate.parse("2026-11-25"), TAIPEI);

  @Test
  void anExplicitPeriodIsSampledAsGiven() {
    assertEquals(Period.parse("2026-W47"), SamplingRequest.periodOf(Map.of("period", "2026-W47"), TAIPEI, TODAY));
  }

  @Test
  void withoutInputTheMonthContainingTodayIsSampled() {
    assertEquals(Period.parse("2026-11"), SamplingRequest.periodOf(null, TAIPEI, TODAY));
  }

  @Test
  void theMonthlyScheduleSamplesTheMonthThatEndedInTheCompanyTimeZone() {
    // 22:00 UTC on 1 December is 06:00 on 2 December in Taipei.
    Map<String, Object> input = Map.of("frequency", "monthly", "asOf", "2026-12-01T22:00:00Z", "previous", true);
    assertEquals(Period.parse("2026-11"), SamplingRequest.periodOf(input, TAIPEI, TODAY));
  }

  @Test
  void theWeeklyScheduleSamplesTheIsoWeekThatEnded() {
    // Tuesday 1 December 2026 lies in 2026-W49; the week before is 2026-W48.
    Map<String, Object> input = Map.of("frequency", "weekly", "asOf", "2026-11-30T22:00:00Z", "previous", true);
    assertEquals(Period.parse("2026-W48"), SamplingRequest.periodOf(input, TAIPEI, TODAY));
  }

  @Test
  void aMisspeltPeriodIsRefusedWithTheFormatToUse() {
    InvalidSamplingRequestException refused = assertThrows(InvalidSamplingRequestException.class,
        () -> SamplingRequest.periodOf(Map.of("period", "Nov 2026"), TAIPEI, TODAY));
    assertTrue(refused.getMessage().contains("2026-11 or an ISO week as 2026-W47"), refused.getMessage());
  }

  @Test
  void aDateAsOfIsTheCompanysDate() {
    // Tuesday 24 November 2026 lies in 2026-W48; the week before is 2026-W47.
    assertEquals(Period.parse("2026-W47"),
        SamplingRequest.periodOf(Map.of("frequency", "weekly", "asOf", "2026-11-24", "previous", true), TAIPEI, TODAY));
  }

  @Test
  void aMalformedAsOfIsRefusedWithTheFormsToUse() {
    InvalidSamplingRequestException refused = assertThrows(InvalidSamplingRequestException.class,
        () -> SamplingRequest.periodOf(Map.of("asOf", "30.11.2026"), TAIPEI, TODAY));
    assertEquals("asOf '30.11.2026' is neither a date nor an ISO-8601 timestamp with an offset; write a date as"
        + " 2026-11-24 or a timestamp as 2026-11-30T22:00:00Z", refused.getMessage());
  }
}
