package io.qualityhub.reports.function;

import io.qualityhub.reports.report.ReportSnapshot;
import io.qualityhub.reports.report.SnapshotReference;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Report snapshots in the reports bucket under {@code snapshots/{id}.json}: SSE-KMS under the reports key and the
 * bucket's default Object Lock retention, like the reports themselves. Each is written once ({@code If-None-Match:
 * *}), so a snapshot key holds exactly one version and a second one means someone wrote it again.
 */
final class SnapshotStore {

  static final String PREFIX = "snapshots/";
  private static final int PRECONDITION_FAILED = 412;

  private final S3Client s3;
  private final String bucket;
  private final String reportsKeyArn;

  SnapshotStore(S3Client s3, String bucket, String reportsKeyArn) {
    this.s3 = s3;
    this.bucket = bucket;
    this.reportsKeyArn = reportsKeyArn;
  }

  static String key(String snapshotId) {
    return PREFIX + snapshotId + ".json";
  }

  /** Stores the snapshot and returns what its reports say of it. */
  SnapshotReference store(ReportSnapshot snapshot) {
    ReportSnapshot.Written written = snapshot.written();
    try {
      s3.putObject(request -> request.bucket(bucket).key(key(written.reference().id())).ifNoneMatch("*")
              .contentType("application/json")
              .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(reportsKeyArn),
          RequestBody.fromBytes(written.json()));
    } catch (S3Exception e) {
      // The id holds the as-of instant and 64 bits of the digest: the same id is this order's retry, same content.
      if (e.statusCode() != PRECONDITION_FAILED) {
        throw e;
      }
    }
    return written.reference();
  }
}
