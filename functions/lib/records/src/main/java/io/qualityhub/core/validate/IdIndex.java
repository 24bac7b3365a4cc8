package io.qualityhub.core.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A line number (and for {@link #keepLatest} a version) per record id of one file, with nothing per id on the
 * Java heap, so intake's heap stays flat whatever the file's size.
 *
 * <p>Two memory-mapped temporary files hold it. The <em>table</em> is open addressing over 4-byte slots, each
 * pointing at an entry (at most 8 bytes a row: the table grows by half when three quarters full). The
 * <em>entry log</em> holds, per id, its keyed 64-bit fingerprint, line, version and the id's own bytes. A probe
 * compares fingerprints, then the ids themselves: two ids that share a fingerprint are told apart exactly, so
 * the index answers exactly what a map of strings would. The fingerprint is keyed with a random key per index
 * (SipHash-2-4), so a file cannot be built to make every id probe the same cluster.
 *
 * <p>Disk: the log takes 22 bytes plus the id a row, aligned to 4 (about 56 bytes for a claim's id and instant, 560
 * MB at the contract's 10 million rows), the table 5.3 to 8 bytes a row. Both files are unlinked when created and
 * released by {@link #close}. Not thread-safe.
 */
public final class IdIndex implements AutoCloseable {

  private static final double MAX_LOAD = 0.75;
  private static final int FIRST_CAPACITY = 1 << 12;
  private static final int MAX_CAPACITY = 1 << 28; // 1 GiB of table: far beyond the contract's 10 million ids
  private static final int SEGMENT_SHIFT = 26; // log segments of 64 MiB; an entry never straddles two
  /** Entries are aligned to 4 bytes, so a slot's 32 bits address 16 GiB of log. */
  private static final int ALIGN = 4;
  private static final int FINGERPRINT = 0;
  private static final int VERSION = 8;
  private static final int LINE = 16;
  private static final int LENGTH = 20;
  private static final int ID = 22;
  private static final int MAX_ID_BYTES = Short.MAX_VALUE;
  /**
   * The table grows at three quarters full, so a probe always meets an empty slot; were that ever broken, a probe
   * that has been round the whole table stops with this rather than spinning until the function's timeout.
   */
  private static final String NO_EMPTY_SLOT = "the id index's table has no empty slot left, though it grows at three"
      + " quarters full";

  private final ToLongFunction<byte[]> fingerprints;
  private final int segmentShift;
  private final int segmentBytes;
  private final FileChannel logChannel;
  private MappedByteBuffer table;
  private int capacity;
  private int size;
  private final List<MappedByteBuffer> segments = new ArrayList<>();
  private long logEnd;

  /** An index whose fingerprints are keyed with a fresh random key. */
  public IdIndex() {
    this(SipHash.withRandomKey(new SecureRandom()));
  }

  /** An index with the given fingerprint function: tests force collisions with it. */
  IdIndex(ToLongFunction<byte[]> fingerprints) {
    this(fingerprints, FIRST_CAPACITY, SEGMENT_SHIFT);
  }

  /**
   * An index whose table starts at {@code firstCapacity} slots and whose log grows by segments of
   * 2<sup>{@code segmentShift}</sup> bytes: tests make growths and segment ends come within a few hundred ids. A
   * segment must hold the longest entry (2<sup>16</sup> bytes do) and the table at least 2 slots to grow.
   */
  IdIndex(ToLongFunction<byte[]> fingerprints, int firstCapacity, int segmentShift) {
    this.fingerprints = fingerprints;
    this.segmentShift = segmentShift;
    this.segmentBytes = 1 << segmentShift;
    try {
      Path logFile = Files.createTempFile("qualityhub-ids-", ".log");
      logChannel = FileChannel.open(logFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Files.delete(logFile); // unlinked while open: a crash leaves nothing behind in a reused /tmp
      allocateTable(firstCapacity);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the id index's temporary files", e);
    }
  }

  /** Registers {@code id} first seen at {@code line}; returns 0 when new, else the line it was first seen on. */
  public int firstLine(String id, int line) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    long fingerprint = fingerprints.applyAsLong(bytes);
    int slot = probe(fingerprint, bytes);
    int entry = table.getInt(slot * 4);
    if (entry != 0) {
      return lineAt(entry);
    }
    insert(slot, fingerprint, bytes, 0, line);
    return 0;
  }

  /** Keeps, per id, the line of its highest version; among equal versions the first line offered. */
  public void keepLatest(String id, long version, int line) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    long fingerprint = fingerprints.applyAsLong(bytes);
    int slot = probe(fingerprint, bytes);
    int entry = table.getInt(slot * 4);
    if (entry == 0) {
      insert(slot, fingerprint, bytes, version, line);
      return;
    }
    long offset = offsetOf(entry);
    ByteBuffer segment = segmentOf(offset);
    int at = (int) (offset & (segmentBytes - 1));
    if (version > segment.getLong(at + VERSION)) {
      segment.putLong(at + VERSION, version);
      segment.putInt(at + LINE, line);
    }
  }

  /** The line kept for {@code id}, or 0 when the id is unknown. */
  public int lineOf(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    int entry = table.getInt(probe(fingerprints.applyAsLong(bytes), bytes) * 4);
    return entry == 0 ? 0 : lineAt(entry);
  }

  /** The slot holding {@code id}, or the empty slot where it would go. */
  private int probe(long fingerprint, byte[] id) {
    int slot = home(fingerprint, capacity);
    for (int probed = 0; probed < capacity; probed++) {
      int entry = table.getInt(slot * 4);
      if (entry == 0 || holds(entry, fingerprint, id)) {
        return slot;
      }
      slot = next(slot);
    }
    throw new IllegalStateException(NO_EMPTY_SLOT);
  }

  /** The first empty slot from {@code slot} on. */
  private int emptySlotFrom(int slot) {
    for (int probed = 0; probed < capacity; probed++) {
      if (table.getInt(slot * 4) == 0) {
        return slot;
      }
      slot = next(slot);
    }
    throw new IllegalStateException(NO_EMPTY_SLOT);
  }

  private int next(int slot) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  /** Uniform over any capacity, not only powers of two: the fingerprint's high 32 bits scaled to the table. */
  static int home(long fingerprint, int capacity) {
    return (int) (((fingerprint >>> 32) * capacity) >>> 32);
  }

  /** Whether the entry is {@code id}'s: same fingerprint, then the same bytes (the exact recheck). */
  private boolean holds(int entry, long fingerprint, byte[] id) {
    long offset = offsetOf(entry);
    ByteBuffer segment = segmentOf(offset);
    int at = (int) (offset & (segmentBytes - 1));
    if (segment.getLong(at + FINGERPRINT) != fingerprint || segment.getShort(at + LENGTH) != id.length) {
      return false;
    }
    for (int i = 0; i < id.length; i++) {
      if (segment.get(at + ID + i) != id[i]) {
        return false;
      }
    }
    return true;
  }

  private void insert(int slot, long fingerprint, byte[] id, long version, int line) {
    if (id.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException("an id of " + id.length + " bytes is longer than the index takes");
    }
    if (size + 1 > capacity * MAX_LOAD) {
      grow();
      slot = probe(fingerprint, id);
    }
    int length = (ID + id.length + ALIGN - 1) / ALIGN * ALIGN;
    if ((logEnd & (segmentBytes - 1)) + length > segmentBytes) {
      logEnd = (logEnd | (segmentBytes - 1)) + 1; // the entry goes to the start of the next segment
    }
    long offset = logEnd;
    ByteBuffer segment = segmentFor(offset);
    int at = (int) (offset & (segmentBytes - 1));
    segment.putLong(at + FINGERPRINT, fingerprint);
    segment.putLong(at + VERSION, version);
    segment.putInt(at + LINE, line);
    segment.putShort(at + LENGTH, (short) id.length);
    segment.put(at + ID, id);
    logEnd += length;
    table.putInt(slot * 4, (int) (offset / ALIGN) + 1);
    size++;
  }

  private int lineAt(int entry) {
    long offset = offsetOf(entry);
    return segmentOf(offset).getInt((int) (offset & (segmentBytes - 1)) + LINE);
  }

  private static long offsetOf(int entry) {
    return (Integer.toUnsignedLong(entry) - 1) * ALIGN;
  }

  private ByteBuffer segmentOf(long offset) {
    return segments.get((int) (offset >>> segmentShift));
  }

  private ByteBuffer segmentFor(long offset) {
    int index = (int) (offset >>> segmentShift);
    while (segments.size() <= index) {
      try {
        segments.add(logChannel.map(FileChannel.MapMode.READ_WRITE, (long) segments.size() << segmentShift, segmentBytes));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot extend the id index's log", e);
      }
    }
    return segments.get(index);
  }

  /** Rehashes every entry into a table half as large again, by the fingerprints the log keeps. */
  private void grow() {
    if (capacity >= MAX_CAPACITY) {
      throw new IllegalStateException("the id index holds " + size + " ids, the most it takes");
    }
    MappedByteBuffer old = table;
    int oldCapacity = capacity;
    try {
      allocateTable((int) Math.min(MAX_CAPACITY, (long) capacity + capacity / 2));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot grow the id index's table", e);
    }
    for (int i = 0; i < oldCapacity; i++) {
      int entry = old.getInt(i * 4);
      if (entry != 0) {
        long offset = offsetOf(entry);
        long fingerprint = segmentOf(offset).getLong((int) (offset & (segmentBytes - 1)) + FINGERPRINT);
        table.putInt(emptySlotFrom(home(fingerprint, capacity)) * 4, entry);
      }
    }
    unmap(old);
  }

  /** A new, zeroed table in a file of its own, unlinked at once (the mapping keeps it). */
  private void allocateTable(int newCapacity) throws IOException {
    Path file = Files.createTempFile("qualityhub-ids-", ".table");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      table = channel.map(FileChannel.MapMode.READ_WRITE, 0, (long) newCapacity * 4);
    } finally {
      Files.delete(file);
    }
    capacity = newCapacity;
  }

  /**
   * Releases a mapping now rather than when the collector gets to it: a warm function instance takes file after
   * file, and each mapping holds its disk blocks in /tmp until released. Java 21 has no public unmap (the
   * foreign-memory arenas that do it are a preview), so this uses the JDK's supported-but-internal cleaner, as
   * Lucene does; the buffer must not be touched afterwards.
   */
  private static void unmap(MappedByteBuffer buffer) {
    UNMAPPER.invokeCleaner(buffer);
  }

  private static final sun.misc.Unsafe UNMAPPER = unsafe();

  private static sun.misc.Unsafe unsafe() {
    try {
      var field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (sun.misc.Unsafe) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the JDK's jdk.unsupported module is missing", e);
    }
  }

  @Override
  public void close() {
    if (table == null) {
      return;
    }
    unmap(table);
    table = null; // a use after close fails on null, never on unmapped memory
    segments.forEach(IdIndex::unmap);
    try {
      logChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the id index's log", e);
    }
  }
}
