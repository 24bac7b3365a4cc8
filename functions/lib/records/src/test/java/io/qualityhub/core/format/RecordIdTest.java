package io.qualityhub.core.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The id columns' rule, the one intake validates with and reports print by. */
class RecordIdTest {

  @Test
  void anIdOfOneTo128CodePointsInAnyScriptIsWellFormed() {
    assertTrue(RecordId.isWellFormed("C"));
    assertTrue(RecordId.isWellFormed("理賠-2026-001"));
    assertTrue(RecordId.isWellFormed("x".repeat(128)));
    // 128 code points outside the BMP are 256 chars: the char count alone must not refuse them
    assertTrue(RecordId.isWellFormed("\uD83D\uDE00".repeat(128)));
  }

  @Test
  void anEmptyOrLongerIdIsNot() {
    assertFalse(RecordId.isWellFormed(""));
    assertFalse(RecordId.isWellFormed("x".repeat(129)));
    assertFalse(RecordId.isWellFormed("\uD83D\uDE00".repeat(129)));
    assertFalse(RecordId.isWellFormed("x" + "\uD83D\uDE00".repeat(128)));
  }

  @Test
  void controlFormatSeparatorAndLoneSurrogateCharactersAreRefused() {
    assertFalse(RecordId.isWellFormed("C\u0000"));
    assertFalse(RecordId.isWellFormed("C\t1"));
    assertFalse(RecordId.isWellFormed("C\u200D1"));
    assertFalse(RecordId.isWellFormed("C\u20281"));
    assertFalse(RecordId.isWellFormed("C\u20291"));
    assertFalse(RecordId.isWellFormed("C\uD83D"));
    assertFalse(RecordId.isWellFormed("\uDE00C"));
  }

  @Test
  void anIdNotInNfcIsRefused() {
    assertFalse(RecordId.isWellFormed("Cafe\u0301"));
    assertTrue(RecordId.isWellFormed("Caf\u00E9"));
  }
}
