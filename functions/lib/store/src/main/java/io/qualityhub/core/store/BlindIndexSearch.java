package io.qualityhub.core.store;

import io.qualityhub.core.crypto.BlindIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds the stored items whose blind-index term matches a value: the term is computed here, the
 * keys-only index gives the item keys, and each item is read whole. Items of every generation are
 * returned; which of them count is the caller's decision.
 */
final class BlindIndexSearch {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final BlindIndex blindIndex;

  BlindIndexSearch(DynamoDbClient dynamoDb, String table, BlindIndex blindIndex) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.blindIndex = blindIndex;
  }

  String term(BlindIndexedColumn column, String value) {
    return blindIndex.term(column.domain(), value);
  }

  List<Map<String, AttributeValue>> items(BlindIndexedColumn column, String value) {
    AttributeValue term = AttributeValue.fromS(term(column, value));
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    dynamoDb.queryPaginator(request -> request
            .tableName(table)
            .indexName(column.indexName())
            .keyConditionExpression("#term = :term")
            .expressionAttributeNames(Map.of("#term", column.termAttribute()))
            .expressionAttributeValues(Map.of(":term", term)))
        .items()
        .forEach(key -> {
          Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
              .key(Map.of(ItemKeys.PK, key.get(ItemKeys.PK), ItemKeys.SK, key.get(ItemKeys.SK)))).item();
          // The index lags the table: an item erased or withdrawn a moment ago may still be listed.
          if (item != null && term.equals(item.get(column.termAttribute()))) {
            items.add(item);
          }
        });
    return items;
  }
}
