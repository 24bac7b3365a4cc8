package io.qualityhub.monitor;

import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.reports.aggregate.AggregateAccumulator;
import io.qualityhub.reports.aggregate.AggregateJson;
import io.qualityhub.reports.aggregate.AggregateKey;
import io.qualityhub.reports.aggregate.RecordType;
import io.qualityhub.reports.aggregate.UploadPunctualityFact;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code UPLOADS} aggregate of a branch and business date in the reports table: how many files the upload calendar
 * expected and how many came by their cutoff, for the reports' on-time upload rate. Written by every daily run while
 * the date is reviewed, into one slot per branch and date ({@code {date}#{branch}#UPLOADS}), so a rerun replaces it;
 * conditional on the run's instant like {@link OverdueClaimsSnapshot}. After its cutoff a date's figures no longer
 * change: a late arrival stays late.
 */
final class UploadPunctualitySnapshot {

  private final DynamoDbClient dynamoDb;
  private final ItemSeal seal;

  /** @param seal the reports table's seal: reports use only sealed aggregates */
  UploadPunctualitySnapshot(DynamoDbClient dynamoDb, ItemSeal seal) {
    this.dynamoDb = dynamoDb;
    this.seal = seal;
  }

  /** @return false when a later run already stored this branch's figures for the date */
  boolean put(String branch, LocalDate businessDate, long expected, long onTime, Instant runAt, String runId) {
    AggregateAccumulator accumulator = new AggregateAccumulator(
        new AggregateKey(branch, businessDate, RecordType.UPLOADS, runAt.getEpochSecond()));
    accumulator.accept(new UploadPunctualityFact(branch, businessDate, expected, onTime));
    String orderToken = runAt.truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, AttributeValue> item = seal.sealed(Map.of(
        "pk", AttributeValue.fromS("AGG#" + YearMonth.from(businessDate)),
        "sk", AttributeValue.fromS(businessDate + "#" + branch + "#" + RecordType.UPLOADS.name()),
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
