package io.qualityhub.core.crypto;

import java.util.Map;

/**
 * The KMS encryption context of a file generation's data key. Ids only: CloudTrail logs the
 * context in clear.
 */
public final class RecordKeyContext {

  private RecordKeyContext() {}

  public static Map<String, String> of(String fileId, String generation) {
    return Map.of("purpose", "qualityhub-record-data", "file", fileId, "generation", generation);
  }
}
