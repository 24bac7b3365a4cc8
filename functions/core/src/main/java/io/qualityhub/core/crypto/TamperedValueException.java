package io.qualityhub.core.crypto;

/** A stored encrypted value does not authenticate: changed, truncated, or copied from elsewhere. */
public final class TamperedValueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TamperedValueException(String message) {
    super(message);
  }

  public TamperedValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
