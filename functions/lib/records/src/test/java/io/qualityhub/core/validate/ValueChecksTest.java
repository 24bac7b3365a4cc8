package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The edges of the value checks: the longest amount, the shortest timestamp, a surrogate cut off at the end. */
class ValueChecksTest {

  @Test
  void anAmountHasAtMostFifteenIntegerDigits() {
    assertTrue(ValueChecks.isAmount("123456789012345"));
    assertTrue(ValueChecks.isAmount("123456789012345.67"));
    assertFalse(ValueChecks.isAmount("1234567890123456"));
    assertFalse(ValueChecks.isAmount(".5"));
  }

  @Test
  void theShortestTimestampIsTwentyCharacters() {
    assertEquals(OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC), ValueChecks.parseTimestamp("2026-11-01T09:00:00Z"));
    assertNull(ValueChecks.parseTimestamp("2026-11-01T09:00Z"));
  }

  @Test
  void aHighSurrogateWithoutItsPairIsNotText() {
    assertFalse(ValueChecks.isText("ok\uD83D"));
    assertFalse(ValueChecks.isText("\uD83Dok"));
    assertTrue(ValueChecks.isText("ok\uD83D\uDE00"));
  }
}
