package io.qualityhub.monitor;

import io.qualityhub.core.store.ItemKeys;
import io.qualityhub.deadlines.Alert;
import io.qualityhub.deadlines.AlertClaimKey;
import io.qualityhub.deadlines.AlertClaims;
import io.qualityhub.deadlines.OpenDeadline;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The once-per-level claims of {@code docs/deadlines.md}, as items of the records table keyed by
 * {@link AlertClaims#keyFor}: a claim is put with {@code attribute_not_exists} before anything is sent,
 * collects in {@code sentTo} each recipient whose message was accepted, and is marked {@code sent}
 * when all have it. The items hold ids, codes and addresses only.
 */
final class AlertClaimStore {

  /** How a run stands towards one alert after trying to claim it. */
  enum Standing {
    /** Newly claimed by this run: send to everyone. */
    CLAIMED,
    /** An unfinished claim this run may finish: send to those not yet in {@code sentTo}. */
    RESUMED,
    /** Sent to everyone already: nothing to do. */
    FINISHED,
    /** Another run's unfinished claim, inside its lease: leave it, and the item, to that run. */
    HELD
  }

  /**
   * @param runId  the run that holds the claim now: this run, unless another run holds or finished it
   * @param sentTo the recipients already told when the run read the claim
   */
  record Claim(AlertClaimKey key, Standing standing, String runId, Set<String> sentTo) {
    Claim {
      sentTo = Set.copyOf(sentTo);
    }

    boolean active() {
      return standing == Standing.CLAIMED || standing == Standing.RESUMED;
    }
  }

  private static final String RUN_ID = "runId";
  private static final String CLAIMED_AT = "claimedAt";
  private static final String SENT_TO = "sentTo";
  private static final String SENT = "sent";

  private final DynamoDbClient dynamoDb;
  private final String table;

  AlertClaimStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  Claim claim(Alert alert, String runId, Instant now, String policyVersion) {
    AlertClaimKey key = AlertClaims.keyFor(alert);
    OpenDeadline deadline = alert.deadline();
    Map<String, AttributeValue> item = key(key);
    item.put(RUN_ID, AttributeValue.fromS(runId));
    item.put(CLAIMED_AT, AttributeValue.fromS(now.toString()));
    item.put("itemType", AttributeValue.fromS(deadline.itemType().wireName()));
    item.put("branchCode", AttributeValue.fromS(deadline.branch()));
    item.put("itemId", AttributeValue.fromS(deadline.itemId()));
    item.put("clock", AttributeValue.fromS(deadline.clock().wireName()));
    item.put("level", AttributeValue.fromS(alert.level().wireName()));
    item.put("policyVersion", AttributeValue.fromS(policyVersion));
    try {
      dynamoDb.putItem(request -> request.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return new Claim(key, Standing.CLAIMED, runId, Set.of());
    } catch (ConditionalCheckFailedException claimedBefore) {
      return existing(key, runId, now);
    }
  }

  private Claim existing(AlertClaimKey key, String runId, Instant now) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(table).key(key(key)).consistentRead(true)).item();
    Set<String> sentTo = Optional.ofNullable(item.get(SENT_TO)).map(AttributeValue::ss).map(Set::copyOf).orElse(Set.of());
    String claimRunId = item.get(RUN_ID).s();
    if (Optional.ofNullable(item.get(SENT)).map(AttributeValue::bool).orElse(false)) {
      return new Claim(key, Standing.FINISHED, claimRunId, sentTo);
    }
    if (!AlertClaims.mayResume(claimRunId, Instant.parse(item.get(CLAIMED_AT).s()), runId, now)) {
      return new Claim(key, Standing.HELD, claimRunId, sentTo);
    }
    if (claimRunId.equals(runId)) {
      return new Claim(key, Standing.RESUMED, runId, sentTo);
    }
    try {
      dynamoDb.updateItem(request -> request.tableName(table).key(key(key))
          .updateExpression("SET runId = :run, claimedAt = :now")
          .conditionExpression("runId = :previous AND attribute_not_exists(sent)")
          .expressionAttributeValues(Map.of(
              ":run", AttributeValue.fromS(runId),
              ":now", AttributeValue.fromS(now.toString()),
              ":previous", AttributeValue.fromS(claimRunId))));
      return new Claim(key, Standing.RESUMED, runId, sentTo);
    } catch (ConditionalCheckFailedException takenMeanwhile) {
      return new Claim(key, Standing.HELD, claimRunId, sentTo);
    }
  }

  /** Records that a recipient's message carrying this alert was accepted. */
  void recordSent(AlertClaimKey key, String recipient) {
    dynamoDb.updateItem(request -> request.tableName(table).key(key(key))
        .updateExpression("ADD sentTo :recipient")
        .expressionAttributeValues(Map.of(":recipient", AttributeValue.fromSs(List.of(recipient)))));
  }

  void finish(AlertClaimKey key, Instant now) {
    dynamoDb.updateItem(request -> request.tableName(table).key(key(key))
        .updateExpression("SET sent = :sent, sentAt = :now")
        .expressionAttributeValues(Map.of(":sent", AttributeValue.fromBool(true), ":now", AttributeValue.fromS(now.toString()))));
  }

  private static Map<String, AttributeValue> key(AlertClaimKey key) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(ItemKeys.PK, AttributeValue.fromS(key.partitionKey()));
    item.put(ItemKeys.SK, AttributeValue.fromS(key.sortKey()));
    return item;
  }
}
