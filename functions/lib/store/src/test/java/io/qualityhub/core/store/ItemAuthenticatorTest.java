package io.qualityhub.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.crypto.DataKey;
import io.qualityhub.core.crypto.FieldBinding;
import io.qualityhub.core.crypto.FieldCipher;
import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.crypto.TamperedValueException.Check;
import io.qualityhub.core.format.FileFormat;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item integrity without AWS: the tag intake puts on a row item, and what makes it fail. */
class ItemAuthenticatorTest {

  private static final String TABLE = "qualityhub-test-records";
  private static final String HEADER_ORDER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,documents_complete_at,decided_at,paid_at,closed_at,amount_claimed,amount_paid,currency,handler_id,"
      + "updated_at,customer_name,customer_id_no,customer_phone,diagnosis";

  private final FieldCipher cipher = new FieldCipher(new DataKey(bytes(32, 7), bytes(8, 1)));
  private final ItemAuthenticator authenticator = new ItemAuthenticator(TABLE, cipher);
  private final RecordItemMapper mapper = new RecordItemMapper(TABLE,
      new UploadKey("TPE-01", LocalDate.parse("2026-11-23"), RecordType.CLAIMS, FileFormat.CSV, false),
      "gen-1", cipher, new BlindIndex(bytes(32, 9)), "KEY#gen-1#a");

  @Test
  void anItemAsIntakeWroteItPassesAndDynamoDbsNumberNormalisationDoesNotMatter() {
    Map<String, AttributeValue> item = claim("C-1", "paid", "1200.50", "1200.00");
    authenticator.verify(item);

    Map<String, AttributeValue> asReadBack = new HashMap<>(item);
    asReadBack.put("amount_paid", AttributeValue.fromN("1200")); // DynamoDB drops trailing zeros
    authenticator.verify(asReadBack);
  }

  @Test
  void changingAnyAttributeOfTheItemFailsItsCheck() {
    Map<String, AttributeValue> item = claim("C-1", "paid", "1200.50", "1200.00");
    List<String> undetected = new ArrayList<>();
    for (String name : item.keySet()) {
      if (name.equals(ItemAuthenticator.TAG)) {
        continue;
      }
      Map<String, AttributeValue> changed = new HashMap<>(item);
      changed.put(name, altered(item.get(name)));
      if (!fails(changed, Check.ITEM_ATTRIBUTES)) {
        undetected.add(name);
      }
    }
    assertEquals(List.of(), undetected, "attributes whose change went unnoticed");
    assertTrue(item.size() > 25, "the claim item carries its columns, provenance, ciphertexts and blind terms: " + item.keySet());
  }

  @Test
  void removingOrAddingAnAttributeFailsItsCheck() {
    Map<String, AttributeValue> item = claim("C-1", "paid", "1200.50", "1200.00");
    Map<String, AttributeValue> withoutBlindTerm = new HashMap<>(item);
    withoutBlindTerm.remove(RecordItemMapper.BLIND_ID_NO);
    assertTrue(fails(withoutBlindTerm, Check.ITEM_ATTRIBUTES));

    Map<String, AttributeValue> withForeignAttribute = new HashMap<>(item);
    withForeignAttribute.put("closed_at", AttributeValue.fromS("2026-11-24T10:00:00+08:00"));
    assertTrue(fails(withForeignAttribute, Check.ITEM_ATTRIBUTES));

    Map<String, AttributeValue> untagged = new HashMap<>(item);
    untagged.remove(ItemAuthenticator.TAG);
    assertTrue(fails(untagged, Check.ITEM_TAG_MISSING));
  }

  @Test
  void aCiphertextOrTagCopiedFromAnotherItemIsRefused() {
    Map<String, AttributeValue> mine = claim("C-1", "paid", "1200.50", "1200.00");
    Map<String, AttributeValue> other = claim("C-2", "paid", "1200.50", "1200.00");

    Map<String, AttributeValue> withOthersName = new HashMap<>(mine);
    withOthersName.put("customer_name", other.get("customer_name"));
    assertTrue(fails(withOthersName, Check.ITEM_ATTRIBUTES), "the item tag covers ciphertexts too");
    TamperedValueException field = assertThrows(TamperedValueException.class, () -> cipher.decrypt(
        other.get("customer_name").b().asByteArray(), new FieldBinding(TABLE, ItemAuthenticator.itemKey(mine), "customer_name")));
    assertEquals(Check.ENCRYPTED_VALUE, field.check());
    assertEquals("customer_name", field.attribute());

    Map<String, AttributeValue> withOthersTag = new HashMap<>(mine);
    withOthersTag.put(ItemAuthenticator.TAG, other.get(ItemAuthenticator.TAG));
    assertTrue(fails(withOthersTag, Check.ITEM_ATTRIBUTES));
  }

