package io.qualityhub.intake;

import java.time.Instant;

/**
 * The exact version of an object intake reads, in every pass, so all passes see the same bytes.
 *
 * @param rewrittenByErasure whether an erasure request wrote this version, without a customer's rows, in place of
 *     the branch's upload (user metadata {@code qualityhub-erasure}); the branch's manifest described the original
 */
record ObjectVersion(String versionId, String eTag, Instant lastModified, boolean rewrittenByErasure) {

  ObjectVersion(String versionId, String eTag, Instant lastModified) {
    this(versionId, eTag, lastModified, false);
  }

  /** A versioned bucket gives each upload its own id; without versioning the ETag stands in. */
  String generation() {
    return isVersioned() ? versionId : "etag-" + eTag.replace("\"", "");
  }

  boolean isVersioned() {
    return versionId != null && !versionId.equals("null");
  }
}
