package io.qualityhub.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single attribute values under one data key (the JDK's vetted implementation;
 * no home-made mode). Each value gets a fresh 96-bit random IV, and its associated data names the
 * table, item key, attribute and scheme version, so a ciphertext copied to another item or
 * attribute fails to decrypt. Not thread-safe: one instance per file being written.
 *
 * <p>Stored form: {@code version (1 byte) | IV (12) | ciphertext | tag (16)}.
 */
public final class FieldCipher {

  /** Bumped when the layout or the associated data changes; old values stay readable by their version. */
  public static final byte SCHEME_VERSION = 1;

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  /** Far below the 2^32 random-IV bound NIST SP 800-38D sets per key. */
  private static final long MAX_USES_PER_KEY = 1L << 30;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private final SecureRandom random;
  private long uses;

  public FieldCipher(DataKey dataKey) {
    this(dataKey, new SecureRandom());
  }

  FieldCipher(DataKey dataKey, SecureRandom random) {
    this.key = new SecretKeySpec(dataKey.plaintext(), "AES");
    this.random = random;
    try {
      this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
    }
  }

  public byte[] encrypt(String plaintext, FieldBinding binding) {
    if (++uses > MAX_USES_PER_KEY) {
      throw new IllegalStateException("data key used " + MAX_USES_PER_KEY + " times; generate a new one");
    }
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(binding.associatedData(SCHEME_VERSION));
      byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[1 + IV_BYTES + cipher.getOutputSize(clear.length)];
      out[0] = SCHEME_VERSION;
      System.arraycopy(iv, 0, out, 1, IV_BYTES);
      cipher.doFinal(clear, 0, clear.length, out, 1 + IV_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed for " + binding.attribute(), e);
    }
  }

  /** Decrypts a stored value; a value moved, altered or bound to another item fails with {@link TamperedValueException}. */
  public String decrypt(byte[] stored, FieldBinding binding) {
    if (stored.length < 1 + IV_BYTES + TAG_BITS / 8 || stored[0] != SCHEME_VERSION) {
      throw new TamperedValueException("attribute " + binding.attribute() + " of " + binding.itemKey()
          + " is not a scheme-" + SCHEME_VERSION + " ciphertext");
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
      cipher.updateAAD(binding.associatedData(stored[0]));
      byte[] clear = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new TamperedValueException("attribute " + binding.attribute() + " of " + binding.itemKey()
          + " fails authentication: it was altered or belongs to another item", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed for " + binding.attribute(), e);
    }
  }
}