  @Test
  void aTagMadeUnderAnotherDataKeyFails() {
    Map<String, AttributeValue> item = claim("C-1", "paid", "1200.50", "1200.00");
    ItemAuthenticator otherKey = new ItemAuthenticator(TABLE, new FieldCipher(new DataKey(bytes(32, 8), bytes(8, 1))));
    TamperedValueException failure = assertThrows(TamperedValueException.class, () -> otherKey.verify(item));
    assertEquals(Check.ITEM_ATTRIBUTES, failure.check());
  }

  @Test
  void theFailureNamesTheItemAndTheCheckButNoValue() {
    Map<String, AttributeValue> item = claim("C-1", "paid", "1200.50", "1200.00");
    item.put("status", AttributeValue.fromS("closed"));
    TamperedValueException failure = assertThrows(TamperedValueException.class, () -> authenticator.verify(item));
    assertEquals("REC#claims#TPE-01#C-1|2026-11-23#gen-1#2026-11-22T02:00:00Z", failure.itemKey());
    assertEquals("item REC#claims#TPE-01#C-1|2026-11-23#gen-1#2026-11-22T02:00:00Z in qualityhub-test-records fails its integrity"
        + " check: an attribute was changed, added or removed since it was written, or the tag belongs to another item",
        failure.getMessage());
    for (String value : List.of("closed", "paid", "1200", "陳美玲", "A123456789", "骨折")) {
      assertFalse(failure.getMessage().contains(value), value);
    }
  }

  @Test
  void theCanonicalFormDependsOnNeitherAttributeOrderNorSetOrder() {
    Map<String, AttributeValue> a = new java.util.LinkedHashMap<>();
    a.put("pk", AttributeValue.fromS("P"));
    a.put("tags", AttributeValue.fromSs(List.of("x", "y")));
    a.put("nested", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("1.50"), "l", AttributeValue.fromL(List.of(
        AttributeValue.fromBool(true), AttributeValue.fromNul(true))))));
    Map<String, AttributeValue> b = new java.util.LinkedHashMap<>();
    b.put("nested", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(
        AttributeValue.fromBool(true), AttributeValue.fromNul(true))), "n", AttributeValue.fromN("1.5"))));
    b.put("tags", AttributeValue.fromSs(List.of("y", "x")));
    b.put("pk", AttributeValue.fromS("P"));
    assertEquals(java.util.HexFormat.of().formatHex(ItemAuthenticator.canonical(TABLE, a)),
        java.util.HexFormat.of().formatHex(ItemAuthenticator.canonical(TABLE, b)));
    // ...while a value that merely reads alike under another type or name does not collide.
    Map<String, AttributeValue> c = new HashMap<>(a);
    c.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromS("y"))));
    assertFalse(java.util.Arrays.equals(ItemAuthenticator.canonical(TABLE, a), ItemAuthenticator.canonical(TABLE, c)));
    assertFalse(java.util.Arrays.equals(ItemAuthenticator.canonical(TABLE, a), ItemAuthenticator.canonical("other-table", a)));
  }

  private Map<String, AttributeValue> claim(String id, String status, String claimed, String paid) {
    String[] columns = HEADER_ORDER.split(",");
    Map<String, String> row = new HashMap<>(Map.of(
        "claim_id", id, "policy_id", "P-1", "product_code", "HLT-01", "product_line", "health", "complexity", "simple",
        "green_channel", "N", "status", status, "reported_at", "2026-11-20T09:00:00+08:00", "amount_claimed", claimed,
        "currency", "TWD"));
    row.putAll(Map.of("amount_paid", paid, "handler_id", "H-7", "updated_at", "2026-11-22T10:00:00+08:00",
        "customer_name", "陳美玲", "customer_id_no", "A123456789", "customer_phone", "0912-345-678", "diagnosis", "骨折"));
    String[] values = new String[RecordType.CLAIMS.columns().size()];
    for (String column : columns) {
      values[RecordType.CLAIMS.indexOf(column)] = row.get(column);
    }
    return new HashMap<>(mapper.toItem(2, values));
  }

  private boolean fails(Map<String, AttributeValue> item, Check check) {
    try {
      authenticator.verify(item);
      return false;
    } catch (TamperedValueException e) {
      return e.check() == check;
    }
  }

  private static AttributeValue altered(AttributeValue value) {
    return switch (value.type()) {
      case S -> AttributeValue.fromS(value.s() + "x");
      case N -> AttributeValue.fromN(new java.math.BigDecimal(value.n()).add(java.math.BigDecimal.ONE).toPlainString());
      case BOOL -> AttributeValue.fromBool(!value.bool());
      case B -> {
        byte[] flipped = value.b().asByteArray();
        flipped[flipped.length - 1] ^= 1;
        yield AttributeValue.fromB(SdkBytes.fromByteArray(flipped));
      }
      default -> throw new IllegalArgumentException("a row item holds no " + value.type());
    };
  }

  private static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }
}
