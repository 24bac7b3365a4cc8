package io.qualityhub.core.crypto;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/** Data keys generated and unwrapped by one KMS key. */
public final class KmsDataKeySource implements DataKeySource {

  private final KmsClient kms;
  private final String keyId;

  public KmsDataKeySource(KmsClient kms, String keyId) {
    this.kms = kms;
    this.keyId = keyId;
  }

  @Override
  public DataKey generate(Map<String, String> encryptionContext) {
    GenerateDataKeyResponse response = kms.generateDataKey(request -> request
        .keyId(keyId)
        .keySpec(DataKeySpec.AES_256)
        .encryptionContext(encryptionContext));
    return new DataKey(response.plaintext().asByteArrayUnsafe(), response.ciphertextBlob().asByteArrayUnsafe());
  }

  @Override
  public byte[] generateWrapped(Map<String, String> encryptionContext) {
    return kms.generateDataKeyWithoutPlaintext(request -> request
        .keyId(keyId)
        .keySpec(DataKeySpec.AES_256)
        .encryptionContext(encryptionContext)).ciphertextBlob().asByteArray();
  }

  @Override
  public DataKey unwrap(byte[] wrapped, Map<String, String> encryptionContext) {
    DecryptResponse response = kms.decrypt(request -> request
        .keyId(keyId)
        .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
        .encryptionContext(encryptionContext));
    return new DataKey(response.plaintext().asByteArrayUnsafe(), wrapped);
  }

  @Override
  public byte[] rewrap(byte[] wrapped, Map<String, String> encryptionContext, String destinationKeyId) {
    return kms.reEncrypt(request -> request
        .sourceKeyId(keyId)
        .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
        .sourceEncryptionContext(encryptionContext)
        .destinationKeyId(destinationKeyId)
        .destinationEncryptionContext(encryptionContext)).ciphertextBlob().asByteArray();
  }
}
