package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The id index across many growths of its table: every id keeps its line, and only repeated ids are found. Most tests
 * start from a table of 16 slots and log segments of 64 KiB, so that a thousand ids grow the table 11 times and a few
 * long ids fill segment after segment (the defaults, 4,096 slots and 64 MiB, take 200,000 ids and 70 MB to do the same).
 */
class IdIndexTest {

  private static final int IDS = 1_000; // grows the table 11 times from its first 16 slots
  private static final int FIRST_CAPACITY = 16;
  private static final int SEGMENT_SHIFT = 16; // 64 KiB: two ids of 32,000 bytes a segment

  private static IdIndex small(ToLongFunction<byte[]> fingerprints) {
    return new IdIndex(fingerprints, FIRST_CAPACITY, SEGMENT_SHIFT);
  }

  private static IdIndex small() {
    return small(SipHash.withRandomKey(new SecureRandom()));
  }

  @Test
  void theDefaultIndexKeepsEveryLineAcrossItsFirstGrowths() {
    try (IdIndex index = new IdIndex()) {
      for (int i = 1; i <= 10_000; i++) { // past 3,072, 4,608 and 6,912 ids: the 4,096-slot table grows 3 times
        assertEquals(0, index.firstLine("CLM-" + i, i + 1), "new id " + i);
      }
      for (int i = 1; i <= 10_000; i++) {
        assertEquals(i + 1, index.lineOf("CLM-" + i), "id " + i);
      }
    }
  }

  @Test
  void firstLinesSurviveEveryGrowth() {
    try (IdIndex index = small()) {
      for (int i = 1; i <= IDS; i++) {
        assertEquals(0, index.firstLine("CLM-" + i, i + 1), "new id " + i);
      }
      for (int i = 1; i <= IDS; i++) {
        assertEquals(i + 1, index.firstLine("CLM-" + i, IDS + 2 + i), "repeated id " + i);
      }
      assertEquals(0, index.lineOf("CLM-0"));
      assertEquals(0, index.lineOf("CLM-" + (IDS + 1)));
    }
  }

  @Test
  void theLatestVersionsLineSurvivesEveryGrowth() {
    try (IdIndex index = small()) {
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

  @Test
  void idsThatShareEveryFingerprintAreStillToldApartByTheirBytes() {
    try (IdIndex index = new IdIndex(id -> 42L)) {
      assertEquals(0, index.firstLine("CLM-1", 2));
      assertEquals(0, index.firstLine("CLM-2", 3));
      assertEquals(0, index.firstLine("CLM-10", 4)); // same fingerprint, another length
      assertEquals(2, index.firstLine("CLM-1", 5));
      assertEquals(3, index.firstLine("CLM-2", 6));
      assertEquals(4, index.lineOf("CLM-10"));
      assertEquals(0, index.lineOf("CLM-3"));
    }
  }

  @Test
  void aRowOfTheSameVersionKeepsTheFirstLine() {
    try (IdIndex index = new IdIndex()) {
      index.keepLatest("CLM-1", 100, 2);
      index.keepLatest("CLM-1", 100, 3);
      index.keepLatest("CLM-1", 99, 4);

      assertEquals(2, index.lineOf("CLM-1"));
    }
  }

  @Test
  void probeRunsThatWrapPastTheEndOfTheTableSurviveEveryGrowth() {
    // Every id's home is the table's last slot, so each run wraps to the start, in probing and in rehashing alike.
    try (IdIndex index = small(id -> -1L)) {
      for (int i = 1; i <= 400; i++) { // 9 growths, to 609 slots
        assertEquals(0, index.firstLine("CLM-" + i, i + 1), "new id " + i);
      }
      for (int i = 1; i <= 400; i++) {
        assertEquals(i + 1, index.lineOf("CLM-" + i), "id " + i);
      }
    }
  }

  @Test
  void idsBeyondOneLogSegmentAreKeptWholeInTheNext() {
    // Ids of 32,000 bytes, two to a 64 KiB segment: the third goes to the next segment, and so on to the fifth.
    String padding = "理".repeat(10_660);
    try (IdIndex index = small()) {
      for (int i = 1; i <= 9; i++) {
        assertEquals(0, index.firstLine(padding + i, i + 1), "new id " + i);
      }
      for (int i = 1; i <= 9; i++) {
        assertEquals(i + 1, index.firstLine(padding + i, 0), "repeated id " + i);
      }
    }
  }

  @Test
  void collidingIdsAcrossGrowthsKeepTheirOwnLatestLine() {
    // 8 fingerprints for 500 ids: long probe runs, every comparison settled by the ids' bytes, across 10 growths
    try (IdIndex index = small(id -> new String(id, StandardCharsets.UTF_8).hashCode() % 8)) {
      for (int i = 1; i <= 500; i++) {
        index.keepLatest("C-" + i, 7, i);
        index.keepLatest("C-" + i, 6, 100_000 + i);
      }
      for (int i = 1; i <= 500; i++) {
        assertEquals(i, index.lineOf("C-" + i), "id " + i);
      }
    }
  }

  @Test
  void anIndexClosedIsNotReadAgain() {
    IdIndex index = new IdIndex();
    index.firstLine("CLM-1", 2);
    index.close();
    assertThrows(NullPointerException.class, () -> index.lineOf("CLM-1"));
  }

  @Test
  void aFingerprintsHomeIsItsHigh32BitsScaledToTheTable() {
    // Were every id's home the same slot, the index would still answer right, only by ever longer probe runs.
    assertEquals(0, IdIndex.home(0x00000000_ffffffffL, 1_000));
    assertEquals(500, IdIndex.home(0x80000000_00000000L, 1_000));
    assertEquals(999, IdIndex.home(0xffffffff_ffffffffL, 1_000));
    assertEquals(1_368, IdIndex.home(0xffffffff_00000000L, 1_369));
    assertEquals(342, IdIndex.home(0x40000000_12345678L, 1_369));
  }

  @Test
  void sipHashGivesTheReferenceValues() {
    // The reference implementation's vectors: key 00 01 .. 0f, messages 00 01 .. (n-1)
    SipHash hash = new SipHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);
    assertEquals(0x726fdb47dd0e0e31L, hash.applyAsLong(new byte[0]));
    byte[] fifteen = new byte[15];
    for (int i = 0; i < fifteen.length; i++) {
      fifteen[i] = (byte) i;
    }
    assertEquals(0xa129ca6149be45e5L, hash.applyAsLong(fifteen));
  }
}
