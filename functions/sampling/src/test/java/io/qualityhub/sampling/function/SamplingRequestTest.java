package io.qualityhub.sampling.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.sampling.domain.Period;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingRequestTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

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
}
