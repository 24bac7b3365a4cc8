package io.qualityhub.reports.function.maintenance;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the rekey function is asked ({@code events/maintenance/rekey.json}): {@code fromKey}, the KMS key the stored
 * record data keys are wrapped under now, and {@code requestedBy}, who asked as the command line saw them (an IAM
 * ARN). There is no destination to ask for: the function re-wraps only to this stack's record-data key.
 *
 * @param requestedBy as stated by the caller ({@link Requester})
 */
public record RekeyRequest(String fromKey, String requestedBy) {

  /** A KMS key ARN (not an alias or bare id): the ARN is what each key item records as {@code kmsKeyArn}. */
  private static final Pattern KEY_ARN = Pattern.compile("^arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]{1,64}$");

  /**
   * @throws IllegalArgumentException naming the field and what it must be
   */
  public static RekeyRequest of(Map<String, Object> input) {
    Object fromKey = input == null ? null : input.get("fromKey");
    if (!(fromKey instanceof String key) || !KEY_ARN.matcher(key).matches()) {
      throw new IllegalArgumentException("fromKey must be the ARN of the KMS key the record data keys are wrapped under now"
          + " (arn:aws:kms:REGION:ACCOUNT:key/ID); the function re-wraps them to this stack's DATA_KEY_ARN");
    }
    return new RekeyRequest(key, Requester.of(input));
  }
}
