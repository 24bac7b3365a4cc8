package io.qualityhub.sampling.function;

import io.qualityhub.sampling.domain.Period;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * A period's sampling secret: KMS GenerateMac (HMAC-SHA-256) over {@code qualityhub-sampling|<period>} under an
 * HMAC key that never leaves KMS. Deterministic, so a period cannot be re-drawn under another secret, and one
 * period's secret says nothing about another's. The bytes are handed straight to the sampler and never kept.
 */
public final class PeriodSecrets {

  static final String CONTEXT = "qualityhub-sampling|";

  private final KmsClient kms;
  private final String hmacKeyArn;

  public PeriodSecrets(KmsClient kms, String hmacKeyArn) {
    this.kms = kms;
    this.hmacKeyArn = hmacKeyArn;
  }

  public byte[] secretFor(Period period) {
    return kms.generateMac(request -> request
            .keyId(hmacKeyArn)
            .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
            .message(SdkBytes.fromString(CONTEXT + period, StandardCharsets.UTF_8)))
        .mac().asByteArray();
  }
}
