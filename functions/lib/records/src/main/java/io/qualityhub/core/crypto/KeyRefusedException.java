package io.qualityhub.core.crypto;

/**
 * KMS refused to use a key of the stack (disabled, pending deletion, not found, or not allowed to this role): a fault of
 * the stack's configuration, not of the data, which goes away only when an operator fixes the key or its policy. Not
 * thrown for throttling or an unavailable KMS, which pass on their own.
 */
public final class KeyRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String keyId;
  private final String errorCode;

  /**
   * @param operation what was asked of KMS, e.g. "GenerateDataKey"
   * @param errorCode KMS's error code, e.g. "DisabledException"
   */
  public KeyRefusedException(String keyId, String operation, String errorCode, Throwable cause) {
    super("KMS refused " + operation + " with key " + keyId + " (" + errorCode + "): check that the key exists, is"
        + " enabled, and that its key policy and this function's role allow " + operation + "; the request is retried"
        + " until then", cause);
    this.keyId = keyId;
    this.errorCode = errorCode;
  }

  public String keyId() {
    return keyId;
  }

  public String errorCode() {
    return errorCode;
  }
}
