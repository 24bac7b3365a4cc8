package io.qualityhub.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under one data key (the JDK's vetted implementation; no home-made mode), for two
 * uses: encrypting single attribute values, and tagging whole items (GCM over an empty plaintext
 * with the item as associated data, which is GMAC). Each call takes a fresh 96-bit random IV;
 * the associated data of a value names the table, item key, attribute and scheme version, so a
 * ciphertext copied to another item or attribute fails to decrypt. Not thread-safe: one instance
 * per file being written or read.
 *
 * <p>Stored form of both: {@code version (1 byte) | IV (12) | ciphertext | tag (16)}; an item tag
 * has no ciphertext and is 29 bytes. Values are sealed under scheme 2 (length-prefixed associated
 * data, {@link FieldBinding}) and read under the scheme their first byte names; item tags keep
 * scheme 1, whose associated data the item authenticator builds itself.
 */
public final class FieldCipher {

  /** Bumped when the layout or the associated data of values changes; old values stay readable by their version. */
  public static final byte SCHEME_VERSION = 2;
  private static final byte FIRST_SCHEME = 1;
  private static final byte TAG_SCHEME = 1;

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int OVERHEAD = 1 + IV_BYTES + TAG_BITS / 8;
  private static final byte[] NOTHING = new byte[0];
  /**
   * Far below the 2^32 invocations NIST SP 800-38D allows one key with random IVs (which keeps the
   * chance of an IV collision under 2^-32); values and item tags count alike.
   */
  static final long MAX_USES_PER_KEY = 1L << 30;

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
    return seal(plaintext.getBytes(StandardCharsets.UTF_8), binding.associatedData(SCHEME_VERSION), SCHEME_VERSION);
  }

  /** Decrypts a stored value; a value moved, altered or bound to another item fails with {@link TamperedValueException}. */
  public String decrypt(byte[] stored, FieldBinding binding) {
    if (stored.length < OVERHEAD || stored[0] < FIRST_SCHEME || stored[0] > SCHEME_VERSION) {
      throw new TamperedValueException(binding.itemKey(), TamperedValueException.Check.ENCRYPTED_VALUE, binding.attribute(),
          "attribute " + binding.attribute() + " of " + binding.itemKey() + " is not a ciphertext of scheme "
              + FIRST_SCHEME + " to " + SCHEME_VERSION);
    }
    try {
      return new String(open(stored, binding.associatedData(stored[0])), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new TamperedValueException(binding.itemKey(), TamperedValueException.Check.ENCRYPTED_VALUE, binding.attribute(),
          "attribute " + binding.attribute() + " of " + binding.itemKey()
              + " fails authentication: it was altered, belongs to another item, or was sealed under another data key", e);
    }
  }

  /** A tag authenticating {@code associatedData} (GCM with an empty plaintext). */
  public byte[] tag(byte[] associatedData) {
    return seal(NOTHING, associatedData, TAG_SCHEME);
  }

  /** Whether {@code stored} is a tag this key made over exactly {@code associatedData}. */
  public boolean tagMatches(byte[] stored, byte[] associatedData) {
    if (stored.length != OVERHEAD || stored[0] != TAG_SCHEME) {
      return false;
    }
    try {
      open(stored, associatedData);
      return true;
    } catch (AEADBadTagException e) {
      return false;
    }
  }

  /** Package-private for tests that need a value of an earlier scheme. */
  byte[] seal(byte[] clear, byte[] associatedData, byte scheme) {
    if (++uses > MAX_USES_PER_KEY) {
      throw new IllegalStateException("data key used " + MAX_USES_PER_KEY + " times; generate a new one");
    }
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData);
      byte[] out = new byte[1 + IV_BYTES + cipher.getOutputSize(clear.length)];
      out[0] = scheme;
      System.arraycopy(iv, 0, out, 1, IV_BYTES);
      cipher.doFinal(clear, 0, clear.length, out, 1 + IV_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  private byte[] open(byte[] stored, byte[] associatedData) throws AEADBadTagException {
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }
}
