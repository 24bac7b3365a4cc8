package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
