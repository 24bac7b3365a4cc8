package io.qualityhub.sampling.function;

import java.util.List;

/**
 * What applying one findings file did.
 *
 * @param applied   rows that changed an inspection or its corrective action
 * @param unchanged rows that repeated what was on record (a redelivery or re-upload)
 * @param rejected  rows not applied, with their line and reason, as written to the rejects report
 */
public record FindingsResult(String rejectsKey, int applied, int unchanged, List<FindingReject> rejected) {

  public FindingsResult {
    rejected = List.copyOf(rejected);
  }

  /** @param line the row's line in the uploaded file */
  public record FindingReject(int line, String inspectionId, String reason) {}
}
