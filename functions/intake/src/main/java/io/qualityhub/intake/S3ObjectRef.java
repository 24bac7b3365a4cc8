package io.qualityhub.intake;

import java.util.Objects;

/**
 * An object an S3 notification announced. {@code versionId} and {@code sequencer} are what S3
 * sends on AWS; emulators may leave them out, and intake then pins the object's current version.
 */
public record S3ObjectRef(String bucket, String key, String versionId, String sequencer) {

  public S3ObjectRef {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
  }
}
