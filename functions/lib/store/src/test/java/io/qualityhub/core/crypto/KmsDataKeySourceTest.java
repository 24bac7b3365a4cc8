package io.qualityhub.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.emulator.LocalEmulator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * What KMS answers becomes a domain exception, so the services that read records tell the data's fault from the key's.
 * (moto decrypts under a disabled key, so the refusal is shown with a key that is not there.)
 */
class KmsDataKeySourceTest {

  private static final Map<String, String> FILE_CONTEXT = Map.of("fileId", "TPE-01/2026-11-20/claims", "generation", "g1");

  private static LocalEmulator emulator;
  private static KmsClient kms;
  private static String keyArn;

  @BeforeAll
  static void startEmulatorAndKey() {
    emulator = LocalEmulator.startOrConnect(Path.of("..", "..", "..").toAbsolutePath().normalize());
    kms = AwsClients.forEndpoint(emulator.endpoint(), LocalEmulator.region()).kms();
    keyArn = kms.createKey(request -> request.description("data keys of KmsDataKeySourceTest")).keyMetadata().arn();
  }

  @AfterAll
  static void stopEmulator() {
    kms.close();
    emulator.close();
  }

  @Test
  void aWrappedKeyUnwrapsUnderTheContextItWasMadeWith() {
    KmsDataKeySource keys = new KmsDataKeySource(kms, keyArn);
    DataKey made = keys.generate(FILE_CONTEXT);

    assertArrayEquals(made.plaintext(), keys.unwrap(made.wrapped(), FILE_CONTEXT).plaintext());
  }

  @Test
  void aWrappedKeyUnderAnotherGenerationIsRejectedAsTheData() {
    KmsDataKeySource keys = new KmsDataKeySource(kms, keyArn);
    byte[] wrapped = keys.generateWrapped(FILE_CONTEXT);

    WrappedKeyRejectedException rejected = assertThrows(WrappedKeyRejectedException.class,
        () -> keys.unwrap(wrapped, Map.of("fileId", "TPE-01/2026-11-20/claims", "generation", "g2")));
    assertEquals("InvalidCiphertextException", rejected.errorCode());
  }

  @Test
  void aKeyThatIsNotThereIsRefusedAsTheStacksFault() {
    byte[] wrapped = new KmsDataKeySource(kms, keyArn).generateWrapped(FILE_CONTEXT);
    String missingKey = keyArn.substring(0, keyArn.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";

    KeyRefusedException refused = assertThrows(KeyRefusedException.class,
        () -> new KmsDataKeySource(kms, missingKey).unwrap(wrapped, FILE_CONTEXT));
    assertEquals("NotFoundException", refused.errorCode());
  }
}
