package io.qualityhub.core.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The moment a request is answered as of: a monitor run, a sampling period, a report, an audit digest. Each handler
 * reads it once from its event ({@link #parse}) or takes it from its clock ({@link #now}) and passes this value down;
 * the company's date at that moment is {@link #date}.
 *
 * @param instant the moment
 */
public record AsOf(Instant instant) {

  /** Which written forms an event's field accepts. */
  public enum Form {
    /** A timestamp with an offset, as EventBridge Scheduler's scheduled time: {@code 2026-11-23T00:00:00Z}. */
    TIMESTAMP("an ISO-8601 timestamp with an offset", "write it as e.g. 2026-11-23T00:00:00Z or 2026-11-23T08:00:00+08:00"),
    /** A company date, {@code 2026-11-24}: the start of that day in the company's time zone. */
    DATE("a date", "write it as YYYY-MM-DD, e.g. 2026-11-24"),
    /** Either of the above. */
    DATE_OR_TIMESTAMP("neither a date nor an ISO-8601 timestamp with an offset",
        "write a date as 2026-11-24 or a timestamp as 2026-11-30T22:00:00Z");

    private final String expected;
    private final String example;

    Form(String expected, String example) {
      this.expected = expected;
      this.example = example;
    }

    private boolean acceptsDates() {
      return this != TIMESTAMP;
    }

    private boolean acceptsTimestamps() {
      return this != DATE;
    }
  }

  public AsOf {
    Objects.requireNonNull(instant, "instant");
  }

  /** The clock's present moment. */
  public static AsOf now(Clock clock) {
    return new AsOf(clock.instant());
  }

  /** The start of {@code date} in {@code zone}. */
  public static AsOf startOf(LocalDate date, ZoneId zone) {
    return new AsOf(date.atStartOfDay(zone).toInstant());
  }

  /** The date at this moment in {@code zone}, the company's time zone. */
  public LocalDate date(ZoneId zone) {
    return LocalDate.ofInstant(instant, zone);
  }

  /**
   * The value of an event's {@code field}, written in one of {@code form}'s forms; a date is the start of that day in
   * {@code zone}.
   *
   * @param value the field's value as the event carries it; {@code null} is the caller's to default
   * @throws InvalidAsOfException naming the field, what it held and how to write it
   */
  public static AsOf parse(String field, Object value, Form form, ZoneId zone) {
    Objects.requireNonNull(value, field);
    if (!(value instanceof String text)) {
      throw new InvalidAsOfException(field + " must be a string, was " + value, form.example, null);
    }
    try {
      if (form.acceptsDates() && text.length() == 10) {
        return startOf(LocalDate.parse(text), zone);
      }
      if (form.acceptsTimestamps()) {
        return new AsOf(OffsetDateTime.parse(text).toInstant());
      }
    } catch (DateTimeException malformed) {
      throw new InvalidAsOfException(refusal(field, text, form), form.example, malformed);
    }
    throw new InvalidAsOfException(refusal(field, text, form), form.example, null);
  }

  private static String refusal(String field, String text, Form form) {
    // A person types the value by hand; a long one is cut short so that the message stays readable.
    String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
    return field + " '" + shown + "' is " + (form == Form.DATE_OR_TIMESTAMP ? "" : "not ") + form.expected;
  }
}
