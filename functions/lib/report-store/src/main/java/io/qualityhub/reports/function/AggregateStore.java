package io.qualityhub.reports.function;

import io.qualityhub.core.store.IntegrityFailures;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.AggregateSource;
import io.qualityhub.reports.aggregate.DailyAggregate;
import io.qualityhub.reports.report.ProblemItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The aggregates in the reports table: one item per uploaded file (its slot: branch, business date,
 * record type), holding the aggregate of the file's current generation. A newer generation
 * overwrites the item, so a re-upload replaces its file's contribution exactly; the write is
 * conditional on intake's order token, so a late event of an older upload never undoes a newer one.
 *
 * <p>Items of one month share a partition ({@code AGG#2026-11}), sorted by date, so a report reads
 * a period with one query per month and never a record. Every item is sealed ({@link ItemSeal}); a report uses
 * none whose seal fails, and counts it with {@code refused}.
 */
final class AggregateStore implements AggregateSource {

  static final String PK = "pk";
  static final String SK = "sk";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ItemSeal seal;
  private final IntegrityFailures refused;

  AggregateStore(DynamoDbClient dynamoDb, ItemSeal seal, IntegrityFailures refused) {
    this.dynamoDb = dynamoDb;
    this.table = seal.table();
    this.seal = seal;
    this.refused = refused;
  }

  enum PutOutcome { STORED, STALE_IGNORED }

  /**
   * @param orderToken intake's order of uploads of one key (its {@code CURRENT} item's {@code orderToken});
   *     equal tokens rewrite the same generation, which makes a redelivered event harmless
   */
  PutOutcome put(String fileId, String generation, String orderToken, FileAggregate file) {
    DailyAggregate aggregate = file.aggregate();
    Map<String, AttributeValue> item = new HashMap<>(keyOf(aggregate.key().businessDate(), slotOf(aggregate)));
    item.put("fileId", AttributeValue.fromS(fileId));
    item.put("generation", AttributeValue.fromS(generation));
    item.put("orderToken", AttributeValue.fromS(orderToken));
    item.put("aggregate", AttributeValue.fromS(AggregateJson.write(aggregate)));
    item.put("problems", AttributeValue.fromL(file.problems().stream()
        .map(problem -> AttributeValue.fromS(FileAggregate.stored(problem))).toList()));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(seal.sealed(item))
          .conditionExpression("attribute_not_exists(pk) OR orderToken <= :token")
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(orderToken))));
      return PutOutcome.STORED;
    } catch (ConditionalCheckFailedException newerStored) {
      return PutOutcome.STALE_IGNORED;
    }
  }

  @Override
  public List<DailyAggregate> aggregatesBetween(LocalDate from, LocalDate toInclusive) {
    List<DailyAggregate> aggregates = new ArrayList<>();
    items(from, toInclusive, item -> aggregates.add(AggregateJson.read(item.get("aggregate").s())));
    return aggregates;
  }

  /**
   * The problem items counted in [from, toInclusive] by the files of {@code branch}, or of every
   * branch when null (then as {@code TPE-01:C-123}).
   */
  List<ProblemItem> problemsBetween(LocalDate from, LocalDate toInclusive, String branch, Set<String> reasons) {
    List<ProblemItem> problems = new ArrayList<>();
    items(from, toInclusive, item -> {
      AttributeValue stored = item.get("problems");
      String itemBranch = item.get(SK).s().split("#")[1]; // {date}#{branch}#{TYPE}
      if (stored == null || (branch != null && !branch.equals(itemBranch))) {
        return;
      }
      for (AttributeValue problem : stored.l()) {
        String[] parts = problem.s().split(" ", 2);
        if (reasons.contains(parts[0])) {
          // Ids are unique within a branch: a company-wide list names the branch too.
          problems.add(new ProblemItem(branch == null ? itemBranch + ":" + parts[1] : parts[1], parts[0]));
        }
      }
    });
    return problems;
  }

  /**
   * Per branch, the last time the figures of a day in [from, toInclusive] changed, from the {@code changedAt} the
   * aggregate function writes on the aggregates it keeps record by record ({@link ContributionStore}).
   */
  Map<String, Instant> changedBetween(LocalDate from, LocalDate toInclusive) {
    Map<String, Instant> changed = new HashMap<>();
    items(from, toInclusive, item -> {
      AttributeValue changedAt = item.get("changedAt");
      if (changedAt != null) {
        changed.merge(item.get(SK).s().split("#")[1], Instant.parse(changedAt.s()),
            (one, other) -> one.isAfter(other) ? one : other);
      }
    });
    return changed;
  }

  private void items(LocalDate from, LocalDate toInclusive, Consumer<Map<String, AttributeValue>> action) {
    for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(toInclusive)); month = month.plusMonths(1)) {
      QueryRequest query = QueryRequest.builder().tableName(table)
          .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
          .expressionAttributeValues(Map.of(
              ":pk", AttributeValue.fromS(partitionOf(month)),
              ":from", AttributeValue.fromS(from.toString()),
              ":to", AttributeValue.fromS(toInclusive + "~")))
          .consistentRead(true)
          .build();
      dynamoDb.queryPaginator(query).items().stream().filter(item -> seal.accepts(item, refused)).forEach(action);
    }
  }

  static Map<String, AttributeValue> keyOf(LocalDate businessDate, String slot) {
    return Map.of(PK, AttributeValue.fromS(partitionOf(YearMonth.from(businessDate))),
        SK, AttributeValue.fromS(businessDate + "#" + slot));
  }

  private static String slotOf(DailyAggregate aggregate) {
    return aggregate.key().branch() + "#" + aggregate.key().recordType().name();
  }

  private static String partitionOf(YearMonth month) {
    return "AGG#" + month;
  }
}
