package io.qualityhub.reports.function.maintenance;

import io.qualityhub.core.crypto.DataKeyRewrapper;
import io.qualityhub.core.crypto.RewrapResult;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import java.time.Clock;
import java.util.function.Function;

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

  private final Function<String, DataKeyRewrapper> rewrappers;
  private final String stackDataKeyArn;
  private final AuditTrail trail;
  private final Clock clock;
  private final String source;

  /**
   * @param rewrappers the re-wrapper of the records table's data keys that are wrapped under a given key now
   * @param source what the trail records as the request's origin: the function, or the command line on the emulator
   */
  public RekeyService(Function<String, DataKeyRewrapper> rewrappers, String stackDataKeyArn, AuditTrail trail, Clock clock,
      String source) {
    this.rewrappers = rewrappers;
    this.stackDataKeyArn = stackDataKeyArn;
    this.trail = trail;
    this.clock = clock;
    this.source = source;
  }

  /**
   * @throws IllegalStateException when a data key is wrapped under a third key, or changed while it was moved (the
   *     message names the key item; run again once the cause is gone)
   * @throws io.qualityhub.core.crypto.KeyRefusedException when KMS refuses the re-wrap (a key disabled or missing, or a
   *     key policy that does not name the rekey role); keys moved before it stay moved, and a re-run skips them
   */
  public RekeyOutcome rekey(RekeyRequest request) {
    String subject = "record data keys from " + request.fromKey() + " to " + stackDataKeyArn;
    trail.append(AccessRecord.REKEY, request.requestedBy(), ROLE, subject + ": started", 0L, AccessRecord.Decision.ALLOW,
        clock.instant(), source, "qualityhub rekey");
    RewrapResult result = rewrappers.apply(request.fromKey()).rewrapTo(stackDataKeyArn);
    trail.append(AccessRecord.REKEY, request.requestedBy(), ROLE, subject + ": done", (long) result.rewrapped(),
        AccessRecord.Decision.ALLOW, clock.instant(), source, "qualityhub rekey");
    return new RekeyOutcome(request.fromKey(), stackDataKeyArn, result.rewrapped(), result.alreadyThere());
  }
}
