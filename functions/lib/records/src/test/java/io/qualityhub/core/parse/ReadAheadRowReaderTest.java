package io.qualityhub.core.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.FileRefusedException;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.RefusalReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Reading ahead on another thread gives the caller exactly what reading on its own thread gives. */
class ReadAheadRowReaderTest {

  private static final String HEADER = "survey_id,surveyed_on,overall_score,comment\n";
  // Built for each test, not once per class: a mutation tester swaps the code under test between tests.
  private final UploadDecoder readsDirectly = UploadDecoder.formatVersion1();
  private final UploadDecoder readsAhead = UploadDecoder.formatVersion1().readingAhead();

  /** 1,000 rows: several chunks of {@value ReadAheadRowReader#CHUNK_ROWS}; row 500 is broken (too few cells). */
  private static byte[] surveys() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 1000; i++) {
      csv.append(i == 500 ? "S-500,2026-11-20\n" : "S-" + i + ",2026-11-20," + (i % 5 + 1) + ",comment " + i + "\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theRowsAndTheirLinesAreThoseOfTheCallersOwnReading() throws Exception {
    List<String> direct = rows(readsDirectly, surveys());
    List<String> ahead = rows(readsAhead, surveys());
    assertEquals(1000, ahead.size());
    assertEquals("2:S-1,2026-11-20,null,null,null,null,null,2,comment 1", ahead.get(0));
    assertEquals("501:broken:", ahead.get(499).substring(0, 11));
    assertEquals("1001:S-1000,2026-11-20,null,null,null,null,null,1,comment 1000", ahead.get(999));
    assertEquals(direct, ahead);
  }

  @Test
  void contentThatCannotBeDecodedIsRefusedAfterTheSameRows() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(surveys());
    bytes.writeBytes(new byte[] {'S', '-', (byte) 0xC3, (byte) 0x28, ',', '2', '\n'}); // invalid UTF-8 on line 1002
    List<String> seen = new ArrayList<>();
    FileRefusedException refused = assertThrows(FileRefusedException.class,
        () -> read(readsAhead, bytes.toByteArray(), seen));
    assertEquals(RefusalReason.UNREADABLE_ENCODING, refused.reason());
    List<String> seenDirect = new ArrayList<>();
    FileRefusedException refusedDirect = assertThrows(FileRefusedException.class,
        () -> read(readsDirectly, bytes.toByteArray(), seenDirect));
    assertEquals(refusedDirect.describe(), refused.describe());
    assertEquals(seenDirect, seen);
  }

  @Test
  void aCallerThatStopsEarlyClosesTheFileAndLeavesNoReaderWaiting() throws Exception {
    boolean[] closed = {false};
    InputStream file = new ByteArrayInputStream(surveys()) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      try (RowReader rows = readsAhead.open(file, RecordType.SURVEYS, FileFormat.CSV, false)) {
        assertEquals(2, rows.next().line());
      }
    });
    assertEquals(true, closed[0]);
  }

  @Test
  void afterTheEndEveryCallSaysTheEnd() throws Exception {
    try (RowReader rows = readsAhead.open(new ByteArrayInputStream((HEADER + "S-1,2026-11-20,3,ok\n")
        .getBytes(StandardCharsets.UTF_8)), RecordType.SURVEYS, FileFormat.CSV, false)) {
      assertEquals(2, rows.next().line());
      assertNull(rows.next());
      assertNull(rows.next());
    }
  }

  @Test
  void eachFailureOfTheWrappedReaderReachesTheCallerAsItselfAfterEveryRowBeforeIt() throws Exception {
    List<Throwable> failures = List.of(new IOException("disk"),
        new FileRefusedException(RefusalReason.EMPTY_FILE, "planted"), new IllegalStateException("bug"),
        new StackOverflowError("deep"));
    for (Throwable failure : failures) {
      try (ReadAheadRowReader rows = new ReadAheadRowReader(new Scripted(300, failure))) {
        for (int line = 2; line <= 301; line++) {
          assertEquals(line, rows.next().line());
        }
        assertSame(failure, assertThrows(Throwable.class, rows::next));
        assertSame(failure, assertThrows(Throwable.class, rows::next), "every later call meets it again");
      }
    }
  }

  @Test
  void aCallerInterruptedWhileWaitingForRowsGetsAnInterruptedReadAndKeepsItsInterrupt() throws Exception {
    Scripted wrapped = new Scripted(3, null);
    ReadAheadRowReader rows = new ReadAheadRowReader(wrapped);
    Thread.currentThread().interrupt();
    InterruptedIOException interrupted = assertThrows(InterruptedIOException.class, rows::next);
    assertEquals("interrupted while waiting for the next rows", interrupted.getMessage());
    assertTrue(Thread.interrupted());
    rows.close();
    assertTrue(wrapped.closed);
  }

  @Test
  void aCallerInterruptedWhileClosingStillClosesTheFileAndKeepsItsInterrupt() throws Exception {
    Scripted wrapped = new Scripted(3, null);
    ReadAheadRowReader rows = new ReadAheadRowReader(wrapped);
    Thread.currentThread().interrupt();
    InterruptedIOException interrupted = assertThrows(InterruptedIOException.class, rows::close);
    assertEquals("interrupted while stopping the reading thread", interrupted.getMessage());
    assertTrue(Thread.interrupted());
    assertTrue(wrapped.closed);
  }

  @Test
  void closingWaitsForTheRowInHandBeforeClosingTheFileUnderIt() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    Scripted wrapped = new Scripted(1_000, null) {
      @Override
      public ParsedRow next() throws IOException, FileRefusedException {
        if (served == 0) {
          inNext = true;
          entered.countDown();
          try {
            Thread.sleep(300); // a slow read: long enough for a close that does not wait to land inside it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inNext = false;
        }
        return super.next();
      }
    };
    ReadAheadRowReader rows = new ReadAheadRowReader(wrapped);
    entered.await();
    rows.close();
    assertTrue(wrapped.closed);
    assertFalse(wrapped.closedWhileReading, "the file was closed while the reading thread was still reading it");
  }

  /**
   * Rows of 128 Ki characters: two fill a chunk of {@value ReadAheadRowReader#CHUNK_CHARS} characters, so a caller that
   * takes nothing lets the reading thread hold four chunks and read the two rows of a fifth, 10 rows, and no more.
   */
  @Test
  void aCallerThatTakesNothingHoldsFourChunksAheadAndTheOneInHandAtMost() throws Exception {
    String value = "v".repeat(128 * 1024);
    CountDownLatch tenthRead = new CountDownLatch(1);
    Scripted endless = new Scripted(Integer.MAX_VALUE, null) {
      @Override
      public ParsedRow next() {
        served++;
        if (served == 10) {
          tenthRead.countDown();
        }
        return ParsedRow.of(served + 1, new String[] {value}, null, null);
      }
    };
    try (ReadAheadRowReader rows = new ReadAheadRowReader(endless)) {
      assertTrue(tenthRead.await(30, TimeUnit.SECONDS), "the reading thread read " + endless.served + " rows");
      Thread.sleep(500); // the bound holds for ever; the pause only gives a reader that ignores it time to go past it
      assertEquals(10, endless.served);
      assertEquals(2, rows.next().line());
      assertEquals(3, rows.next().line());
    }
    assertTrue(endless.closed);
  }

  @Test
  void onlyAReaderThatReadsAheadReadsTheFileOnAnotherThread() throws Exception {
    // 310 KB, so that the file is still being read after open() has taken its first block.
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 5000; i++) {
      csv.append("S-").append(i).append(",2026-11-20,3,a comment long enough to fill the blocks\n");
    }
    assertEquals(Set.of(Thread.currentThread().getName()), readingThreads(readsDirectly, csv.toString()));
    Set<String> ahead = readingThreads(readsAhead, csv.toString());
    assertEquals(1, ahead.size(), ahead.toString());
    assertTrue(ahead.iterator().next().startsWith(ReadAheadRowReader.THREAD_NAME_PREFIX), ahead.toString());
  }

  /** The threads that read the upload's bytes once open() has returned. */
  private static Set<String> readingThreads(UploadDecoder decoder, String csv) throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    AtomicBoolean opened = new AtomicBoolean();
    InputStream upload = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (opened.get()) {
          threads.add(Thread.currentThread().getName());
        }
        return super.read(b, off, len);
      }
    };
    try (RowReader rows = decoder.open(upload, RecordType.SURVEYS, FileFormat.CSV, false)) {
      opened.set(true);
      int count = 0;
      while (rows.next() != null) {
        count++;
      }
      assertEquals(5000, count);
    }
    return threads;
  }

  /** Gives rows of lines 2, 3, ... and then the end, or the failure given. */
  private static class Scripted implements RowReader {
    private final int rows;
    private final Throwable failure;
    volatile int served;
    volatile boolean inNext;
    volatile boolean closed;
    volatile boolean closedWhileReading;

    Scripted(int rows, Throwable failure) {
      this.rows = rows;
      this.failure = failure;
    }

    @Override
    public ParsedRow next() throws IOException, FileRefusedException {
      if (served < rows) {
        served++;
        return ParsedRow.of(served + 1, new String[] {"value " + served}, null, null);
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof FileRefusedException refused) {
        throw refused;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      return null;
    }

    @Override
    public void close() {
      closedWhileReading = inNext;
      closed = true;
    }
  }

  private static List<String> rows(UploadDecoder decoder, byte[] file) throws IOException, FileRefusedException {
    List<String> seen = new ArrayList<>();
    read(decoder, file, seen);
    return seen;
  }

  private static void read(UploadDecoder decoder, byte[] file, List<String> seen) throws IOException, FileRefusedException {
    try (RowReader rows = decoder.open(new ByteArrayInputStream(file), RecordType.SURVEYS, FileFormat.CSV, false)) {
      ParsedRow row;
      while ((row = rows.next()) != null) {
        seen.add(row.line() + ":" + (row.isBroken() ? "broken:" + row.structuralProblem()
            : String.join(",", Arrays.stream(row.values()).map(String::valueOf).toList())));
      }
    }
  }
}
