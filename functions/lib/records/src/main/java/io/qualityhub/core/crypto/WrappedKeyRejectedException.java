package io.qualityhub.core.crypto;

/**
 * KMS would not unwrap a stored data key under the encryption context it was given: the wrapped key, or what its
 * context names (a file, a generation), is not what was stored together. Readers treat it as a tampered item; it is
 * not a refusal of the key itself ({@link KeyRefusedException}).
 */
public final class WrappedKeyRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;

  /** @param errorCode KMS's error code, e.g. "InvalidCiphertextException" */
  public WrappedKeyRejectedException(String keyId, String errorCode, Throwable cause) {
    super("KMS would not unwrap a data key with key " + keyId + " under its encryption context (" + errorCode
        + "): the stored key or the item naming it was altered or replaced", cause);
    this.errorCode = errorCode;
  }

  public String errorCode() {
    return errorCode;
  }
}
