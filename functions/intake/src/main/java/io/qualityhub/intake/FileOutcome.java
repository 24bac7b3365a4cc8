package io.qualityhub.intake;

import io.qualityhub.core.format.RefusalReason;
import io.qualityhub.core.validate.Reject;
import java.util.List;

/**
 * What intake did with one object: the figures the batch record keeps, plus the first rejects
 * (the full list is in the rejects report) for summaries.
 *
 * @param refusal {@code CODE: message} for a refused file, else {@code null}
 */
public record FileOutcome(
    String key,
    FileStatus status,
    long rowsRead,
    long accepted,
    long rejected,
    List<Reject> firstRejects,
    String refusal,
    String generation,
    String sha256) {

  public FileOutcome {
    firstRejects = List.copyOf(firstRejects);
  }

  /** A file given up on after failing every attempt: its message must still fail so that SQS dead-letters it. */
  public boolean isUnprocessable() {
    return refusal != null && refusal.startsWith(RefusalReason.UNPROCESSABLE.name() + ":");
  }

  static FileOutcome refused(String key, String generation, String refusal) {
    return new FileOutcome(key, FileStatus.REFUSED, 0, 0, 0, List.of(), refusal, generation, null);
  }
}
