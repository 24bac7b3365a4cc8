package io.qualityhub.core.validate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A line number (and for {@link #keepLatest} a version) per record id of one file, in constant
 * memory per id: 96 bits of SHA-256 and a line, 16 bytes a slot (24 once versions are kept), not
 * the id strings. Two different ids share 96 bits with probability about n^2 / 2^97, below one in
 * 10^15 for the 10 million ids a file may hold. The table grows by half, not by doubling, so the
 * index of a 10-million-row file stays near 220 MB even while it grows. Not thread-safe.
 */
public final class IdIndex {

  private static final double MAX_LOAD = 0.75;
  private static final int FIRST_CAPACITY = 1 << 12;

  private final MessageDigest sha256;
  private long[] high;
  private int[] low;
  private int[] lines;
  private long[] versions; // only once keepLatest is used
  private int size;
  // The slot of the id hashed last, so lookups need not hash twice.
  private long lastHigh;
  private int lastLow;

  public IdIndex() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    allocate(FIRST_CAPACITY);
  }

  /** Registers {@code id} first seen at {@code line}; returns 0 when new, else the line it was first seen on. */
  public int firstLine(String id, int line) {
    int slot = slotOf(id, true);
    if (lines[slot] == 0) {
      lines[slot] = line;
      return 0;
    }
    return lines[slot];
  }

  /** Keeps, per id, the line of its highest version; among equal versions the first line offered. */
  public void keepLatest(String id, long version, int line) {
    if (versions == null) {
      versions = new long[high.length];
    }
    int slot = slotOf(id, true);
    if (lines[slot] == 0 || version > versions[slot]) {
      versions[slot] = version;
      lines[slot] = line;
    }
  }

  /** The line kept for {@code id}, or 0 when the id is unknown. */
  public int lineOf(String id) {
    int slot = slotOf(id, false);
    return slot < 0 ? 0 : lines[slot];
  }

  /** The slot of {@code id}, claimed when absent and {@code insert}; -1 when absent otherwise. */
  private int slotOf(String id, boolean insert) {
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
    lastHigh = digest.getLong();
    lastLow = digest.getInt() | 1; // never (0, 0), which marks an empty slot
    int slot = probe(lastHigh, lastLow);
    if (low[slot] != 0) {
      return slot;
    }
    if (!insert) {
      return -1;
    }
    if (size + 1 > high.length * MAX_LOAD) {
      grow();
      slot = probe(lastHigh, lastLow);
    }
    high[slot] = lastHigh;
    low[slot] = lastLow;
    size++;
    return slot;
  }

  /** The slot holding (h, l), or the empty slot where it would go. */
  private int probe(long h, int l) {
    int capacity = high.length;
    int slot = (int) (((h >>> 32) * capacity) >>> 32); // uniform over any capacity, not only powers of two
    while (low[slot] != 0 && (high[slot] != h || low[slot] != l)) {
      slot = slot + 1 == capacity ? 0 : slot + 1;
    }
    return slot;
  }

  private void grow() {
    long[] oldHigh = high;
    int[] oldLow = low;
    int[] oldLines = lines;
    long[] oldVersions = versions;
    allocate(oldHigh.length + oldHigh.length / 2);
    if (oldVersions != null) {
      versions = new long[high.length];
    }
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldLow[i] != 0) {
        int slot = probe(oldHigh[i], oldLow[i]);
        high[slot] = oldHigh[i];
        low[slot] = oldLow[i];
        lines[slot] = oldLines[i];
        if (oldVersions != null) {
          versions[slot] = oldVersions[i];
        }
      }
    }
  }

  private void allocate(int capacity) {
    high = new long[capacity];
    low = new int[capacity];
    lines = new int[capacity];
  }
}
