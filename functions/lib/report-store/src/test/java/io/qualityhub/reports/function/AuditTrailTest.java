package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.reports.audit.AccessRecord;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class AuditTrailTest {

  @Test
  void aCancellationThatIsNotContentionFailsAtOnceNamingItsReason() {
    FakeTable table = new FakeTable(cancelled("ValidationError", "None"));

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> append(table));

    assertEquals(1, table.transactions.get(), "not retried as if another request had won the head");
    assertTrue(failure.getMessage().contains("[ValidationError, None]"), failure.getMessage());
  }

  @Test
  void contentionIsRetriedAndChainsAfterTheWinner() {
    FakeTable table = new FakeTable(cancelled("None", "ConditionalCheckFailed"));

    AccessRecord record = append(table);

    assertEquals(2, table.transactions.get());
    assertEquals(AccessRecord.GENESIS_HASH, record.previousHash());
  }

  @Test
  void aTransactionConflictCountsAsContention() {
    assertTrue(AuditTrail.contention(cancelled("TransactionConflict", "None")));
  }

  private static AccessRecord append(FakeTable table) {
    return new AuditTrail(table, "reports").append("auditor", "auditor", "reports/x.pdf", AccessRecord.Decision.ALLOW,
        Instant.parse("2026-12-01T00:00:00Z"), "127.0.0.1", "test");
  }

  private static TransactionCanceledException cancelled(String... codes) {
    return (TransactionCanceledException) TransactionCanceledException.builder().message("Transaction cancelled")
        .cancellationReasons(java.util.Arrays.stream(codes).map(code -> CancellationReason.builder().code(code).build()).toList())
        .build();
  }

  /** An empty chain whose first transaction is cancelled with the given exception, and whose later ones succeed. */
  private static final class FakeTable implements DynamoDbClient {
    final AtomicInteger transactions = new AtomicInteger();
    private final TransactionCanceledException firstOutcome;

    FakeTable(TransactionCanceledException firstOutcome) {
      this.firstOutcome = firstOutcome;
    }

    @Override
    public GetItemResponse getItem(Consumer<GetItemRequest.Builder> request) {
      return GetItemResponse.builder().item(Map.of()).build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(Consumer<TransactWriteItemsRequest.Builder> request) {
      if (transactions.incrementAndGet() == 1) {
        throw firstOutcome;
      }
      return TransactWriteItemsResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {
    }
  }
}
