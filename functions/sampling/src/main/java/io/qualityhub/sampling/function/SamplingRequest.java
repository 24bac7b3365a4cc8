package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import io.qualityhub.core.time.AsOf;
import io.qualityhub.core.time.InvalidAsOfException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The sampling function's input. {@code {"period": "2026-11"}} samples that period. Without a period, the period of
 * {@code frequency} ({@code monthly} by default, or {@code weekly}) containing {@code asOf} (a date, or a timestamp
 * read in the company time zone; default now) is sampled, or with {@code "previous": true} the one before it: the
 * schedules run just after a period ends and sample the period that ended.
 */
public final class SamplingRequest {

  private SamplingRequest() {}

  /** @param now the moment the request arrived, the as-of when the input names none */
  public static Period periodOf(Map<String, Object> input, ZoneId companyZone, AsOf now) {
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
    AsOf asOf = now;
    if (fields.get("asOf") != null) {
      try {
        asOf = AsOf.parse("asOf", fields.get("asOf"), AsOf.Form.DATE_OR_TIMESTAMP, companyZone);
      } catch (InvalidAsOfException malformed) {
        throw new InvalidSamplingRequestException(malformed.getMessage(), malformed);
      }
    }
    Period containing = Period.containing(asOf.date(companyZone), type);
    return Boolean.parseBoolean(String.valueOf(fields.get("previous")))
        ? Period.containing(containing.start().minusDays(1), type) : containing;
  }
}
