package io.qualityhub.core.crypto;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Data keys generated and unwrapped by one KMS key. KMS's answers come out as domain exceptions, for services that must
 * tell the stack's fault from the data's: a refusal of the key as {@link KeyRefusedException}, a wrapped key that does not
 * unwrap under its encryption context as {@link WrappedKeyRejectedException} (readers treat it as a tampered item).
 */
public final class KmsDataKeySource implements DataKeySource {

  private static final int FIRST_SERVER_ERROR = 500;

  private final KmsClient kms;
  private final String keyId;

  public KmsDataKeySource(KmsClient kms, String keyId) {
    this.kms = kms;
    this.keyId = keyId;
  }

  @Override
  public DataKey generate(Map<String, String> encryptionContext) {
    GenerateDataKeyResponse response;
    try {
      response = kms.generateDataKey(request -> request
          .keyId(keyId)
          .keySpec(DataKeySpec.AES_256)
          .encryptionContext(encryptionContext));
    } catch (KmsException e) {
      throw refusedOrAsIs(e, keyId, "GenerateDataKey");
    }
    return new DataKey(response.plaintext().asByteArrayUnsafe(), response.ciphertextBlob().asByteArrayUnsafe());
  }

  @Override
  public byte[] generateWrapped(Map<String, String> encryptionContext) {
    try {
      return kms.generateDataKeyWithoutPlaintext(request -> request
          .keyId(keyId)
          .keySpec(DataKeySpec.AES_256)
          .encryptionContext(encryptionContext)).ciphertextBlob().asByteArray();
    } catch (KmsException e) {
      throw refusedOrAsIs(e, keyId, "GenerateDataKeyWithoutPlaintext");
    }
  }

  @Override
  public DataKey unwrap(byte[] wrapped, Map<String, String> encryptionContext) {
    DecryptResponse response;
    try {
      response = kms.decrypt(request -> request
          .keyId(keyId)
          .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
          .encryptionContext(encryptionContext));
    } catch (InvalidCiphertextException e) {
      throw new WrappedKeyRejectedException(keyId, errorCode(e), e);
    } catch (KmsException e) {
      throw refusedOrAsIs(e, keyId, "Decrypt");
    }
    return new DataKey(response.plaintext().asByteArrayUnsafe(), wrapped);
  }

  @Override
  public byte[] rewrap(byte[] wrapped, Map<String, String> encryptionContext, String destinationKeyId) {
    try {
      return kms.reEncrypt(request -> request
          .sourceKeyId(keyId)
          .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
          .sourceEncryptionContext(encryptionContext)
          .destinationKeyId(destinationKeyId)
          .destinationEncryptionContext(encryptionContext)).ciphertextBlob().asByteArray();
    } catch (KmsException e) {
      throw refusedOrAsIs(e, keyId + " to " + destinationKeyId, "ReEncrypt");
    }
  }

  /**
   * A refusal as {@link KeyRefusedException}; throttling and KMS's own faults as they are, since they pass: the SDK
   * has already retried them, and the caller's retry (a message redelivered) tries again later.
   */
  static RuntimeException refusedOrAsIs(KmsException e, String keyId, String operation) {
    if (e.isThrottlingException() || e.statusCode() >= FIRST_SERVER_ERROR) {
      return e;
    }
    return new KeyRefusedException(keyId, operation, errorCode(e), e);
  }

  private static String errorCode(KmsException e) {
    return e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
  }
}
