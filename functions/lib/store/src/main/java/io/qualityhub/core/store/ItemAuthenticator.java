package io.qualityhub.core.store;

import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.crypto.TamperedValueException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  public ItemAuthenticator(String table, FieldCipher cipher) {
    this.table = table;
    this.cipher = cipher;
  }

  /** The tag of {@code item} as it stands (any existing tag attribute is left out of it). */
  public AttributeValue tagFor(Map<String, AttributeValue> item) {
    return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(cipher.tag(canonical(table, item))));
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
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeBytes(out, domain);
      writeText(out, table);
      TreeMap<String, AttributeValue> sorted = new TreeMap<>(item);
      sorted.remove(tagAttribute);
      out.writeInt(sorted.size());
      for (Map.Entry<String, AttributeValue> attribute : sorted.entrySet()) {
        writeText(out, attribute.getKey());
        writeValue(out, attribute.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static void writeValue(DataOutputStream out, AttributeValue value) throws IOException {
    switch (value.type()) {
      case S -> {
        out.writeByte('S');
        writeText(out, value.s());
      }
      case N -> {
        out.writeByte('N');
        writeText(out, number(value.n()));
      }
      case B -> {
        out.writeByte('B');
        writeBytes(out, value.b().asByteArrayUnsafe());
      }
      case BOOL -> {
        out.writeByte('O');
        out.writeBoolean(value.bool());
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
          writeBytes(out, member);
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
          writeText(out, entry.getKey());
          writeValue(out, entry.getValue());
        }
      }
      default -> throw new IllegalArgumentException("attribute value of unknown type " + value.type());
    }
  }

  /** DynamoDB stores numbers normalised ({@code 1200.00} reads back as {@code 1200}); the tag must agree. */
  private static String number(String text) {
    return new BigDecimal(text).stripTrailingZeros().toPlainString();
  }

  private static void writeSortedTexts(DataOutputStream out, List<String> texts) throws IOException {
    List<String> sorted = new ArrayList<>(texts);
    sorted.sort(null);
    out.writeInt(sorted.size());
    for (String text : sorted) {
      writeText(out, text);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
