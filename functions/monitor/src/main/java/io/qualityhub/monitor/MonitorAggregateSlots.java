package io.qualityhub.monitor;

import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.AggregateOrigin;
import io.qualityhub.reports.aggregate.Fact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The aggregates the monitor itself writes into the reports table, in the item layout of the reports' aggregate
 * store: partition {@code AGG#{month}}, sort {@code {date}#{branch}#{type}}, the aggregate as JSON, sealed. One slot
 * per branch, date and type, so a rerun replaces it; the put is conditional on the run's instant, so a late retry of
 * an earlier run never undoes a later one.
 */
final class MonitorAggregateSlots {

  private final DynamoDbClient dynamoDb;
  private final ItemSeal seal;

  /** @param seal the reports table's seal: reports use only sealed aggregates */
  MonitorAggregateSlots(DynamoDbClient dynamoDb, ItemSeal seal) {
    this.dynamoDb = dynamoDb;
    this.seal = seal;
  }

  /** @return false when a later run already stored this slot */
  boolean put(String branch, LocalDate date, AggregateOrigin type, Fact fact, Instant runAt, String runId) {
    AggregateAccumulator accumulator = new AggregateAccumulator(new AggregateKey(branch, date, type, runAt.getEpochSecond()));
    accumulator.accept(fact);
    String orderToken = runAt.truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, AttributeValue> item = seal.sealed(Map.of(
        "pk", AttributeValue.fromS("AGG#" + YearMonth.from(date)),
        "sk", AttributeValue.fromS(date + "#" + branch + "#" + type.name()),
        "fileId", AttributeValue.fromS(runId),
        "generation", AttributeValue.fromS(runId),
        "orderToken", AttributeValue.fromS(orderToken),
        "aggregate", AttributeValue.fromS(AggregateJson.write(accumulator.toAggregate()))));
    try {
      dynamoDb.putItem(request -> request.tableName(seal.table()).item(item)
          .conditionExpression("attribute_not_exists(pk) OR orderToken <= :token")
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromS(orderToken))));
      return true;
    } catch (ConditionalCheckFailedException laterRunStored) {
      return false;
    }
  }
}
