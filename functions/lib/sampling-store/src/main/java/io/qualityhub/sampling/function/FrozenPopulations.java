package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.FrozenPopulation;
import io.qualityhub.sampling.domain.Period;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Frozen populations ({@link FrozenPopulation}) in the reports bucket, {@code samples/<period>/population.json.gz},
 * under the reports key: the bucket's Object Lock (compliance mode) keeps every version written for the reports'
 * retention, so the population a sample was drawn from cannot be changed or removed, only joined by a newer version,
 * which verification notices by its hash.
 */
public final class FrozenPopulations {

  private final S3Client s3;
  private final String bucket;
  private final String kmsKeyArn;

  public FrozenPopulations(S3Client s3, String bucket, String kmsKeyArn) {
    this.s3 = s3;
    this.bucket = bucket;
    this.kmsKeyArn = kmsKeyArn;
  }

  public static String keyOf(Period period) {
    return "samples/" + period + "/population.json.gz";
  }

  /** Stores the population's bytes and says where, in which version and with which hash. */
  public FrozenPopulationReference put(Period period, byte[] encoded) {
    String key = keyOf(period);
    String version = s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/gzip")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyArn).bucketKeyEnabled(true),
        RequestBody.fromBytes(encoded)).versionId();
    // S3 names an unversioned object's version "null"; the reports bucket is versioned, so this is for completeness.
    return new FrozenPopulationReference(key, java.util.Objects.requireNonNullElse(version, "null"),
        FrozenPopulation.sha256(encoded));
  }

  /** The current version of the object at {@code key}, or empty when there is none. */
  public Optional<Stored> read(String key) {
    try {
      ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key));
      return Optional.of(new Stored(object.asByteArray(), object.response().versionId()));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    }
  }

  /** An object's bytes as read, with its version. */
  public record Stored(byte[] bytes, String versionId) {}
}
