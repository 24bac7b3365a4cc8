package io.qualityhub.reports.function;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.store.CustomerErasure;
import io.qualityhub.core.store.ErasureResult;
import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.core.store.SealKey;
import io.qualityhub.reports.audit.AccessRecord;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * A whole erasure request (docs/operations/erasure.md): the customer's rows, their blind-index terms, the free text
 * of linked rows, their state items, and the raw uploads that hold them ({@link CustomerErasure}), then one
 * {@code erase} record on the hash-chained audit trail with the count of rows erased, never a value.
 *
 * <p>The erasure function runs it on AWS (its role alone may rewrite raw uploads and derive the seal key); the
 * command line runs the same service against the emulator. Every part is idempotent: a request interrupted anywhere
 * is finished by sending it again, and each call is on the trail.
 */
public final class ErasureService {

  private final Supplier<CustomerErasure> erasure;
  private final AuditTrail trail;
  private final Clock clock;
  private final String source;
  private final String userAgent;

  /**
   * @param erasure built per request: the blind-index key is loaded each time, so a missing key fails this request
   *     with its integrity error, and a restored key is used by the next, without a restart
   * @param source what the trail holds as the request's source: the function, or the command line
   */
  ErasureService(Supplier<CustomerErasure> erasure, AuditTrail trail, Clock clock, String source, String userAgent) {
    this.erasure = erasure;
    this.trail = trail;
    this.clock = clock;
    this.source = source;
    this.userAgent = userAgent;
  }

  /**
   * The service over the resources a function environment names (RECORDS_TABLE, REPORTS_TABLE, INTAKE_BUCKET,
   * DATA_KEY_ARN, INDEX_KEY_ARN, INTEGRITY_KEY_ARN).
   *
   * @param awaitIntake run once after rewritten uploads were written, before the erasure looks at them again: on
   *     AWS intake takes them by itself (nothing to do); locally, the command line delivers the intake queue
   * @param failures told of stored items that fail their integrity check (they are erased all the same)
   */
  public static ErasureService of(Settings settings, AwsClients clients, Clock clock, Runnable awaitIntake,
      IntegrityFailures failures, String source, String userAgent) {
    String recordsTable = settings.required("RECORDS_TABLE");
    String bucket = settings.required("INTAKE_BUCKET");
    String indexKeyArn = settings.required("INDEX_KEY_ARN");
    String dataKeyArn = settings.required("DATA_KEY_ARN");
    String integrityKeyArn = settings.required("INTEGRITY_KEY_ARN");
    Supplier<CustomerErasure> erasure = () -> new CustomerErasure(clients.dynamoDb(),
        new ItemSeal(recordsTable, SealKey.derive(clients.kms(), integrityKeyArn)),
        new BlindIndexKeyStore(clients.dynamoDb(), recordsTable, new KmsDataKeySource(clients.kms(), indexKeyArn)).load(),
        new RecordDecryptor(clients.dynamoDb(), recordsTable, new KmsDataKeySource(clients.kms(), dataKeyArn), failures),
        clock)
        .withUploads(clients.s3(), bucket, awaitIntake);
    return new ErasureService(erasure, new AuditTrail(clients.dynamoDb(), settings.required("REPORTS_TABLE")), clock, source,
        userAgent);
  }

  /**
   * Carries out the request, or the part of it an earlier call left, and puts this call on the audit trail.
   *
   * @throws io.qualityhub.core.crypto.BlindIndexKeyMissingException when the blind-index key is missing or
   *     unreadable: nothing is erased rather than rows missed
   * @throws ErasureNotOnTrailException when the erasure was carried out but its trail record could not be written
   */
  public ErasureResult erase(ErasureRequest request) {
    ErasureResult result = erasure.get().erase(request.identifiers());
    try {
      trail.append(AccessRecord.ERASE, request.requestedBy(), request.requestedByRole(), subject(request, result),
          (long) result.itemsErased(), AccessRecord.Decision.ALLOW, clock.instant().truncatedTo(ChronoUnit.MILLIS), source,
          userAgent);
    } catch (RuntimeException e) {
      throw new ErasureNotOnTrailException(result, e);
    }
    return result;
  }

  /** What the trail says was touched: the kinds of identifier and the request's random id, never a value. */
  static String subject(ErasureRequest request, ErasureResult result) {
    return "customer records by " + request.identifierColumns() + ", request " + result.requestId();
  }
}
