package io.qualityhub.core.validate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A line number (and a version) per record id of one file, in constant memory per id: 128 bits of
 * SHA-256, a version and a line (28 bytes), not the id strings, so that the ids of a
 * 10-million-row file fit in a function's memory. Two different ids share 128 bits with
 * probability about n^2 / 2^129, far below one in 10^20 for 10 million ids. Not thread-safe.
 */
public final class IdIndex {

  private static final double MAX_LOAD = 0.6;

  private final MessageDigest sha256;
  private long[] high;
  private long[] low;
  private long[] versions;
  private int[] lines;
  private int size;
  // The slot of the id hashed last, so lookups need not hash twice.
  private long lastHigh;
  private long lastLow;

  public IdIndex() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    allocate(1 << 12);
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
    lastLow = digest.getLong() | 1; // never (0, 0), which marks an empty slot
    int slot = probe(lastHigh, lastLow);
    if (high[slot] != 0 || low[slot] != 0) {
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
  private int probe(long h, long l) {
    int mask = high.length - 1;
    int slot = (int) (h ^ (h >>> 32)) & mask;
    while ((high[slot] != 0 || low[slot] != 0) && (high[slot] != h || low[slot] != l)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    long[] oldVersions = versions;
    int[] oldLines = lines;
    allocate(oldHigh.length * 2);
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldHigh[i] != 0 || oldLow[i] != 0) {
        int slot = probe(oldHigh[i], oldLow[i]);
        high[slot] = oldHigh[i];
        low[slot] = oldLow[i];
        versions[slot] = oldVersions[i];
        lines[slot] = oldLines[i];
      }
    }
  }

  private void allocate(int capacity) {
    high = new long[capacity];
    low = new long[capacity];
    versions = new long[capacity];
    lines = new int[capacity];
  }
}
