package io.qualityhub.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An item's tag: GCM over the item's canonical attributes, which only the same key and the same bytes match. */
class ItemTagTest {

  private static final byte[] ITEM = "REC#claims#TPE-01#C-1|amount=100|status=paid".getBytes(StandardCharsets.UTF_8);

  private final FieldCipher cipher = new FieldCipher(new DataKey(new byte[32], new byte[] {1}));

  @Test
  void aTagIsSchemeOneAnIvAndAGcmTagOverNothing() {
    byte[] tag = cipher.tag(ITEM);

    assertEquals(1 + 12 + 16, tag.length, "version, IV and the 128-bit GCM tag: no ciphertext");
    assertEquals(1, tag[0]);
    assertTrue(cipher.tagMatches(tag, ITEM));
  }

  @Test
  void aTagMatchesNoOtherItemAndNoOtherKey() {
    byte[] tag = cipher.tag(ITEM);
    byte[] changed = ITEM.clone();
    changed[changed.length - 1] = 'x';
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;

    assertFalse(cipher.tagMatches(tag, changed));
    assertFalse(new FieldCipher(new DataKey(otherKey, new byte[] {1})).tagMatches(tag, ITEM));
  }

  @Test
  void aTagOfAnotherSchemeOrLengthNeverMatches() {
    byte[] tag = cipher.tag(ITEM);
    byte[] otherScheme = tag.clone();
    otherScheme[0] = 2;

    assertFalse(cipher.tagMatches(otherScheme, ITEM), "a value's scheme is not a tag's");
    assertFalse(cipher.tagMatches(Arrays.copyOf(tag, tag.length - 1), ITEM), "one byte short");
    assertFalse(cipher.tagMatches(Arrays.copyOf(tag, tag.length + 1), ITEM), "one byte long");
    assertFalse(cipher.tagMatches(new byte[0], ITEM));
  }
}
