package io.qualityhub.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the id index holds on the machine, as the operating system sees it: a warm function instance takes file after
 * file, so an index must leave no file in /tmp, hold one table and its log segments while open, grow them as its
 * documentation says, and release every mapping and descriptor when closed. Read from Linux's {@code /proc/self}
 * (Lambda's and CI's system); elsewhere these tests are skipped.
 */
class IdIndexFootprintTest {

  private static final String FILE_PREFIX = "qualityhub-ids-";
  private static final int SEGMENT_SHIFT = 16; // 64 KiB log segments

  @BeforeAll
  static void onLinux() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc/self");
  }

  @Test
  void theIndexsFilesAreUnlinkedAsSoonAsTheyAreMade() {
    // The kernel marks a mapping or descriptor of a file no longer in any directory "(deleted)".
    Footprint before = Footprint.now();
    try (IdIndex index = new IdIndex(SipHash.withRandomKey(new SecureRandom()), 16, SEGMENT_SHIFT)) {
      for (int i = 1; i <= 100; i++) { // past 12, 18, 27, 40, 60 and 90 ids: six new tables
        index.firstLine("CLM-" + i, i + 1);
      }
      Footprint open = Footprint.now().less(before);
      assertEquals(List.of(), open.linked(), "the index's files still in a directory");
      assertEquals(2, open.mappings().size(), "mappings while open (the table, one log segment)");
    }
  }

  @Test
  void aClosedIndexHoldsNoMappingAndNoDescriptor() {
    Footprint before = Footprint.now();
    IdIndex index = new IdIndex(SipHash.withRandomKey(new SecureRandom()), 16, SEGMENT_SHIFT);
    for (int i = 1; i <= 5_000; i++) { // a table grown 15 times, and 3 log segments
      index.firstLine("CLM-" + i, i + 1);
    }
    Footprint open = Footprint.now().less(before);
    assertEquals(1, open.tables(), "tables mapped while open");
    assertEquals(3 * 65_536, open.logBytes(), "the log's mapped bytes while open (three segments)");
    assertEquals(1, open.descriptors(), "descriptors while open (the log's)");

    index.close();

    Footprint closed = Footprint.now().less(before);
    assertEquals(0, closed.tableBytes(), "the table's mapped bytes after close");
    assertEquals(0, closed.logBytes(), "the log's mapped bytes after close");
    assertEquals(0, closed.descriptors(), "descriptors after close");
  }

  @Test
  void theTableGrowsByHalfWhenThreeQuartersFullAndReleasesTheOldOne() {
    Footprint before = Footprint.now();
    try (IdIndex index = new IdIndex()) {
      int id = 0;
      // 4,096 slots of 4 bytes hold 3,072 ids; the next grows the table to 6,144 slots, which hold 4,608, and so on.
      for (int[] step : new int[][] {{3_072, 16_384}, {3_073, 24_576}, {4_608, 24_576}, {4_609, 36_864}}) {
        while (id < step[0]) {
          id++;
          index.firstLine("CLM-" + id, id + 1);
        }
        assertEquals(step[1], Footprint.now().less(before).tableBytes(), "the table's mapped bytes at " + id + " ids");
      }
    }
  }

  @Test
  void eachEntryTakesItsIdAnd22BytesRoundedUpTo4AndEndsASegmentExactly() {
    // Ids of 10 bytes take entries of 32 bytes: 2,048 fill a 64 KiB segment to its last byte.
    Footprint before = Footprint.now();
    try (IdIndex index = new IdIndex(SipHash.withRandomKey(new SecureRandom()), 16, SEGMENT_SHIFT)) {
      for (int i = 1; i <= 2_048; i++) {
        index.firstLine("ID-%07d".formatted(i), i + 1);
      }
      assertEquals(65_536, Footprint.now().less(before).logBytes(), "the log's mapped bytes at 2,048 ids");
      index.firstLine("ID-%07d".formatted(2_049), 2_050);
      assertEquals(131_072, Footprint.now().less(before).logBytes(), "the log's mapped bytes at 2,049 ids");
    }
  }

  @Test
  void idsOfUpTo32767BytesAreKeptAndLongerOnesRefused() {
    String longest = "I".repeat(Short.MAX_VALUE);
    try (IdIndex index = new IdIndex(SipHash.withRandomKey(new SecureRandom()), 16, SEGMENT_SHIFT)) {
      assertEquals(0, index.firstLine(longest, 2));
      assertEquals(2, index.lineOf(longest));
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> index.firstLine(longest + "I", 3));
      assertEquals("an id of 32768 bytes is longer than the index takes", refused.getMessage());
    }
  }

  /**
   * The index files' mappings (each line of /proc/self/maps, keyed by its address range) and open descriptors (each
   * /proc/self/fd entry with its target) in this JVM; {@link #less} keeps what another footprint does not have.
   */
  private record Footprint(List<String> mappings, List<String> descriptorLinks) {

    static Footprint now() {
      try {
        List<String> mappings = Files.readAllLines(Path.of("/proc/self/maps")).stream()
            .filter(line -> line.contains("/" + FILE_PREFIX)).toList();
        List<String> links = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
          for (Path descriptor : descriptors.toList()) {
            try {
              String target = Files.readSymbolicLink(descriptor).toString();
              if (target.contains("/" + FILE_PREFIX)) {
                links.add(descriptor.getFileName() + " -> " + target);
              }
            } catch (IOException closedMeanwhile) {
              // the directory listing's own descriptor is gone by now
            }
          }
        }
        return new Footprint(mappings, links);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Footprint less(Footprint earlier) {
      return new Footprint(
          mappings.stream().filter(line -> !earlier.mappings.contains(line)).toList(),
          descriptorLinks.stream().filter(link -> !earlier.descriptorLinks.contains(link)).toList());
    }

    long tables() {
      return mappingsOf(".table").count();
    }

    long tableBytes() {
      return bytesOf(".table");
    }

    long logBytes() {
      return bytesOf(".log");
    }

    int descriptors() {
      return descriptorLinks.size();
    }

    /** The mappings and descriptors whose file is still in a directory. */
    List<String> linked() {
      return Stream.concat(mappings.stream(), descriptorLinks.stream()).filter(entry -> !entry.endsWith(" (deleted)")).toList();
    }

    private long bytesOf(String suffix) {
      return mappingsOf(suffix).mapToLong(line -> {
        String[] range = line.substring(0, line.indexOf(' ')).split("-");
        return Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
      }).sum();
    }

    private Stream<String> mappingsOf(String suffix) {
      return mappings.stream().filter(line -> line.replace(" (deleted)", "").endsWith(suffix));
    }
  }
}
