package io.qualityhub.intake;

import io.qualityhub.core.store.UploadErasure;
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

  private final S3Client s3;
  private final String reportsKmsKeyArn;

  /** @param reportsKmsKeyArn the key rejects reports are encrypted with (the bucket policy requires it) */
  UploadObjects(S3Client s3, String reportsKmsKeyArn) {
    this.s3 = s3;
    this.reportsKmsKeyArn = reportsKmsKeyArn;
  }

  /** The version the notification names, or, when it names none, the object's current version. */
  ObjectVersion pin(S3ObjectRef ref) {
    HeadObjectResponse head = s3.headObject(request -> {
      request.bucket(ref.bucket()).key(ref.key());
      if (ref.versionId() != null) {
        request.versionId(ref.versionId());
      }
    });
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
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  InputStream open(String bucket, String key, ObjectVersion version) {
    GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
    if (version.isVersioned()) {
      request.versionId(version.versionId());
    } else {
      request.ifMatch(version.eTag());
    }
    return s3.getObject(request.build());
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
