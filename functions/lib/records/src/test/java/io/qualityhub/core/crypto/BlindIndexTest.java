package io.qualityhub.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blind index the quality department finds a customer's records by. Expected terms were computed apart, with
 * Python's hmac: HMAC-SHA-256 under the key of the domain, a zero byte and the normalised value, its first 16 bytes in
 * URL-safe Base64 without padding.
 */
class BlindIndexTest {

  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i + 1);
    }
  }

  private final BlindIndex index = new BlindIndex(KEY);

  @Test
  void aTermIsTheTruncatedHmacOfTheDomainAndTheNormalisedValue() {
    assertEquals("Nkmmlj-NxZCuBgraI9Tq3A", index.term("id_no", "A123456789"));
    assertEquals("Thj9brAPnlW-v2WI_ZDrYQ", index.term("phone", "0912345678"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a123456789", "A123-456-789", " A123 456 789 ", "Ａ１２３４５６７８９", "a.123(456)789", "A123\t456\n789"})
  void theSameIdWrittenDifferentlyByTwoBranchesHasTheSameTerm(String written) {
    assertEquals("Nkmmlj-NxZCuBgraI9Tq3A", index.term("id_no", written));
  }

  @Test
  void theSameValueInAnotherDomainHasAnotherTerm() {
    assertEquals("jT_UTmENzpuXmtg29w-nnw", index.term("phone", "A123456789"));
    assertNotEquals(index.term("id_no", "A123456789"), index.term("phone", "A123456789"));
  }

  @Test
  void anotherKeyGivesAnotherTerm() {
    byte[] other = KEY.clone();
    other[0] = 0;
    assertNotEquals(index.term("id_no", "A123456789"), new BlindIndex(other).term("id_no", "A123456789"));
  }

  @Test
  void aKeyShorterThan256BitsIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new BlindIndex(new byte[31]));
    assertEquals("a blind-index key has at least 256 bits", refused.getMessage());
  }

  @Test
  void theKeyIsNeitherPrintedNorSharedWithItsCaller() {
    byte[] key = KEY.clone();
    BlindIndex keyed = new BlindIndex(key);
    key[0] = 0;
    assertEquals("Nkmmlj-NxZCuBgraI9Tq3A", keyed.term("id_no", "A123456789"), "changing the caller's array changes nothing");
    assertEquals("BlindIndex[key hidden]", keyed.toString());
    assertFalse(keyed.toString().contains("1"));
  }
}
