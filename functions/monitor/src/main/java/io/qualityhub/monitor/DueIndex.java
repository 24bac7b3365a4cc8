package io.qualityhub.monitor;

import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.store.RecordItemMapper;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.intake.DeadlineItems;
import io.qualityhub.intake.UnreadableStateItemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The open-deadline index as the monitor uses it: per shard, the state items whose next level has
 * begun by the run's instant (the index projects whole items, so the query is the only read, and its
 * cost follows what is open and due, never the table's history); then each item moved on to its next
 * level's start, or out of the index.
 */
final class DueIndex {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;

  /** @param seal what every item read must carry, and what each index move renews */
  DueIndex(DynamoDbClient dynamoDb, String table, ItemSeal seal) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.seal = seal;
  }

  /**
   * Where an item waits once nothing is left to alert but a clock still runs (severely overdue):
   * after every run's {@code dueAt <= now}, yet still in the index, so the daily snapshot counts it
   * until intake writes a state with no running clock, which drops it.
   */
  static final String PARKED = "9999-12-31T23:59:59Z";

  /**
   * What one run reads of the index: the items due ({@code dueAt <= now}, in index order) and, for
   * the daily run only, every claim in the index, parked ones included (the claims with a running
   * clock), for its overdue-claims snapshot. An item whose seal fails is handed to {@code refused}
   * and left out of both: no alert is sent on it and its entry is not moved. An open claim that is
   * due is turned into its clocks once and is the same {@link IndexedItem} in both lists;
   * {@code itemsTyped} counts the items so turned.
   */
  record Reading(List<IndexedItem> due, List<IndexedItem> openClaims, int itemsTyped) {}

  /**
   * One query per shard and run. The daily run needs the whole index anyway (its snapshot counts
   * every open claim), so it reads each shard once and picks the due items out itself, instead of a
   * second query per shard for {@code dueAt <= now}. The hourly green-channel run reads only what is
   * due and filters on the server; filtered items still count as read capacity, which is why it
   * costs what the due items cost.
   */
  Reading read(Instant now, MonitorScope scope, IntegrityFailures refused, DeadlineIndexer reader) {
    // Index times are rounded up, so an item whose level begins within this second waits for the next run.
    String nowIndexTime = DeadlineIndexer.indexTime(now.truncatedTo(ChronoUnit.SECONDS));
    List<IndexedItem> due = new ArrayList<>();
    List<IndexedItem> openClaims = new ArrayList<>();
    int typed = 0;
    for (String shard : DeadlineIndexer.shards()) {
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":shard", AttributeValue.fromS(shard));
      QueryRequest.Builder query = QueryRequest.builder()
          .tableName(table)
          .indexName(DeadlineIndexer.DUE_INDEX);
      if (scope == MonitorScope.GREEN_CHANNEL) {
        values.put(":now", AttributeValue.fromS(nowIndexTime));
        values.put(":claims", AttributeValue.fromS(DeadlineItems.CLAIMS));
        values.put(":green", AttributeValue.fromBool(true));
        query.keyConditionExpression("dueShard = :shard AND dueAt <= :now")
            .filterExpression("recordType = :claims AND green_channel = :green");
      } else {
        query.keyConditionExpression("dueShard = :shard");
      }
      query.expressionAttributeValues(values);
      for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(query.build()).items()) {
        // String order of index times is time order, as in the key condition.
        boolean isDue = item.get(DeadlineIndexer.DUE_AT).s().compareTo(nowIndexTime) <= 0;
        boolean isOpenClaim = scope == MonitorScope.ALL && item.containsKey("recordType")
            && DeadlineItems.CLAIMS.equals(item.get("recordType").s());
        // Only what the run uses is checked: an item neither due nor a claim is not this run's business.
        if ((isDue || isOpenClaim) && seal.accepts(item, refused)) {
          IndexedItem typedItem = read(item, reader);
          typed++;
          if (isDue) {
            due.add(movable(item, typedItem));
          }
          if (isOpenClaim) {
            openClaims.add(typedItem);
          }
        }
      }
    }
    return new Reading(due, openClaims, typed);
  }

  /**
   * The item as the run may move it on: its move is conditional on its source, so an item without one cannot be moved
   * and is reported instead.
   */
  private static IndexedItem movable(Map<String, AttributeValue> item, IndexedItem typed) {
    if (!item.containsKey(RecordItemMapper.SOURCE_SK)) {
      return new IndexedItem.Unreadable(
          new UnreadableStateItemException(item.get(ItemKeys.PK).s(), RecordItemMapper.SOURCE_SK, "is missing").getMessage());
    }
    return typed;
  }

  private static IndexedItem read(Map<String, AttributeValue> item, DeadlineIndexer reader) {
    try {
      return new IndexedItem.Readable(new Entry(item), reader.openDeadlines(item));
    } catch (UnreadableStateItemException unreadable) {
      return new IndexedItem.Unreadable(unreadable.getMessage());
    }
  }

  /** An index entry as read, handed back to {@link #advance}: the move is conditional on what was read. */
  static final class Entry {

    private final Map<String, AttributeValue> item;

    private Entry(Map<String, AttributeValue> item) {
      this.item = item;
    }
  }

  /**
   * Moves an item's entry to {@code next}; when empty, parks it while a clock still runs
   * ({@code stillOpen}), else removes it, and seals the item as it then stands. Conditional on the
   * item being the one the run read ({@code sourceSk} and seal): a state intake wrote meanwhile keeps
   * the entry intake gave it, and an item that no longer exists is not recreated.
   */
  boolean advance(Entry entry, Optional<Instant> next, boolean stillOpen) {
    Map<String, AttributeValue> item = entry.item;
    Map<String, AttributeValue> moved = new HashMap<>(item);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":source", item.get(RecordItemMapper.SOURCE_SK));
    values.put(":seal", item.get(ItemSeal.ATTRIBUTE));
    String update;
    if (next.isPresent() || stillOpen) {
      moved.put(DeadlineIndexer.DUE_SHARD, AttributeValue.fromS(DeadlineIndexer.shardOf(item.get(ItemKeys.PK).s())));
      moved.put(DeadlineIndexer.DUE_AT, AttributeValue.fromS(next.map(DeadlineIndexer::indexTime).orElse(PARKED)));
      values.put(":shard", moved.get(DeadlineIndexer.DUE_SHARD));
      values.put(":due", moved.get(DeadlineIndexer.DUE_AT));
      update = "SET dueShard = :shard, dueAt = :due, #seal = :moved";
    } else {
      moved.remove(DeadlineIndexer.DUE_SHARD);
      moved.remove(DeadlineIndexer.DUE_AT);
      update = "REMOVE dueShard, dueAt SET #seal = :moved";
    }
    values.put(":moved", seal.sealOf(moved));
    try {
      dynamoDb.updateItem(request -> request.tableName(table)
          .key(Map.of(ItemKeys.PK, item.get(ItemKeys.PK), ItemKeys.SK, item.get(ItemKeys.SK)))
          .updateExpression(update)
          // The seal read is the item's whole content: an item changed since the read keeps what it has.
          .conditionExpression("sourceSk = :source AND #seal = :seal")
          .expressionAttributeNames(Map.of("#seal", ItemSeal.ATTRIBUTE))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException changedMeanwhile) {
      return false;
    }
  }
}
