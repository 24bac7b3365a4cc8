package io.qualityhub.intake;

import io.qualityhub.core.validate.ScanResult;
import java.time.Duration;
import java.time.Instant;

/**
 * What a file generation's batch record says once intake is done with it ({@link BatchRecords} stores it). Written
 * last, so its presence means the generation needs no more work.
 */
sealed interface BatchRecord {

  String objectKey();

  /** A file's upload taken to its end: processed (current) or superseded. */
  record Finished(String objectKey, FileStatus status, String sha256, ScanResult scan, Duration validation,
      Duration storage, Duration total, Instant started, String dataKeyRef) implements BatchRecord {}

  /** A file or manifest refused as a whole: {@code refusal} is {@code CODE: message}. */
  record Refused(String objectKey, String refusal, Instant started, Instant finished) implements BatchRecord {}

  /** A manifest's upload: processed (in force) or superseded, with the number of files it declares. */
  record ManifestTaken(String objectKey, FileStatus status, int filesDeclared, Instant started, Instant finished)
      implements BatchRecord {}
}
