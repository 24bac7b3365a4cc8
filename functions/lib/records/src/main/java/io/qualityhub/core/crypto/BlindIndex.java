package io.qualityhub.core.crypto;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index: HMAC-SHA-256 under its own key of a normalised value, so the quality
 * department can find every record of one customer without the clear value being stored. Values
 * are normalised (Unicode NFKC, upper case, separators dropped) so that the same ID number or phone
 * written differently by two branches matches. Truncated to 128 bits: enough to make collisions
 * negligible, short enough to keep items small.
 */
public final class BlindIndex {

  private static final int OUTPUT_BYTES = 16;

  private final ThreadLocal<Mac> macs;

  public BlindIndex(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a blind-index key has at least 256 bits");
    }
    SecretKeySpec indexKey = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> HmacSha256.newMac(indexKey));
  }

  /** The index term of {@code value} in the named domain ("id_no", "phone"): same value, same term. */
  public String term(String domain, String value) {
    String normalised = normalise(value);
    Mac mac = macs.get();
    mac.update(domain.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] digest = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, OUTPUT_BYTES));
  }

  static String normalise(String value) {
    String folded = Normalizer.normalize(value, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!Character.isWhitespace(c) && c != '-' && c != '(' && c != ')' && c != '.') {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  @Override
  public String toString() {
    return "BlindIndex[key hidden]";
  }
}
