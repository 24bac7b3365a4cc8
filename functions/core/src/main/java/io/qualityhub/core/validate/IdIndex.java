package io.qualityhub.core.validate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Remembers which record ids a file has used, and on which line, in constant memory per id:
 * 128 bits of SHA-256 and a line number (20 bytes), not the id strings, so that the ids of a
 * 10-million-row file fit in a function's memory. Two different ids share 128 bits with
 * probability about n^2 / 2^129, far below one in 10^20 for 10 million ids.
 */
final class IdRegistry {

  private static final double MAX_LOAD = 0.6;

  private final MessageDigest sha256;
  private long[] high;
  private long[] low;
  private int[] lines;
  private int size;

  IdRegistry() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    allocate(1 << 12);
  }

  /** Registers {@code id} first seen at {@code line}; returns 0 when new, else the line it was first seen on. */
  int register(String id, int line) {
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(id.getBytes(StandardCharsets.UTF_8)));
    long h = digest.getLong();
    long l = digest.getLong();
    if (h == 0 && l == 0) {
      l = 1; // (0, 0) marks an empty slot
    }
    int existing = insert(h, l, line);
    if (existing == 0 && ++size > high.length * MAX_LOAD) {
      grow();
    }
    return existing;
  }

  private int insert(long h, long l, int line) {
    int mask = high.length - 1;
    int slot = (int) (h ^ (h >>> 32)) & mask;
    while (high[slot] != 0 || low[slot] != 0) {
      if (high[slot] == h && low[slot] == l) {
        return lines[slot];
      }
      slot = (slot + 1) & mask;
    }
    high[slot] = h;
    low[slot] = l;
    lines[slot] = line;
    return 0;
  }

  private void grow() {
    long[] oldHigh = high;
    long[] oldLow = low;
    int[] oldLines = lines;
    allocate(oldHigh.length * 2);
    for (int i = 0; i < oldHigh.length; i++) {
      if (oldHigh[i] != 0 || oldLow[i] != 0) {
        insert(oldHigh[i], oldLow[i], oldLines[i]);
      }
    }
  }

  private void allocate(int capacity) {
    high = new long[capacity];
    low = new long[capacity];
    lines = new int[capacity];
  }
}
