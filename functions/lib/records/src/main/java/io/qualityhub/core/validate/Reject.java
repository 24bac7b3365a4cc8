package io.qualityhub.core.validate;

import io.qualityhub.core.format.RejectReason;
import java.util.Objects;

/**
 * A row that cannot be stored: where it starts, which column, the stable reason code and a message
 * for a person. The message is built from column names and rule text only, so it can be shown,
 * logged and written to the rejects report without exposing a sensitive value.
 */
public record Reject(int line, String column, RejectReason reason, String message) {

  public Reject {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
