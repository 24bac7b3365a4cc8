package io.qualityhub.core.crypto;

import java.util.Arrays;

/**
 * A 256-bit data key in clear, with the KMS-wrapped form that is stored beside the data it
 * protects. The clear key lives only in memory and is wiped by {@link #destroy()}.
 */
public final class DataKey {

  private final byte[] plaintext;
  private final byte[] wrapped;

  public DataKey(byte[] plaintext, byte[] wrapped) {
    if (plaintext.length != 32) {
      throw new IllegalArgumentException("a data key is 32 bytes (AES-256), got " + plaintext.length);
    }
    this.plaintext = plaintext.clone();
    this.wrapped = wrapped.clone();
  }

  byte[] plaintext() {
    return plaintext;
  }

  public byte[] wrapped() {
    return wrapped.clone();
  }

  public void destroy() {
    Arrays.fill(plaintext, (byte) 0);
  }

  @Override
  public String toString() {
    return "DataKey[wrapped, " + wrapped.length + " bytes]";
  }
}
