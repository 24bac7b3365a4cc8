package io.qualityhub.reports.function.maintenance;

import io.qualityhub.core.crypto.DataKeyRewrapper;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.crypto.RewrapResult;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Moves record data to this stack's record-data key ({@code DATA_KEY_ARN}) by re-wrapping every stored data key
 * ({@link DataKeyRewrapper}): the rekey function on AWS, whose role alone may call {@code kms:ReEncryptFrom} and
 * {@code kms:ReEncryptTo} only on this stack's key; {@code qualityhub rekey} runs the same on the emulator.
 *
 * <p>The move is on the audit trail twice: when it starts (0 records so far), so that a run interrupted halfway is on
 * the trail, and when it is done, with the number of data keys it moved. A re-run skips what was moved already.
 */
public final class RekeyService {

  /** The role the trail names for the function's own records. */
  static final String ROLE = "rekey-function";

  private final DynamoDbClient dynamoDb;
  private final String recordsTable;
  private final KmsClient kms;
  private final String stackDataKeyArn;
  private final AuditTrail trail;
  private final Clock clock;
  private final String source;

  /** @param source what the trail records as the request's origin: the function, or the command line on the emulator */
  public RekeyService(DynamoDbClient dynamoDb, String recordsTable, KmsClient kms, String stackDataKeyArn, AuditTrail trail,
      Clock clock, String source) {
    this.dynamoDb = dynamoDb;
    this.recordsTable = recordsTable;
    this.kms = kms;
    this.stackDataKeyArn = stackDataKeyArn;
    this.trail = trail;
    this.clock = clock;
    this.source = source;
  }

  /**
   * @throws IllegalStateException when a data key is wrapped under a third key, or changed while it was moved (the
   *     message names the key item; run again once the cause is gone)
   */
  public RekeyOutcome rekey(RekeyRequest request) {
    String subject = "record data keys from " + request.fromKey() + " to " + stackDataKeyArn;
    trail.append(AccessRecord.REKEY, request.requestedBy(), ROLE, subject + ": started", 0L, AccessRecord.Decision.ALLOW,
        clock.instant(), source, "qualityhub rekey");
    RewrapResult result = new DataKeyRewrapper(dynamoDb, recordsTable, new KmsDataKeySource(kms, request.fromKey()),
        request.fromKey()).rewrapTo(stackDataKeyArn);
    trail.append(AccessRecord.REKEY, request.requestedBy(), ROLE, subject + ": done", (long) result.rewrapped(),
        AccessRecord.Decision.ALLOW, clock.instant(), source, "qualityhub rekey");
    return new RekeyOutcome(request.fromKey(), stackDataKeyArn, result.rewrapped(), result.alreadyThere());
  }
}
