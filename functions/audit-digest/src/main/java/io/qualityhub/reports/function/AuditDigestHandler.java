package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.time.AsOf;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Daily (scheduled shortly after midnight, company time): writes the digest of the audit chain head at the end of the
 * previous day to {@code audit/digests/{day}.txt} in the reports bucket ({@link AuditDigestService}). Input
 * {@code {"day":"2026-11-24"}} writes that day's. Returns the digest's object key.
 */
public final class AuditDigestHandler implements RequestHandler<Map<String, Object>, String> {

  private final AuditDigestService service;
  private final Clock clock;

  public AuditDigestHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  public AuditDigestHandler(Settings settings, AwsClients clients, Clock clock) {
    this.service = new AuditDigestService(new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE"))::records,
        DigestArchive.of(settings, clients.s3()), ZoneId.of(settings.required("COMPANY_TIME_ZONE")));
    this.clock = clock;
  }

  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    return PowertoolsLogging.withLogging(context, () -> write(service.dayToWrite(
        Optional.ofNullable(input).map(asked -> asked.get("day")), AsOf.now(clock))));
  }

  /**
   * Writes the digest of {@code day} unless it is already stored; returns its object key.
   *
   * @throws IllegalStateException when a later day already has a digest
   */
  public String write(LocalDate day) {
    return service.write(day);
  }
}
