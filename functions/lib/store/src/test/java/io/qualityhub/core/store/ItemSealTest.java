package io.qualityhub.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.crypto.TamperedValueException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSealTest {

  private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private final ItemSeal seal = new ItemSeal("records", KEY);

  private static Map<String, AttributeValue> claimState() {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS("REC#claims#TPE-01#CLM-1"));
    item.put("sk", AttributeValue.fromS("STATE"));
    item.put("status", AttributeValue.fromS("under_review"));
    item.put("dueShard", AttributeValue.fromS("DUE#2"));
    item.put("dueAt", AttributeValue.fromS("2026-11-05T01:00:00Z"));
    item.put("claimed_amount", AttributeValue.fromN("1200.00"));
    return item;
  }

  @Test
  void aSealedItemPassesAsDynamoDbReturnsIt() {
    Map<String, AttributeValue> stored = seal.sealed(claimState());
    assertEquals(17, stored.get(ItemSeal.ATTRIBUTE).b().asByteArray().length, "version byte and 128-bit MAC");
    Map<String, AttributeValue> readBack = new HashMap<>(stored);
    readBack.put("claimed_amount", AttributeValue.fromN("1200")); // DynamoDB normalises numbers
    seal.verify(readBack);
  }

  @Test
  void aChangedStatusOrDueEntryFailsNamingTheItemAndNoValue() {
    for (String[] change : List.of(new String[] {"status", "closed"}, new String[] {"dueAt", "9999-12-31T23:59:59Z"})) {
      Map<String, AttributeValue> tampered = seal.sealed(claimState());
      tampered.put(change[0], AttributeValue.fromS(change[1]));
      TamperedValueException e = assertThrows(TamperedValueException.class, () -> seal.verify(tampered));
      assertEquals(TamperedValueException.Check.ITEM_ATTRIBUTES, e.check());
      assertEquals("REC#claims#TPE-01#CLM-1|STATE", e.itemKey());
      assertFalse(e.getMessage().contains(change[1]), e.getMessage());
    }
  }

  @Test
  void aRemovedOrAddedAttributeFails() {
    Map<String, AttributeValue> removed = seal.sealed(claimState());
    removed.remove("dueAt");
    assertEquals(TamperedValueException.Check.ITEM_ATTRIBUTES,
        assertThrows(TamperedValueException.class, () -> seal.verify(removed)).check());
    Map<String, AttributeValue> added = seal.sealed(claimState());
    added.put("green_channel", AttributeValue.fromBool(true));
    assertEquals(TamperedValueException.Check.ITEM_ATTRIBUTES,
        assertThrows(TamperedValueException.class, () -> seal.verify(added)).check());
  }

  @Test
  void anUnsealedItemOrASealFromAnotherItemTableOrKeyFails() {
    assertEquals(TamperedValueException.Check.ITEM_TAG_MISSING,
        assertThrows(TamperedValueException.class, () -> seal.verify(claimState())).check());

    Map<String, AttributeValue> other = claimState();
    other.put("pk", AttributeValue.fromS("REC#claims#TPE-01#CLM-2"));
    Map<String, AttributeValue> copied = claimState();
    copied.put(ItemSeal.ATTRIBUTE, seal.sealOf(other));
    assertThrows(TamperedValueException.class, () -> seal.verify(copied));

    Map<String, AttributeValue> sealedElsewhere = new ItemSeal("reports", KEY).sealed(claimState());
    assertThrows(TamperedValueException.class, () -> seal.verify(sealedElsewhere));

    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    Map<String, AttributeValue> forged = new ItemSeal("records", otherKey).sealed(claimState());
    assertThrows(TamperedValueException.class, () -> seal.verify(forged));
  }

  @Test
  void aRowTagIsNoSeal() {
    Map<String, AttributeValue> item = claimState();
    item.put(ItemSeal.ATTRIBUTE, item.get("status"));
    assertEquals(TamperedValueException.Check.ITEM_TAG_MISSING,
        assertThrows(TamperedValueException.class, () -> seal.verify(item)).check());
  }

  @Test
  void acceptsCountsWhatItRefuses() {
    List<TamperedValueException> refused = new ArrayList<>();
    Map<String, AttributeValue> tampered = seal.sealed(claimState());
    tampered.put("status", AttributeValue.fromS("closed"));
    assertTrue(seal.accepts(seal.sealed(claimState()), refused::add));
    assertFalse(seal.accepts(tampered, refused::add));
    assertEquals(1, refused.size());
  }
}
