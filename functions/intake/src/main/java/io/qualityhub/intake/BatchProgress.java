package io.qualityhub.intake;

import java.util.List;

/**
 * A generation's batch record as an attempt finds it: the attempts counted and the checkpoint of its rows while the
 * work goes on, and the outcome once it is finished.
 *
 * @param status the final status, or {@code null} while the generation is not finished
 * @param writtenThroughLine the line of the last row written before a continuation (0: none yet)
 * @param refusal {@code CODE: message} of a refused generation, else {@code null}
 * @param sha256 the file's SHA-256 once validated, else {@code null}
 */
record BatchProgress(FileStatus status, long rowsRead, long accepted, long rejected, String refusal, String sha256,
    long writtenThroughLine) {

  boolean isFinished() {
    return status != null;
  }

  /**
   * The outcome a finished batch record stands for, as a redelivery reports it. The record is keyed by its
   * generation ({@code GEN#{generation}}) and does not repeat it, so the caller, who looked it up, passes it.
   */
  FileOutcome toOutcome(String objectKey, String generation) {
    return new FileOutcome(objectKey, status, rowsRead, accepted, rejected, List.of(), refusal, generation, sha256);
  }
}
