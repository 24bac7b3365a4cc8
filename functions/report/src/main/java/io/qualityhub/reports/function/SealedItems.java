package io.qualityhub.reports.function;

import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemAuthenticator;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The whole items behind index entries, each checked against its seal. The action and inspection indexes project
 * a few attributes, not the whole item a seal covers, so the report reads the items themselves (one consistent
 * BatchGetItem per 100 entries) and uses only those whose seal holds; a refused one is counted and left out.
 */
final class SealedItems {

  private static final int KEYS_PER_REQUEST = 100;
  private static final int MAX_ROUNDS = 8;

  private final DynamoDbClient dynamoDb;
  private final ItemSeal seal;
  private final IntegrityFailures refused;

  SealedItems(DynamoDbClient dynamoDb, ItemSeal seal, IntegrityFailures refused) {
    this.dynamoDb = dynamoDb;
    this.seal = seal;
    this.refused = refused;
  }

  /** The checked items behind {@code entries}, in their order; entries whose item is gone or refused are left out. */
  List<Map<String, AttributeValue>> behind(List<Map<String, AttributeValue>> entries) {
    Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
    for (Map<String, AttributeValue> entry : entries) {
      keys.putIfAbsent(ItemAuthenticator.itemKey(entry),
          Map.of(ItemKeys.PK, entry.get(ItemKeys.PK), ItemKeys.SK, entry.get(ItemKeys.SK)));
    }
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.values());
    for (int start = 0; start < pending.size(); start += KEYS_PER_REQUEST) {
      read(pending.subList(start, Math.min(pending.size(), start + KEYS_PER_REQUEST)), items);
    }
    List<Map<String, AttributeValue>> checked = new ArrayList<>();
    for (String itemKey : keys.keySet()) {
      Map<String, AttributeValue> item = items.get(itemKey);
      if (item != null && seal.accepts(item, refused)) {
        checked.add(item);
      }
    }
    return checked;
  }

  /** The items, read whole already, whose seal holds; a refused one is counted and left out. */
  List<Map<String, AttributeValue>> accepted(List<Map<String, AttributeValue>> items) {
    return items.stream().filter(item -> seal.accepts(item, refused)).toList();
  }

  private void read(List<Map<String, AttributeValue>> keys, Map<String, Map<String, AttributeValue>> into) {
    Map<String, KeysAndAttributes> request = Map.of(seal.table(),
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    for (int round = 0; !request.isEmpty(); round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("DynamoDB left items of table " + seal.table() + " unread after " + MAX_ROUNDS
            + " rounds of BatchGetItem; the report will be retried");
      }
      Map<String, KeysAndAttributes> asked = request;
      BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(asked));
      response.responses().getOrDefault(seal.table(), List.of())
          .forEach(item -> into.put(ItemAuthenticator.itemKey(item), item));
      request = response.unprocessedKeys();
    }
  }
}
