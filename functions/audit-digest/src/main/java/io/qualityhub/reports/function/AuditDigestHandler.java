package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.reports.audit.AuditChain;
import io.qualityhub.reports.audit.AuditDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.qualityhub.core.metrics.FunctionMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Daily (scheduled shortly after midnight, company time): writes the digest of the audit chain
 * head at the end of the previous day to {@code audit/digests/{day}.txt} in the reports bucket,
 * where the bucket's default Object Lock retention keeps it unchangeable. A later rewrite of the
 * chain cannot match the digests already locked. Input {@code {"day":"2026-11-24"}} writes that day's.
 *
 * <p>A day's digest is written once and never replaced (a repeated run keeps the first), and links
 * to the latest digest before it. A day earlier than a digest already stored is refused: putting it
 * into the sequence would break the link of the digest after it.
 */
public final class AuditDigestHandler implements RequestHandler<Map<String, Object>, String> {

  private static final Logger LOG = LoggerFactory.getLogger(AuditDigestHandler.class);

  private final AuditTrail trail;
  private final DigestArchive archive;
  private final Clock clock;
  private final ZoneId zone;

  public AuditDigestHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  public AuditDigestHandler(Settings settings, AwsClients clients, Clock clock) {
    this.trail = new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE"));
    this.archive = DigestArchive.of(settings, clients.s3());
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

  /**
   * Writes the digest of {@code day} unless it is already stored; returns its object key.
   *
   * @throws IllegalStateException when a later day already has a digest
   */
  public String write(LocalDate day) {
    List<LocalDate> stored = archive.days();
    Optional<LocalDate> later = stored.stream().filter(other -> other.isAfter(day)).findFirst();
    if (later.isPresent() && !stored.contains(day)) {
      throw new IllegalStateException("the audit digest of " + day + " cannot be written: the digest of " + later.get()
          + " is already locked and links to the one before it, so " + day + " stays without a digest");
    }
    AuditDigest previous = stored.stream().filter(other -> other.isBefore(day)).reduce((first, second) -> second)
        .map(archive::read)
        .map(read -> read.digest().orElseThrow(() -> new IllegalStateException("the audit digest of " + read.day()
            + " does not read back (" + read.unreadable().orElse("") + "); run audit verify")))
        .orElse(null);
    AuditDigest digest = AuditChain.dailyDigest(trail.records(), day, zone, previous);
    String key = DigestArchive.key(day);
    boolean written = archive.writeFirst(digest);
    FunctionMetrics.publish("DigestsWritten", written ? 1 : 0);
    if (written) {
      LOG.info("audit digest written", entry("day", day.toString()), entry("records", digest.recordCount()),
          entry("head", digest.headHash()));
    } else {
      LOG.info("audit digest already locked for the day; kept the first", entry("day", day.toString()),
          entry("records", digest.recordCount()), entry("head", digest.headHash()));
    }
    return key;
  }
}
