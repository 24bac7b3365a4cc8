package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.reports.audit.AuditChain;
import io.qualityhub.reports.audit.AuditDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Daily (scheduled shortly after midnight, company time): writes the digest of the audit chain
 * head at the end of the previous day to {@code audit/digests/{day}.txt} in the reports bucket,
 * where the bucket's default Object Lock retention keeps it unchangeable. A later rewrite of the
 * chain cannot match the digests already locked. Input {@code {"day":"2026-11-24"}} writes that day's.
 */
public final class AuditDigestHandler implements RequestHandler<Map<String, Object>, String> {

  static final String DIGEST_PREFIX = "audit/digests/";
  private static final Logger LOG = LoggerFactory.getLogger(AuditDigestHandler.class);

  private final AuditTrail trail;
  private final S3Client s3;
  private final String bucket;
  private final String reportsKeyArn;
  private final Clock clock;
  private final ZoneId zone;

  public AuditDigestHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  public AuditDigestHandler(Settings settings, AwsClients clients, Clock clock) {
    this.trail = new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE"));
    this.s3 = clients.s3();
    this.bucket = settings.required("REPORTS_BUCKET");
    this.reportsKeyArn = settings.required("REPORTS_KEY_ARN");
    this.clock = clock;
    this.zone = ZoneId.of(settings.required("COMPANY_TIME_ZONE"));
  }

  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      Object day = input == null ? null : input.get("day");
      return write(day == null ? LocalDate.ofInstant(clock.instant(), zone).minusDays(1) : LocalDate.parse(day.toString()));
    });
  }

  /** Writes the digest of {@code day}; returns its object key. */
  public String write(LocalDate day) {
    AuditDigest digest = AuditChain.dailyDigest(trail.records(), day, zone);
    String key = DIGEST_PREFIX + day + ".txt";
    s3.putObject(request -> request.bucket(bucket).key(key).contentType("text/plain; charset=utf-8")
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(reportsKeyArn),
        RequestBody.fromString(digest.line() + "\n", StandardCharsets.UTF_8));
    LOG.info("audit digest written", entry("day", day.toString()), entry("records", digest.recordCount()),
        entry("head", digest.headHash()));
    return key;
  }
}
