package io.qualityhub.core.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items 25 at a time with BatchWriteItem, the most the API takes per call. Items DynamoDB
 * returns as unprocessed (throttling) are retried with exponential backoff and full jitter; after
 * {@code maxAttempts} the write fails with {@link UnprocessedItemsException}, so nothing is dropped
 * silently.
 */
public final class BatchItemWriter implements AutoCloseable {

  public static final int MAX_BATCH = 25;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final List<WriteRequest> pending = new ArrayList<>(MAX_BATCH);
  private long calls;

  public BatchItemWriter(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, 10, Duration.ofMillis(50));
  }

  BatchItemWriter(DynamoDbClient dynamoDb, String table, int maxAttempts, Duration baseDelay) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
  }

  public void put(Map<String, AttributeValue> item) {
    add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
  }

  public void delete(Map<String, AttributeValue> key) {
    add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
  }

  /** BatchWriteItem calls made so far, retries included. */
  public long calls() {
    return calls;
  }

  private void add(WriteRequest request) {
    pending.add(request);
    if (pending.size() == MAX_BATCH) {
      flush();
    }
  }

  public void flush() {
    List<WriteRequest> batch = new ArrayList<>(pending);
    pending.clear();
    for (int attempt = 1; !batch.isEmpty(); attempt++) {
      if (attempt > 1) {
        if (attempt > maxAttempts) {
          throw new UnprocessedItemsException(table, batch.size(), maxAttempts);
        }
        sleep(attempt);
      }
      List<WriteRequest> sending = batch;
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, sending)));
      calls++;
      batch = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
    }
  }

  private void sleep(int attempt) {
    long cap = baseDelay.toMillis() << Math.min(attempt - 2, 10);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying unprocessed items", e);
    }
  }

  @Override
  public void close() {
    flush();
  }
}
