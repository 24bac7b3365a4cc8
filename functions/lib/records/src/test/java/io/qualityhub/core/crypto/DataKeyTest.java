package io.qualityhub.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clear data key, what travels with it, and what may be said of it. */
class DataKeyTest {

  @Test
  void destroyingAKeyWipesItsClearBytes() {
    byte[] clear = new byte[32];
    clear[0] = 7;
    clear[31] = 9;
    DataKey key = new DataKey(clear, new byte[] {1, 2, 3});

    key.destroy();

    assertArrayEquals(new byte[32], key.plaintext());
  }

  @Test
  void theKeyKeepsCopiesOfWhatItIsGivenAndGivesCopiesOfItsWrappedForm() {
    byte[] clear = new byte[32];
    byte[] wrapped = {1, 2, 3};
    DataKey key = new DataKey(clear, wrapped);
    clear[0] = 5;
    wrapped[0] = 5;
    key.wrapped()[1] = 5;

    assertArrayEquals(new byte[32], key.plaintext());
    assertArrayEquals(new byte[] {1, 2, 3}, key.wrapped());
  }

  @Test
  void onlyA256BitKeyIsAccepted() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new DataKey(new byte[16], new byte[] {1}));
    assertEquals("a data key is 32 bytes (AES-256), got 16", refused.getMessage());
  }

  @Test
  void itsTextNamesTheWrappedFormsLengthOnly() {
    assertEquals("DataKey[wrapped, 3 bytes]", new DataKey(new byte[32], new byte[] {1, 2, 3}).toString());
  }

  @Test
  void aRecordKeysContextNamesItsPurposeFileAndGenerationOnly() {
    assertEquals(Map.of("purpose", "qualityhub-record-data", "file", "TPE-01/2026-11-20/claims.csv", "generation", "g7"),
        RecordKeyContext.of("TPE-01/2026-11-20/claims.csv", "g7"));
  }

  @Test
  void kmsRefusalsSayWhatWasRefusedAndWhatToCheck() {
    KeyRefusedException refused = new KeyRefusedException("arn:key/1", "GenerateDataKey", "DisabledException", null);
    assertEquals("arn:key/1", refused.keyId());
    assertEquals("DisabledException", refused.errorCode());
    assertEquals("KMS refused GenerateDataKey with key arn:key/1 (DisabledException): check that the key exists, is enabled,"
        + " and that its key policy and this function's role allow GenerateDataKey; the request is retried until then",
        refused.getMessage());

    WrappedKeyRejectedException rejected = new WrappedKeyRejectedException("arn:key/1", "InvalidCiphertextException", null);
    assertEquals("InvalidCiphertextException", rejected.errorCode());
    assertEquals("KMS would not unwrap a data key with key arn:key/1 under its encryption context"
        + " (InvalidCiphertextException): the stored key or the item naming it was altered or replaced", rejected.getMessage());
  }

  @Test
  void aTamperedValueNamesTheItemTheCheckAndTheAttribute() {
    TamperedValueException tampered = new TamperedValueException("REC#1|C-1", TamperedValueException.Check.ENCRYPTED_VALUE,
        "customer_name", "attribute customer_name of REC#1|C-1 fails authentication");
    assertEquals("REC#1|C-1", tampered.itemKey());
    assertEquals(TamperedValueException.Check.ENCRYPTED_VALUE, tampered.check());
    assertEquals("customer_name", tampered.attribute());
    assertEquals("attribute customer_name of REC#1|C-1 fails authentication", tampered.getMessage());
  }
}
