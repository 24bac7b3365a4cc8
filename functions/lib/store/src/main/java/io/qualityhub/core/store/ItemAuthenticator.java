package io.qualityhub.core.store;

import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.crypto.TamperedValueException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Authenticates a whole item: an AES-GCM tag (GMAC) under the item's data key over the canonical
 * form of every attribute it has, key and encrypted values included, stored in {@value #TAG}. A
 * changed status, date or amount, an attribute added or removed, or a ciphertext swapped in from
 * another item makes the tag fail. What it cannot see: an item deleted, or replaced whole by an
 * older authentic version of itself (see docs/decisions/0003-field-encryption.md).
 *
 * <p>Canonical form: a domain label, the table, then each attribute in name order as name, type and
 * value, every variable-length part length-prefixed; numbers as DynamoDB normalises them (no
 * trailing zeros), sets in sorted order, maps in key order.
 */
public final class ItemAuthenticator {

  /** The attribute holding the tag: {@code version | IV | GCM tag}, 29 bytes. */
  public static final String TAG = "itemTag";

  private static final byte[] DOMAIN = "qualityhub/item/v1".getBytes(StandardCharsets.UTF_8);

  private final String table;
  private final FieldCipher cipher;
  /** The attribute names of the last item tagged, in order: a file's rows mostly have the same, and need no sort. */
  private String[] lastNames = new String[0];

  public ItemAuthenticator(String table, FieldCipher cipher) {
    this.table = table;
    this.cipher = cipher;
  }

  /** The tag of {@code item} as it stands (any existing tag attribute is left out of it). */
  public AttributeValue tagFor(Map<String, AttributeValue> item) {
    return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(cipher.tag(canonical(DOMAIN, table, item, TAG, sortedNames(item)))));
  }

  private String[] sortedNames(Map<String, AttributeValue> item) {
    if (lastNames.length == item.size() && containsAll(item, lastNames)) {
      return lastNames;
    }
    lastNames = sortedNamesOf(item);
    return lastNames;
  }

  private static boolean containsAll(Map<String, AttributeValue> item, String[] names) {
    for (String name : names) {
      if (!item.containsKey(name)) {
        return false;
      }
    }
    return true;
  }

  private static String[] sortedNamesOf(Map<String, AttributeValue> item) {
    String[] names = item.keySet().toArray(new String[0]);
    Arrays.sort(names);
    return names;
  }

  /** Passes when the item is exactly as it was tagged; otherwise says which item failed and how. */
  public void verify(Map<String, AttributeValue> item) {
    String itemKey = itemKey(item);
    AttributeValue tag = item.get(TAG);
    if (tag == null || tag.b() == null) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.ITEM_TAG_MISSING, null,
          "item " + itemKey + " in " + table + " has no integrity tag (" + TAG + "): it was not written by intake, or the tag was removed");
    }
    if (!cipher.tagMatches(tag.b().asByteArrayUnsafe(), canonical(table, item))) {
      throw new TamperedValueException(itemKey, TamperedValueException.Check.ITEM_ATTRIBUTES, null,
          "item " + itemKey + " in " + table + " fails its integrity check: an attribute was changed, added or removed"
              + " since it was written, or the tag belongs to another item");
    }
  }

  /** {@code pk|sk}, the form exceptions and field bindings name an item by. */
  public static String itemKey(Map<String, AttributeValue> item) {
    AttributeValue pk = item.get(ItemKeys.PK);
    AttributeValue sk = item.get(ItemKeys.SK);
    return (pk == null ? "?" : pk.s()) + "|" + (sk == null ? "?" : sk.s());
  }

  static byte[] canonical(String table, Map<String, AttributeValue> item) {
    return canonical(DOMAIN, table, item, TAG);
  }

  /**
   * The canonical form under another domain label, leaving out another tag attribute: {@link ItemSeal} seals
   * items the same way under its own label, so a row tag and a seal can never stand for each other.
   */
  static byte[] canonical(byte[] domain, String table, Map<String, AttributeValue> item, String tagAttribute) {
    return canonical(domain, table, item, tagAttribute, sortedNamesOf(item));
  }

  /** @param names the item's attribute names, sorted */
  private static byte[] canonical(byte[] domain, String table, Map<String, AttributeValue> item, String tagAttribute,
      String[] names) {
    // Sized for a claim's row item, so the buffer does not grow on the way.
    CanonicalBytes out = new CanonicalBytes(2048);
    out.writeBytes(domain);
    out.writeText(table);
    out.writeInt(item.containsKey(tagAttribute) ? names.length - 1 : names.length);
    for (String name : names) {
      if (!name.equals(tagAttribute)) {
        out.writeText(name);
        writeValue(out, item.get(name));
      }
    }
    return out.toByteArray();
  }

  private static void writeValue(CanonicalBytes out, AttributeValue value) {
    switch (value.type()) {
      case S -> {
        out.writeByte('S');
        out.writeText(value.s());
      }
      case N -> {
        out.writeByte('N');
        out.writeText(number(value.n()));
      }
      case B -> {
        out.writeByte('B');
        out.writeBytes(value.b().asByteArrayUnsafe());
      }
      case BOOL -> {
        out.writeByte('O');
        out.writeByte(value.bool() ? 1 : 0);
      }
      case NUL -> out.writeByte('Z');
      case SS -> {
        out.writeByte('T');
        writeSortedTexts(out, value.ss());
      }
      case NS -> {
        out.writeByte('U');
        writeSortedTexts(out, value.ns().stream().map(ItemAuthenticator::number).toList());
      }
      case BS -> {
        out.writeByte('V');
        List<byte[]> members = new ArrayList<>(value.bs().stream().map(SdkBytes::asByteArrayUnsafe).toList());
        members.sort(Arrays::compareUnsigned);
        out.writeInt(members.size());
        for (byte[] member : members) {
          out.writeBytes(member);
        }
      }
      case L -> {
        out.writeByte('L');
        out.writeInt(value.l().size());
        for (AttributeValue element : value.l()) {
          writeValue(out, element);
        }
      }
      case M -> {
        out.writeByte('M');
        TreeMap<String, AttributeValue> entries = new TreeMap<>(value.m());
        out.writeInt(entries.size());
        for (Map.Entry<String, AttributeValue> entry : entries.entrySet()) {
          out.writeText(entry.getKey());
          writeValue(out, entry.getValue());
        }
      }
      default -> throw new IllegalArgumentException("attribute value of unknown type " + value.type());
    }
  }

  /**
   * DynamoDB stores numbers normalised ({@code 1200.00} reads back as {@code 1200}); the tag must agree. Plain decimals
   * without leading zeros (amounts, counts, line numbers) are normalised here as {@link BigDecimal} would; any other
   * form goes through it.
   */
  static String number(String text) {
    int length = text.length();
    int dot = text.indexOf('.');
    int integerDigits = dot < 0 ? length : dot;
    if (integerDigits == 0 || (text.charAt(0) == '0' && integerDigits > 1) || !allDigits(text, 0, integerDigits)
        || (dot >= 0 && (dot == length - 1 || !allDigits(text, dot + 1, length)))) {
      return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }
    if (dot < 0) {
      return text;
    }
    int end = length;
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    return text.substring(0, end == dot + 1 ? dot : end);
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static void writeSortedTexts(CanonicalBytes out, List<String> texts) {
    List<String> sorted = new ArrayList<>(texts);
    sorted.sort(null);
    out.writeInt(sorted.size());
    for (String text : sorted) {
      out.writeText(text);
    }
  }

  /** The canonical form's bytes: big-endian lengths, each variable part after its length; unsynchronised. */
  private static final class CanonicalBytes {
    private byte[] bytes;
    private int size;

    CanonicalBytes(int capacity) {
      bytes = new byte[capacity];
    }

    void writeByte(int value) {
      ensure(1);
      bytes[size++] = (byte) value;
    }

    void writeInt(int value) {
      ensure(4);
      bytes[size++] = (byte) (value >>> 24);
      bytes[size++] = (byte) (value >>> 16);
      bytes[size++] = (byte) (value >>> 8);
      bytes[size++] = (byte) value;
    }

    void writeText(String text) {
      writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    void writeBytes(byte[] part) {
      writeInt(part.length);
      ensure(part.length);
      System.arraycopy(part, 0, bytes, size, part.length);
      size += part.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
