package io.qualityhub.core.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.time.AsOf.Form;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one "as of" value: the forms an event may write it in, and what a person is told when it is wrong. */
class AsOfTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  @ParameterizedTest
  @CsvSource({
      "2026-11-23T00:00:00Z,       TIMESTAMP,         2026-11-23T00:00:00Z",
      "2026-11-23T08:00:00+08:00,  TIMESTAMP,         2026-11-23T00:00:00Z",
      "2026-12-01T22:00:00Z,       DATE_OR_TIMESTAMP, 2026-12-01T22:00:00Z",
      "2026-11-24,                 DATE_OR_TIMESTAMP, 2026-11-23T16:00:00Z",
      "2026-11-24,                 DATE,              2026-11-23T16:00:00Z"})
  void readsEachFormItAccepts(String written, Form form, String instant) {
    assertEquals(new AsOf(Instant.parse(instant)), AsOf.parse("asOf", written, form, TAIPEI));
  }

  @Test
  void theDateIsTheCompanysDateAtThatMoment() {
    // 22:00 UTC on 1 December is 06:00 on 2 December in Taipei.
    assertEquals(LocalDate.of(2026, 12, 2), new AsOf(Instant.parse("2026-12-01T22:00:00Z")).date(TAIPEI));
    assertEquals(LocalDate.of(2026, 12, 1), new AsOf(Instant.parse("2026-12-01T22:00:00Z")).date(ZoneOffset.UTC));
    assertEquals(LocalDate.of(2026, 11, 24), AsOf.startOf(LocalDate.of(2026, 11, 24), TAIPEI).date(TAIPEI));
  }

  @Test
  void nowIsTheClocksMoment() {
    assertEquals(new AsOf(Instant.parse("2026-11-25T01:02:03.456789Z")),
        AsOf.now(Clock.fixed(Instant.parse("2026-11-25T01:02:03.456789Z"), ZoneOffset.UTC)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-11-23          | TIMESTAMP         | asOf '2026-11-23' is not an ISO-8601 timestamp with an offset; write it as"
          + " e.g. 2026-11-23T00:00:00Z or 2026-11-23T08:00:00+08:00",
      "2026-11-23T00:00:00 | TIMESTAMP         | asOf '2026-11-23T00:00:00' is not an ISO-8601 timestamp with an offset;"
          + " write it as e.g. 2026-11-23T00:00:00Z or 2026-11-23T08:00:00+08:00",
      "2026-11-23T00:00:00Z| DATE              | asOf '2026-11-23T00:00:00Z' is not a date; write it as YYYY-MM-DD, e.g."
          + " 2026-11-24",
      "2026-13-01          | DATE              | asOf '2026-13-01' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-24",
      "yesterday           | DATE_OR_TIMESTAMP | asOf 'yesterday' is neither a date nor an ISO-8601 timestamp with an"
          + " offset; write a date as 2026-11-24 or a timestamp as 2026-11-30T22:00:00Z",
      "2026-02-30          | DATE_OR_TIMESTAMP | asOf '2026-02-30' is neither a date nor an ISO-8601 timestamp with an"
          + " offset; write a date as 2026-11-24 or a timestamp as 2026-11-30T22:00:00Z"})
  void refusesWhatItCannotReadSayingWhatWasWrongAndHowToWriteIt(String written, Form form, String message) {
    InvalidAsOfException refused = assertThrows(InvalidAsOfException.class,
        () -> AsOf.parse("asOf", written, form, TAIPEI));

    assertEquals(message, refused.getMessage());
  }

  @Test
  void refusesAValueThatIsNotAString() {
    InvalidAsOfException refused = assertThrows(InvalidAsOfException.class,
        () -> AsOf.parse("asOf", 20261123, Form.TIMESTAMP, TAIPEI));

    assertEquals("asOf must be a string, was 20261123", refused.what());
    assertEquals("asOf must be a string, was 20261123; write it as e.g. 2026-11-23T00:00:00Z or"
        + " 2026-11-23T08:00:00+08:00", refused.getMessage());
  }

  @Test
  void cutsALongValueShort() {
    InvalidAsOfException refused = assertThrows(InvalidAsOfException.class,
        () -> AsOf.parse("day", "x".repeat(1000), Form.DATE, TAIPEI));

    assertEquals("day '" + "x".repeat(40) + "...' is not a date", refused.what());
  }
}
