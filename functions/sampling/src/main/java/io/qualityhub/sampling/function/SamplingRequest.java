package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The sampling function's input. {@code {"period": "2026-11"}} samples that period. Without a period, the period of
 * {@code frequency} ({@code monthly} by default, or {@code weekly}) containing {@code asOf} (a date, or a timestamp
 * read in the company time zone; default now) is sampled, or with {@code "previous": true} the one before it: the
 * schedules run just after a period ends and sample the period that ended.
 */
public final class SamplingRequest {

  private SamplingRequest() {}

  public static Period periodOf(Map<String, Object> input, ZoneId companyZone, LocalDate today) {
    Map<String, Object> fields = input == null ? Map.of() : input;
    Object period = fields.get("period");
    if (period != null) {
      try {
        return Period.parse(period.toString());
      } catch (IllegalArgumentException e) {
        throw new InvalidSamplingRequestException("period \"" + period + "\" is not a period; write a month as"
            + " 2026-11 or an ISO week as 2026-W47", e);
      }
    }
    String frequency = String.valueOf(fields.getOrDefault("frequency", "monthly"));
    PeriodType type = PeriodType.fromPlanName(frequency).orElseThrow(() -> new InvalidSamplingRequestException(
        "frequency \"" + frequency + "\" is neither monthly nor weekly", null));
    LocalDate asOf = fields.containsKey("asOf") ? dateOf(fields.get("asOf").toString(), companyZone) : today;
    Period containing = Period.containing(asOf, type);
    return Boolean.parseBoolean(String.valueOf(fields.get("previous")))
        ? Period.containing(containing.start().minusDays(1), type) : containing;
  }

  private static LocalDate dateOf(String text, ZoneId zone) {
    try {
      return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new InvalidSamplingRequestException("asOf \"" + text + "\" is neither a date (2026-11-24) nor a timestamp"
          + " with offset (2026-11-30T22:00:00Z)", e);
    }
  }
}
