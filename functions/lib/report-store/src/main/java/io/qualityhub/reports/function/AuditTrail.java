package io.qualityhub.reports.function;

import io.qualityhub.reports.audit.AccessRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The chained access records in the reports table (report access, and the customer lookups,
 * erasures and re-keys of the command line, in one chain): {@code AUDIT / REC#000000000001 ...} in order,
 * and the chain head {@code AUDIT / HEAD} (sequence and hash of the last record). A record is
 * appended in one transaction with the head, conditional on the head being the one it was chained
 * to, so two concurrent requests cannot both extend the same head and fork the chain: the loser
 * re-reads the head and chains after the winner.
 */
public final class AuditTrail {

  private static final String PARTITION = "AUDIT";
  private static final String HEAD_SK = "HEAD";
  private static final String RECORD_PREFIX = "REC#";
  private static final int MAX_ATTEMPTS = 25;
  /** Backoff between attempts: contenders that retry at once keep beating each other. */
  private static final long BASE_BACKOFF_MILLIS = 10;
  private static final long MAX_BACKOFF_MILLIS = 400;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public AuditTrail(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** Chains a report access record with these fields after the current head and stores it. */
  public AccessRecord append(String who, String role, String reportKey, AccessRecord.Decision decision, Instant time,
      String sourceIp, String userAgent) {
    return append(AccessRecord.REPORT_ACCESS, who, role, reportKey, null, decision, time, sourceIp, userAgent);
  }

  /**
   * Chains a record of any action after the current head and stores it.
   *
   * @param subject what was looked at, never a value searched for
   * @param records how many records the action returned or changed; null when it does not apply
   */
  public AccessRecord append(String action, String who, String role, String subject, Long records,
      AccessRecord.Decision decision, Instant time, String sourceIp, String userAgent) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> head = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
          .key(key(HEAD_SK))).item();
      boolean first = head == null || head.isEmpty();
      long sequence = first ? 1 : Long.parseLong(head.get("sequence").n()) + 1;
      String previousHash = first ? AccessRecord.GENESIS_HASH : head.get("hash").s();
      AccessRecord record = AccessRecord.next(previousHash, action, who, role, subject, records, decision, time, sourceIp,
          userAgent);
      Map<String, AttributeValue> newHead = new HashMap<>(key(HEAD_SK));
      newHead.put("sequence", AttributeValue.fromN(Long.toString(sequence)));
      newHead.put("hash", AttributeValue.fromS(record.hash()));
      Put headPut = first
          ? Put.builder().tableName(table).item(newHead).conditionExpression("attribute_not_exists(pk)").build()
          : Put.builder().tableName(table).item(newHead).conditionExpression("#hash = :seen")
              .expressionAttributeNames(Map.of("#hash", "hash"))
              .expressionAttributeValues(Map.of(":seen", AttributeValue.fromS(previousHash))).build();
      Put recordPut = Put.builder().tableName(table).item(toItem(sequence, record))
          .conditionExpression("attribute_not_exists(pk)").build();
      try {
        dynamoDb.transactWriteItems(request -> request.transactItems(
            TransactWriteItem.builder().put(recordPut).build(), TransactWriteItem.builder().put(headPut).build()));
        return record;
      } catch (TransactionCanceledException cancelled) {
        if (!contention(cancelled)) {
          throw new IllegalStateException("the audit record could not be appended: DynamoDB cancelled the transaction for "
              + reasonCodes(cancelled) + ", which retrying does not mend; no URL is handed out", cancelled);
        }
        backOff(attempt); // another request extended the head: chain after whoever won
      }
    }
    throw new IllegalStateException("the audit chain head changed " + MAX_ATTEMPTS
        + " times while appending one record; the request should be retried");
  }

  /**
   * Whether another append got there first: the head's condition failed, or a concurrent transaction on the same
   * items conflicted. Any other reason (a validation error, say) would fail again however often it is retried.
   */
  static boolean contention(TransactionCanceledException cancelled) {
    return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
        .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()) || "TransactionConflict".equals(reason.code()));
  }

  private static String reasonCodes(TransactionCanceledException cancelled) {
    return cancelled.hasCancellationReasons()
        ? cancelled.cancellationReasons().stream().map(reason -> String.valueOf(reason.code())).toList().toString()
        : "no stated reason";
  }

  private static void backOff(int attempt) {
    long cap = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt, 6));
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while appending to the audit chain", e);
    }
  }

  /** Every record in chain order. */
  public List<AccessRecord> records() {
    List<AccessRecord> records = new ArrayList<>();
    QueryRequest query = QueryRequest.builder().tableName(table)
        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION),
            ":prefix", AttributeValue.fromS(RECORD_PREFIX)))
        .consistentRead(true)
        .build();
    dynamoDb.queryPaginator(query).items().forEach(item -> records.add(fromItem(item)));
    return records;
  }

  /** The head's hash: the last record's, unless the chain's tail was cut off. Empty for an empty chain. */
  public java.util.Optional<String> headHash() {
    Map<String, AttributeValue> head = dynamoDb.getItem(request -> request.tableName(table).consistentRead(true)
        .key(key(HEAD_SK))).item();
    return head == null || head.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(head.get("hash").s());
  }

  /** The sort key of the record at {@code index} (0-based) in chain order; how a broken link is named. */
  public static String recordSk(long index) {
    return RECORD_PREFIX + String.format("%012d", index + 1);
  }

  private static Map<String, AttributeValue> key(String sk) {
    return Map.of(AggregateStore.PK, AttributeValue.fromS(PARTITION), AggregateStore.SK, AttributeValue.fromS(sk));
  }

  private static Map<String, AttributeValue> toItem(long sequence, AccessRecord record) {
    Map<String, AttributeValue> item = new HashMap<>(key(recordSk(sequence - 1)));
    item.put("who", AttributeValue.fromS(record.who()));
    item.put("role", AttributeValue.fromS(record.role()));
    item.put("reportKey", AttributeValue.fromS(record.reportKey()));
    item.put("decision", AttributeValue.fromS(record.decision().wire()));
    item.put("time", AttributeValue.fromS(record.time().toString()));
    item.put("sourceIp", AttributeValue.fromS(record.sourceIp()));
    item.put("userAgent", AttributeValue.fromS(record.userAgent()));
    item.put("previousHash", AttributeValue.fromS(record.previousHash()));
    item.put("hash", AttributeValue.fromS(record.hash()));
    if (!AccessRecord.REPORT_ACCESS.equals(record.action())) {
      item.put("action", AttributeValue.fromS(record.action())); // absent: a report access, as before the other actions
    }
    if (record.records() != null) {
      item.put("records", AttributeValue.fromN(record.records().toString()));
    }
    return item;
  }

  private static AccessRecord fromItem(Map<String, AttributeValue> item) {
    return new AccessRecord(item.get("who").s(), item.get("role").s(), item.get("reportKey").s(),
        AccessRecord.Decision.valueOf(item.get("decision").s().toUpperCase(java.util.Locale.ROOT)),
        Instant.parse(item.get("time").s()), item.get("sourceIp").s(), item.get("userAgent").s(),
        item.get("previousHash").s(), item.get("hash").s(),
        item.containsKey("action") ? item.get("action").s() : AccessRecord.REPORT_ACCESS,
        item.containsKey("records") ? Long.valueOf(item.get("records").n()) : null);
  }
}
