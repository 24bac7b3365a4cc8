package io.qualityhub.reports.function;

import io.qualityhub.core.store.ItemKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Sampling's inspection tasks in the records table ({@code SAMPLE#<period>}, {@code TASK#<taskId>}), read with
 * BatchGetItem and only the attributes that say which record was inspected.
 */
final class SampledTasks implements FindingsReader.TaskLookup {

  /** Sampling's task ids: {@code INS-<period>-<16 hex digits>}, the period a month or an ISO week. */
  private static final Pattern TASK_ID = Pattern.compile("INS-(\\d{4}-(?:\\d{2}|W\\d{2}))-[0-9a-f]{16}");

  /** DynamoDB returns keys unprocessed when throttled: they are asked for again, after a growing pause. */
  private static final int MAX_ROUNDS = 8;
  private static final long FIRST_PAUSE_MILLIS = 50;

  private final DynamoDbClient dynamoDb;
  private final String table;

  SampledTasks(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The task item's key, if the id is shaped like one of sampling's task ids. */
  static Optional<Map<String, AttributeValue>> keyOf(String inspectionId) {
    Matcher id = TASK_ID.matcher(inspectionId);
    if (!id.matches()) {
      return Optional.empty();
    }
    return Optional.of(Map.of(ItemKeys.PK, AttributeValue.fromS("SAMPLE#" + id.group(1)),
        ItemKeys.SK, AttributeValue.fromS("TASK#" + inspectionId)));
  }

  @Override
  public Map<String, FindingsReader.InspectedRecord> find(Set<String> inspectionIds) {
    if (inspectionIds.size() > FindingsReader.BATCH) {
      throw new IllegalArgumentException("asked for " + inspectionIds.size() + " inspection tasks at once; BatchGetItem"
          + " takes at most " + FindingsReader.BATCH + " keys");
    }
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    inspectionIds.forEach(id -> keyOf(id).ifPresent(keys::add));
    Map<String, FindingsReader.InspectedRecord> found = new HashMap<>();
    Map<String, KeysAndAttributes> request = keys.isEmpty() ? Map.of() : Map.of(table, KeysAndAttributes.builder()
        .keys(keys).consistentRead(true).projectionExpression("taskId, branchCode, inspectedRecordType").build());
    for (int round = 0; !request.isEmpty(); round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("DynamoDB left inspection tasks of table " + table + " unread after "
            + MAX_ROUNDS + " rounds of BatchGetItem; the file event will be retried");
      }
      if (round > 0) {
        pause(FIRST_PAUSE_MILLIS << (round - 1));
      }
      Map<String, KeysAndAttributes> asked = request;
      BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(asked));
      response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(item.get("taskId").s(),
          new FindingsReader.InspectedRecord(item.get("branchCode").s(), item.get("inspectedRecordType").s())));
      request = response.unprocessedKeys();
    }
    return found;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to read inspection tasks again", e);
    }
  }
}
