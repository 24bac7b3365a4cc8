package io.qualityhub.core.parse;

import io.qualityhub.core.format.RefusalReason;
import java.io.IOException;

/**
 * The bytes of a file cannot be decoded (bad gzip, not UTF-8, over the size limit). Distinct from
 * other I/O errors, which are transient and retried, because retrying cannot help: the file is refused.
 */
final class UnreadableContentException extends IOException {

  private static final long serialVersionUID = 1L;

  private final RefusalReason reason;

  UnreadableContentException(RefusalReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  RefusalReason reason() {
    return reason;
  }
}
