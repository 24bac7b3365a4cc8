package io.qualityhub.monitor;

import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.RefusedItems;
import io.qualityhub.deadlines.UploadSlot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads intake's arrivals ledger ({@link ItemKeys#uploadsPk}): when each branch file was first taken, and which files
 * the manifests in force name ({@link ItemKeys#manifestNamedSk}), one query per business date. An entry whose seal
 * fails is left out and counted, as the monitor does with state items: a forged arrival must not silence a
 * missing-upload alert.
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

  /** What the ledger holds for business dates in {@code [from, to]}. */
  record Ledger(Map<UploadSlot, Instant> arrivals, Set<UploadSlot> named) {}

  /** Every file taken for a business date in {@code [from, to]}, with when it was first taken, and every file named. */
  Ledger between(LocalDate from, LocalDate to, RefusedItems refused) {
    Map<UploadSlot, Instant> arrivals = new HashMap<>();
    Set<UploadSlot> named = new HashSet<>();
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
            String sk = item.get(ItemKeys.SK).s();
            if (sk.startsWith(ItemKeys.MANIFEST_NAMED_PREFIX)) {
              String branch = sk.substring(ItemKeys.MANIFEST_NAMED_PREFIX.length());
              item.get(ItemKeys.NAMED_TYPES).l()
                  .forEach(type -> named.add(new UploadSlot(branch, type.s(), businessDate)));
            } else {
              String[] branchAndType = sk.split("#", 2);
              arrivals.put(new UploadSlot(branchAndType[0], branchAndType[1], businessDate),
                  Instant.parse(item.get(ItemKeys.ARRIVED_AT).s()));
            }
          });
    }
    return new Ledger(arrivals, named);
  }
}
