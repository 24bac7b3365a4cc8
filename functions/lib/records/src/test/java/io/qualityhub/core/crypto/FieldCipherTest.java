package io.qualityhub.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Values sealed to their table, item and attribute, with associated data no two bindings share. */
class FieldCipherTest {

  private static final FieldBinding BINDING = new FieldBinding("records", "REC#claims#TPE-01#C|1", "customer_name");
  // Under scheme 1 this joined to the same text as BINDING: "qualityhub/v1|records|REC#claims#TPE-01#C|1|customer_name".
  private static final FieldBinding LOOKALIKE = new FieldBinding("records", "REC#claims#TPE-01#C", "1|customer_name");

  private final FieldCipher cipher = new FieldCipher(new DataKey(new byte[32], new byte[] {1}));

  @Test
  void aValueIsSealedUnderSchemeTwoAndOpensOnlyUnderItsOwnBinding() {
    byte[] sealed = cipher.encrypt("林測試", BINDING);

    assertEquals(2, sealed[0]);
    assertEquals("林測試", cipher.decrypt(sealed, BINDING));
    assertThrows(TamperedValueException.class, () -> cipher.decrypt(sealed, LOOKALIKE));
  }

  @Test
  void aSchemeOneValueStaysReadableAndShowsTheAmbiguitySchemeTwoRemoves() {
    byte[] legacy = cipher.seal("林測試".getBytes(StandardCharsets.UTF_8), BINDING.associatedData((byte) 1), (byte) 1);

    assertEquals("林測試", cipher.decrypt(legacy, BINDING));
    assertEquals("林測試", cipher.decrypt(legacy, LOOKALIKE), "the '|'-joined associated data could not tell them apart");
  }

  @Test
  void anUnknownSchemeIsRefused() {
    byte[] sealed = cipher.encrypt("x", BINDING);
    sealed[0] = 3;
    TamperedValueException refused = assertThrows(TamperedValueException.class, () -> cipher.decrypt(sealed, BINDING));
    assertEquals("attribute customer_name of REC#claims#TPE-01#C|1 is not a ciphertext of scheme 1 to 2", refused.getMessage());
  }

  @Test
  void anEmptyValueIsSealedAndOpensToEmpty() {
    byte[] stored = cipher.encrypt("", BINDING);

    assertEquals(1 + 12 + 16, stored.length, "nothing but the version, the IV and the tag");
    assertEquals("", cipher.decrypt(stored, BINDING));
  }

  @Test
  void eachSealTakesAFreshIvSoTheSameValueNeverLooksTheSame() {
    byte[] first = cipher.encrypt("A123456789", BINDING);
    byte[] second = cipher.encrypt("A123456789", BINDING);

    assertNotEquals(Arrays.toString(Arrays.copyOfRange(first, 1, 13)),
        Arrays.toString(Arrays.copyOfRange(second, 1, 13)));
    assertEquals("A123456789", cipher.decrypt(second, BINDING));
  }
}
