package io.qualityhub.intake;

import java.util.Objects;

/**
 * An object an S3 notification announced. {@code versionId} and {@code sequencer} are what S3
 * sends on AWS; emulators may leave them out, and intake then pins the object's current version.
 * {@code uploaderPrincipalId} is the event's {@code userIdentity.principalId} (who wrote the
 * object), null when the event carries none; see {@link UploaderSession}.
 */
public record S3ObjectRef(String bucket, String key, String versionId, String sequencer, String uploaderPrincipalId) {

  public S3ObjectRef {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }

  /** An object whose event names no uploader. */
  public S3ObjectRef(String bucket, String key, String versionId, String sequencer) {
    this(bucket, key, versionId, sequencer, null);
  }
}
