package io.qualityhub.core.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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
 *
 * <p>Up to {@code inFlight} batches are sent at once, each on a sender thread, while the caller goes on building the
 * next: storage's round trip then overlaps the caller's work instead of adding to it for every 25 items. A failed
 * batch fails the caller's next call ({@link #put}, {@link #delete}, {@link #flush}) with the batch's own exception.
 * {@link #flush} returns once every item handed over so far is written. Items go to distinct keys, so the order in
 * which batches land does not matter. Not thread-safe: one caller per writer.
 */
public final class BatchItemWriter implements AutoCloseable {

  public static final int MAX_BATCH = 25;
  /**
   * Batches in flight at once for a long stream of writes (intake's rows): enough to hide a round trip of a few
   * milliseconds behind the caller's work on Lambda's one or two vCPUs, few enough to stay far from a table's write
   * throttling (decision 0021).
   */
  public static final int DEFAULT_IN_FLIGHT = 3;
  /** Names the sender threads, so a benchmark can count their CPU time with the caller's. */
  public static final String THREAD_NAME_PREFIX = "batch-item-writer-";

  /**
   * Shared by every writer of the process, and kept for its life (a benchmark counts their CPU time, which a thread
   * that ended would take with it); a writer asking for more in flight than there are senders queues behind them.
   */
  private static final ExecutorService SENDERS = Executors.newFixedThreadPool(DEFAULT_IN_FLIGHT, new SenderThreads());

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final int inFlightLimit;
  /** Items handed over and not yet sent; made into the SDK's requests by whichever thread sends them. */
  private List<PendingWrite> pending = new ArrayList<>(MAX_BATCH);
  private final Deque<Future<?>> inFlight = new ArrayDeque<>();
  private final LongAdder calls = new LongAdder();

  /** A writer that sends each batch on the caller's thread before going on. */
  public BatchItemWriter(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, 1);
  }

  /** @param inFlight batches sent at once; 1 sends each on the caller's thread before going on */
  public BatchItemWriter(DynamoDbClient dynamoDb, String table, int inFlight) {
    this(dynamoDb, table, 10, Duration.ofMillis(50), inFlight);
  }

  BatchItemWriter(DynamoDbClient dynamoDb, String table, int maxAttempts, Duration baseDelay, int inFlight) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("at least one batch must be in flight, not " + inFlight);
    }
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.maxAttempts = maxAttempts;
    this.baseDelay = baseDelay;
    this.inFlightLimit = inFlight;
  }

  /** Writes {@code item}, which the caller no longer changes: it is read later, maybe on another thread. */
  public void put(Map<String, AttributeValue> item) {
    add(new PendingWrite(item, false));
  }

  public void delete(Map<String, AttributeValue> key) {
    add(new PendingWrite(key, true));
  }

  /** BatchWriteItem calls made so far, retries included. */
  public long calls() {
    return calls.sum();
  }

  private void add(PendingWrite write) {
    pending.add(write);
    if (pending.size() == MAX_BATCH) {
      send();
    }
  }

  /** Writes every item handed over so far, and returns once all are written (or throws the first failure). */
  public void flush() {
    send();
    while (!inFlight.isEmpty()) {
      awaitOldest();
    }
  }

  private void send() {
    if (pending.isEmpty()) {
      return;
    }
    List<PendingWrite> batch = pending;
    pending = new ArrayList<>(MAX_BATCH);
    if (inFlightLimit == 1) {
      write(batch);
      return;
    }
    while (!inFlight.isEmpty() && (inFlight.size() >= inFlightLimit || inFlight.peekFirst().isDone())) {
      awaitOldest();
    }
    inFlight.addLast(SENDERS.submit(() -> write(batch)));
  }

  private void awaitOldest() {
    Future<?> oldest = inFlight.pollFirst();
    try {
      oldest.get();
    } catch (ExecutionException e) {
      Throwable failure = e.getCause();
      // Once the failure reaches the caller, nothing of this writer may still be on its way: the caller's next file,
      // or its retry, must not meet this one's requests.
      awaitRemaining(failure);
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("writing a batch to " + table + " failed", failure);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing batches to " + table, e);
    }
  }

  private void awaitRemaining(Throwable failure) {
    while (!inFlight.isEmpty()) {
      try {
        inFlight.pollFirst().get();
      } catch (ExecutionException e) {
        if (e.getCause() != failure) {
          failure.addSuppressed(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void write(List<PendingWrite> items) {
    List<WriteRequest> batch = new ArrayList<>(items.size());
    for (PendingWrite item : items) {
      batch.add(item.request());
    }
    for (int attempt = 1; !batch.isEmpty(); attempt++) {
      if (attempt > 1) {
        if (attempt > maxAttempts) {
          throw new UnprocessedItemsException(table, batch.size(), maxAttempts);
        }
        sleep(attempt);
      }
      List<WriteRequest> sending = batch;
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, sending)));
      calls.increment();
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

  /** An item to put, or the key of one to delete. */
  private record PendingWrite(Map<String, AttributeValue> attributes, boolean delete) {
    WriteRequest request() {
      return delete ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(attributes).build()).build()
          : WriteRequest.builder().putRequest(PutRequest.builder().item(attributes).build()).build();
    }
  }

  private static final class SenderThreads implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, THREAD_NAME_PREFIX + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
