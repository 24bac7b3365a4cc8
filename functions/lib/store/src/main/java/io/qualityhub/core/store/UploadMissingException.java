package io.qualityhub.core.store;

/**
 * The version of an uploaded object that a step must read is no longer in the bucket (deleted, or expired after
 * RawUploadRetentionDays). Reading again cannot bring it back: the step's message goes to its dead-letter queue, for an
 * operator to upload the file again or to drop the message.
 */
public final class UploadMissingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UploadMissingException(String bucket, String key, String versionId, Throwable cause) {
    super("version " + versionId + " of s3://" + bucket + "/" + key + " is no longer stored (deleted, or expired after"
        + " RawUploadRetentionDays); ask the branch to upload the file again, or drop the message from the dead-letter queue",
        cause);
  }
}
