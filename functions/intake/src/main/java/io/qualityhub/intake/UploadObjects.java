package io.qualityhub.intake;

import io.qualityhub.core.store.UploadErasure;
import io.qualityhub.core.store.UploadMissingException;
import java.io.InputStream;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** S3 access for intake: pin a version, stream it, write the rejects report. */
final class UploadObjects {

  private static final int NOT_FOUND = 404;

  private final S3Client s3;
  private final String reportsKmsKeyArn;

  /** @param reportsKmsKeyArn the key rejects reports are encrypted with (the bucket policy requires it) */
  UploadObjects(S3Client s3, String reportsKmsKeyArn) {
    this.s3 = s3;
    this.reportsKmsKeyArn = reportsKmsKeyArn;
  }

  /**
   * The version the notification names, or, when it names none, the object's current version.
   *
   * @throws UploadMissingException when that version is no longer stored
   */
  ObjectVersion pin(S3ObjectRef ref) {
    HeadObjectResponse head;
    try {
      head = s3.headObject(request -> {
        request.bucket(ref.bucket()).key(ref.key());
        if (ref.versionId() != null) {
          request.versionId(ref.versionId());
        }
      });
    } catch (S3Exception e) {
      throw missingOrAsIs(e, ref.bucket(), ref.key(), ref.versionId());
    }
    return new ObjectVersion(head.versionId(), head.eTag(), head.lastModified(),
        head.metadata().containsKey(UploadErasure.METADATA));
  }

  /** Whether that version of the object is still stored (raw uploads expire after RawUploadRetentionDays). */
  boolean exists(String bucket, String key, ObjectVersion version) {
    try {
      s3.headObject(request -> request.bucket(bucket).key(key).versionId(version.versionId()));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  /** @throws UploadMissingException when the version is no longer stored */
  InputStream open(String bucket, String key, ObjectVersion version) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (version.isVersioned()) {
      request.versionId(version.versionId());
    } else {
      request.ifMatch(version.eTag());
    }
    try {
      return s3.getObject(request.build());
    } catch (S3Exception e) {
      throw missingOrAsIs(e, bucket, key, version.versionId());
    }
  }

  /** NoSuchKey, NoSuchVersion, and HeadObject's bare 404 all say the version is gone; anything else passes as it is. */
  private static RuntimeException missingOrAsIs(S3Exception e, String bucket, String key, String versionId) {
    return e.statusCode() == NOT_FOUND ? new UploadMissingException(bucket, key, versionId, e) : e;
  }

  void putReport(String bucket, String key, Path file) {
    s3.putObject(request -> request
            .bucket(bucket)
            .key(key)
            .contentType("text/csv; charset=utf-8")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS)
            .ssekmsKeyId(reportsKmsKeyArn)
            .bucketKeyEnabled(true),
        RequestBody.fromFile(file));
  }
}
