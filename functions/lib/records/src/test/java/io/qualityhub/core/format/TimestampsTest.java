package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast reading of timestamps agrees with the JDK's own, on what it accepts, refuses and returns. */
class TimestampsTest {

  @Test
  void readsTheShapesUploadsUse() {
    assertEquals("2026-11-20T01:00:00Z", Timestamps.parse("2026-11-20T09:00:00+08:00").toInstant().toString());
    assertEquals("2026-11-20T09:00:00.250Z", Timestamps.parse("2026-11-20T09:00:00.25Z").toInstant().toString());
    assertEquals("2024-02-29T23:59:59.123456789-05:30",
        Timestamps.parse("2024-02-29T23:59:59.123456789-05:30").toString());
    assertEquals("2026-01-01T00:00+14:00", Timestamps.parse("2026-01-01T00:00:00+14:00").toString());
  }

  @Test
  void acceptsAndRefusesExactlyWhatTheJdkDoes() {
    List<String> texts = List.of("2026-11-20T09:00:00+08:00", "2026-11-20T09:00:00Z", "2026-11-20T09:00+08:00",
        "2026-11-20T09:00:00.5+08:00", "2026-11-20T09:00:00.+08:00", "2026-11-20T09:00:00.1234567891Z",
        "2026-02-29T09:00:00Z", "2024-02-29T09:00:00Z", "2026-04-31T09:00:00Z", "2026-13-01T09:00:00Z",
        "2026-00-01T09:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T23:60:00Z", "2026-11-20T23:59:60Z",
        "2026-11-20T09:00:00+18:00", "2026-11-20T09:00:00+18:01", "2026-11-20T09:00:00+19:00",
        "2026-11-20T09:00:00-00:00", "2026-11-20T09:00:00+08", "2026-11-20T09:00:00+0800", "2026-11-20T09:00:00+08:00:30",
        "2026-11-20T09:00:00z", "2026-11-20t09:00:00Z", "2026-11-20T09:00:00+08:60", "２026-11-20T09:00:00Z",
        "2026-11-20T09:00:00+08:00 ", "0000-01-01T00:00:00Z", "2026/11/20T09:00:00Z", "2026-11-20T09:00:00",
        "2026-1-20T09:00:00Z", "+2026-11-20T09:00:00Z");
    for (String text : texts) {
      OffsetDateTime expected;
      try {
        expected = OffsetDateTime.parse(text);
      } catch (DateTimeParseException refused) {
        assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
        continue;
      }
      assertEquals(expected, Timestamps.parse(text), text);
    }
  }

  @Test
  void theShapesUploadsUseAreReadWithoutTheJdksParser() {
    List<String> fast = List.of("2026-11-20T09:00:00Z", "2026-11-20T09:00:00+08:00", "2026-11-20T09:00:00-05:30",
        "2026-11-20T09:00:00.5Z", "2026-11-20T09:00:00.25+08:00", "2026-11-20T09:00:00.123456789-05:30",
        "2024-02-29T23:59:59.000000001+14:00", "2026-01-01T00:00:00+18:00", "2026-12-31T23:59:59-18:00",
        "1999-09-09T19:29:39.4+00:00", "2026-11-20T09:00:00+00:45", "2026-11-20T09:00:00+05:59");
    for (String text : fast) {
      assertEquals(OffsetDateTime.parse(text), Timestamps.fastPath(text), text);
    }
  }

  @Test
  void whatTheFastReadingCannotTakeForSureIsLeftToTheJdk() {
    List<String> declined = List.of("2026-11-20T09:00+08:00", "2026-11-20T09:00:00.+08:00",
        "2026-11-20T09:00:00.1234567891Z", "2026-02-29T09:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T09:00:00+19:00",
        "2026-11-20T09:00:00-00:00", "2026-11-20T09:00:00+08:60", "2026-11-20T09:00:00+08", "2026-11-20T09:00:00+0800",
        "2026-11-20T09:00:00+08:00:30", "2026-11-20T09:00:00z", "2026-11-20t09:00:00Z", "2026/11/20T09:00:00Z",
        "2026-11-20 09:00:00Z", "2026-11-20T09-00:00Z", "2026-11-20T09:00-00Z", "2026-11-2aT09:00:00Z",
        "2026-11-20T09:00:00+0a:00", "2026-11-20T09:00:00+08:0a", "2026-11-20T09:00:00.5", "2026-11-20T09:00:00.5+08:00Z",
        "2026-11-20T09:00:00/08:00", "2026-11-20T09:00:00+08/00", "２026-11-20T09:00:00Z", "2026-11-20T09:00:0:Z");
    for (String text : declined) {
      assertNull(Timestamps.fastPath(text), text);
    }
  }
}
