package io.qualityhub.reports.function;

import io.qualityhub.core.config.Settings;
import io.qualityhub.reports.audit.AuditDigest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The daily audit digests in the reports bucket, {@code audit/digests/{day}.txt}, one line each,
 * under the bucket's default Object Lock retention. A digest is written once: the write carries
 * {@code If-None-Match: *}, so S3 itself refuses to replace a day's digest (Object Lock would only
 * keep the old version beside a new current one), and two runs for the same day cannot both win.
 */
public final class DigestArchive implements AuditDigestService.Archive {

  static final String PREFIX = "audit/digests/";
  private static final int PRECONDITION_FAILED = 412;

  /** A stored digest as read back: its day, and the digest or why it does not read as one. */
  public record Stored(LocalDate day, String key, Optional<AuditDigest> digest, Optional<String> unreadable) {
  }

  private final S3Client s3;
  private final String bucket;
  private final String reportsKeyArn;

  public DigestArchive(S3Client s3, String bucket, String reportsKeyArn) {
    this.s3 = s3;
    this.bucket = bucket;
    this.reportsKeyArn = reportsKeyArn;
  }

  /** The archive the audit digest function writes, from its settings (REPORTS_BUCKET, REPORTS_KEY_ARN). */
  public static DigestArchive of(Settings settings, S3Client s3) {
    return new DigestArchive(s3, settings.required("REPORTS_BUCKET"), settings.required("REPORTS_KEY_ARN"));
  }

  public static String key(LocalDate day) {
    return PREFIX + day + ".txt";
  }

  /** The days that have a digest, oldest first. */
  @Override
  public List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>();
    s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(PREFIX)).contents().forEach(object -> {
      String name = object.key().substring(PREFIX.length());
      if (name.endsWith(".txt")) {
        try {
          days.add(LocalDate.parse(name.substring(0, name.length() - ".txt".length())));
        } catch (DateTimeParseException notADigest) {
          // another object under the prefix is no digest and is not checked as one
        }
      }
    });
    days.sort(null);
    return days;
  }

  /** The stored digest of {@code day}, read back and its seal checked. */
  @Override
  public Stored read(LocalDate day) {
    String line = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key(day))).asString(StandardCharsets.UTF_8);
    try {
      return new Stored(day, key(day), Optional.of(AuditDigest.parse(line)), Optional.empty());
    } catch (AuditDigest.MalformedDigestException malformed) {
      return new Stored(day, key(day), Optional.empty(), Optional.of(malformed.getMessage()));
    }
  }

  /** Every stored digest, oldest first. */
  public List<Stored> all() {
    return days().stream().map(this::read).toList();
  }

  /**
   * Writes the digest unless its day already has one.
   *
   * @return true when this call wrote it, false when a digest for the day was already stored (and kept)
   */
  @Override
  public boolean writeFirst(AuditDigest digest) {
    try {
      s3.putObject(request -> request.bucket(bucket).key(key(digest.day())).ifNoneMatch("*")
              .contentType("text/plain; charset=utf-8")
              .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(reportsKeyArn),
          RequestBody.fromString(digest.line() + "\n", StandardCharsets.UTF_8));
      return true;
    } catch (S3Exception refused) {
      if (refused.statusCode() == PRECONDITION_FAILED) {
        return false;
      }
      throw refused;
    }
  }
}
