package io.qualityhub.intake;

import java.time.Instant;

/** The exact version of an object intake reads, in every pass, so all passes see the same bytes. */
record ObjectVersion(String versionId, String eTag, Instant lastModified) {

  /** A versioned bucket gives each upload its own id; without versioning the ETag stands in. */
  String generation() {
    return isVersioned() ? versionId : "etag-" + eTag.replace("\"", "");
  }

  boolean isVersioned() {
    return versionId != null && !versionId.equals("null");
  }
}
