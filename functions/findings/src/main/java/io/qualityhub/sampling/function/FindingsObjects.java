package io.qualityhub.sampling.function;

import io.qualityhub.core.events.FileCurrentEvent;
import io.qualityhub.core.store.UploadMissingException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** S3 access of the findings function: the findings upload's exact version in, the inspections' rejects report out. */
final class FindingsObjects {

  private static final int NOT_FOUND = 404;

  private final S3Client s3;
  private final String reportsKmsKeyArn;

  /** @param reportsKmsKeyArn the key rejects reports are encrypted with (the bucket policy requires it) */
  FindingsObjects(S3Client s3, String reportsKmsKeyArn) {
    this.s3 = s3;
    this.reportsKmsKeyArn = reportsKmsKeyArn;
  }

  /** @throws UploadMissingException when the event's object version is no longer stored */
  InputStream open(FileCurrentEvent event) {
    try {
      return s3.getObject(request -> request.bucket(event.bucket()).key(event.objectKey()).versionId(event.versionId()));
    } catch (S3Exception refused) {
      // NoSuchKey for a deleted object, NoSuchVersion for an expired version: both 404.
      if (refused.statusCode() == NOT_FOUND) {
        throw new UploadMissingException(event.bucket(), event.objectKey(), event.versionId(), refused);
      }
      throw refused;
    }
  }

  void putRejects(String bucket, String key, String csv) {
    s3.putObject(request -> request.bucket(bucket).key(key).contentType("text/csv; charset=utf-8")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(reportsKmsKeyArn).bucketKeyEnabled(true),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
  }
}
