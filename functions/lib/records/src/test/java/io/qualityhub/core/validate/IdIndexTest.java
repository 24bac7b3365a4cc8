package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The id index across many growths of its table: every id keeps its line, and only repeated ids are found. */
class IdIndexTest {

  private static final int IDS = 200_000; // grows the table 11 times from its first 4,096 slots

  @Test
  void firstLinesSurviveEveryGrowth() {
    IdIndex index = new IdIndex();
    for (int i = 1; i <= IDS; i++) {
      assertEquals(0, index.firstLine("CLM-" + i, i + 1), "new id " + i);
    }
    for (int i = 1; i <= IDS; i++) {
      assertEquals(i + 1, index.firstLine("CLM-" + i, IDS + 2 + i), "repeated id " + i);
    }
    assertEquals(0, index.lineOf("CLM-0"));
    assertEquals(0, index.lineOf("CLM-" + (IDS + 1)));
  }

  @Test
  void theLatestVersionsLineSurvivesEveryGrowth() {
    IdIndex index = new IdIndex();
    for (int i = 1; i <= IDS; i++) {
      index.keepLatest("CLM-" + i, 100, 2 * i);
    }
    for (int i = 1; i <= IDS; i++) {
      index.keepLatest("CLM-" + i, i % 2 == 0 ? 101 : 99, 2 * i + 1);
    }
    for (int i = 1; i <= IDS; i++) {
      assertEquals(i % 2 == 0 ? 2 * i + 1 : 2 * i, index.lineOf("CLM-" + i), "id " + i);
    }
  }
}
