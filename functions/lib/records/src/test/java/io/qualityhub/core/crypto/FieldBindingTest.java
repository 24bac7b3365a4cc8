package io.qualityhub.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Scheme 2's associated data, byte by byte: each part after its length in four bytes, most significant first. */
class FieldBindingTest {

  @Test
  void eachPartFollowsItsLengthInFourBigEndianBytes() {
    byte[] data = new FieldBinding("t", "k1", "a").associatedData((byte) 2);

    byte[] expected = concat(new byte[] {0, 0, 0, 13}, ascii("qualityhub/v2"), new byte[] {0, 0, 0, 1}, ascii("t"),
        new byte[] {0, 0, 0, 2}, ascii("k1"), new byte[] {0, 0, 0, 1}, ascii("a"));
    assertArrayEquals(expected, data);
  }

  /** 70,000 = 0x00011170: the second and third length bytes are not zero. */
  @Test
  void aLongPartHasEveryLengthByteInPlace() {
    byte[] data = new FieldBinding("t", "k".repeat(70_000), "a").associatedData((byte) 2);

    assertEquals(17 + 5 + 4 + 70_000 + 5, data.length);
    assertArrayEquals(new byte[] {0x00, 0x01, 0x11, 0x70}, Arrays.copyOfRange(data, 22, 26));
    assertArrayEquals(new byte[] {0, 0, 0, 1, 'a'}, Arrays.copyOfRange(data, data.length - 5, data.length));
  }

  @Test
  void schemeOneJoinsThePartsWithBars() {
    assertArrayEquals(ascii("qualityhub/v1|t|k1|a"), new FieldBinding("t", "k1", "a").associatedData((byte) 1));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
