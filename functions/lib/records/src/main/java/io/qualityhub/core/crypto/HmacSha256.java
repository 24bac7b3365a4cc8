package io.qualityhub.core.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Mac;

/** HMAC-SHA-256, which every Java runtime provides: a refusal here is a broken runtime, not a caller's mistake. */
public final class HmacSha256 {

  private HmacSha256() {}

  /** A new MAC under {@code key}; a {@code Mac} is not thread-safe, so each thread keeps its own. */
  public static Mac newMac(Key key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
