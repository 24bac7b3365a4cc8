package io.qualityhub.core.crypto;

import java.util.Map;

/**
 * Where data keys come from and are unwrapped: AWS KMS in every environment. The encryption
 * context binds a wrapped key to what it protects; it is logged in clear by CloudTrail, so it
 * holds ids only, never personal data.
 */
public interface DataKeySource {

  DataKey generate(Map<String, String> encryptionContext);

  /** A new data key in wrapped form only, for a caller that stores it without using it. */
  byte[] generateWrapped(Map<String, String> encryptionContext);

  /**
   * The clear data key of {@code wrapped}.
   *
   * @throws WrappedKeyRejectedException when the wrapped key does not unwrap under this encryption context
   * @throws KeyRefusedException when the KMS key refuses (disabled, missing, not allowed)
   */
  DataKey unwrap(byte[] wrapped, Map<String, String> encryptionContext);

  /**
   * The same data key wrapped under another KMS key instead, the clear key never leaving KMS
   * (ReEncrypt); the encryption context stays as it was.
   */
  byte[] rewrap(byte[] wrapped, Map<String, String> encryptionContext, String destinationKeyId);
}
