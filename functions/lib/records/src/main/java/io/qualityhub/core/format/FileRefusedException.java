package io.qualityhub.core.format;

/**
 * A file cannot be taken at all. The message says what is wrong and what to do; like reject
 * messages it is built from names and positions, never from the file's values.
 */
public final class FileRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final RefusalReason reason;

  public FileRefusedException(RefusalReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FileRefusedException(RefusalReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public RefusalReason reason() {
    return reason;
  }

  /** The form reports and summaries use: {@code CODE: message}. */
  public String describe() {
    return reason + ": " + getMessage();
  }
}
