package io.qualityhub.monitor;

import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.RefusedItems;
import io.qualityhub.deadlines.UploadSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads intake's arrivals ledger ({@link ItemKeys#uploadsPk}): when each branch file was first taken, one query per
 * business date. An entry whose seal fails is left out and counted, as the monitor does with state items: a forged
 * arrival must not silence a missing-upload alert.
 */
final class UploadArrivals {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;

  UploadArrivals(DynamoDbClient dynamoDb, String table, ItemSeal seal) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.seal = seal;
  }

  /** Every file taken for a business date in {@code [from, to]}, with when it was first taken. */
  Map<UploadSlot, Instant> between(LocalDate from, LocalDate to, RefusedItems refused) {
    Map<UploadSlot, Instant> arrivals = new HashMap<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      LocalDate businessDate = day;
      QueryRequest query = QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ItemKeys.uploadsPk(day))))
          .consistentRead(true)
          .build();
      dynamoDb.queryPaginator(query).items().stream()
          .filter(item -> seal.accepts(item, refused))
          .forEach(item -> {
            String[] branchAndType = item.get(ItemKeys.SK).s().split("#", 2);
            arrivals.put(new UploadSlot(branchAndType[0], branchAndType[1], businessDate),
                Instant.parse(item.get(ItemKeys.ARRIVED_AT).s()));
          });
    }
    return arrivals;
  }
}
