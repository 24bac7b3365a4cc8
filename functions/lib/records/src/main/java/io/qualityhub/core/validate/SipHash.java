package io.qualityhub.core.validate;

import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * SipHash-2-4 (Aumasson and Bernstein): a 64-bit keyed hash, so whoever writes a file cannot choose ids that
 * share fingerprints without knowing the key.
 */
final class SipHash implements ToLongFunction<byte[]> {

  private final long k0;
  private final long k1;

  SipHash(long k0, long k1) {
    this.k0 = k0;
    this.k1 = k1;
  }

  static SipHash withRandomKey(Random random) {
    return new SipHash(random.nextLong(), random.nextLong());
  }

  @Override
  public long applyAsLong(byte[] data) {
    long v0 = 0x736f6d6570736575L ^ k0;
    long v1 = 0x646f72616e646f6dL ^ k1;
    long v2 = 0x6c7967656e657261L ^ k0;
    long v3 = 0x7465646279746573L ^ k1;
    int whole = data.length & ~7;
    for (int i = 0; i < whole; i += 8) {
      long m = littleEndian(data, i, 8);
      v3 ^= m;
      for (int round = 0; round < 2; round++) {
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
      }
      v0 ^= m;
    }
    long last = ((long) data.length << 56) | littleEndian(data, whole, data.length - whole);
    v3 ^= last;
    for (int round = 0; round < 2; round++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    v0 ^= last;
    v2 ^= 0xff;
    for (int round = 0; round < 4; round++) {
      v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
      v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
      v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
      v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  private static long littleEndian(byte[] data, int from, int count) {
    long value = 0;
    for (int i = count - 1; i >= 0; i--) {
      value = (value << 8) | (data[from + i] & 0xffL);
    }
    return value;
  }
}
