package io.qualityhub.core.store;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * The key {@link ItemSeal} seals with: KMS {@code GenerateMac} of a fixed label under the stack's HMAC
 * key {@code IntegrityKey} ({@code INTEGRITY_KEY_ARN}), asked once per function instance. Only roles the
 * key policy names can derive it; nothing stores it. One KMS request per cold start instead of one
 * per item checked (decision 0008).
 */
public final class SealKey {

  public static final String KEY_VARIABLE = "INTEGRITY_KEY_ARN";

  private static final SdkBytes LABEL = SdkBytes.fromString("qualityhub/seal-key/v1", StandardCharsets.UTF_8);

  private SealKey() {}

  public static byte[] derive(KmsClient kms, String integrityKeyArn) {
    try {
      return kms.generateMac(request -> request.keyId(integrityKeyArn).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
          .message(LABEL)).mac().asByteArray();
    } catch (KmsException e) {
      throw new IllegalStateException("could not derive the seal key from " + integrityKeyArn + " ("
          + (e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode()) + "): check that the key exists, is enabled, and that this role may call"
          + " kms:GenerateMac on it (template.yaml, IntegrityKey)", e);
    }
  }
}
