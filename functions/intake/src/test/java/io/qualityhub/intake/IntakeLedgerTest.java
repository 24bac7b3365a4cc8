package io.qualityhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.format.UploadKey;
import io.qualityhub.core.store.RecordItemMapper;
import io.qualityhub.deadlines.DeadlinePolicyLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class IntakeLedgerTest {

  private static final Map<String, String> ROW = Map.ofEntries(Map.entry("claim_id", "C-1"), Map.entry("policy_id", "P-1"),
      Map.entry("product_code", "HLT-1"), Map.entry("product_line", "health"), Map.entry("complexity", "simple"),
      Map.entry("green_channel", "N"), Map.entry("status", "paid"), Map.entry("reported_at", "2026-11-01T09:00:00+08:00"),
      Map.entry("paid_at", "2026-11-09T15:00:00+08:00"), Map.entry("amount_claimed", "100"), Map.entry("amount_paid", "100"),
      Map.entry("currency", "TWD"), Map.entry("handler_id", "H-1"), Map.entry("updated_at", "2026-11-09T15:00:00+08:00"));

  @Test
  void statesAreWrittenOnlyWhileTheirGenerationIsCurrent() throws Exception {
    Transactions dynamoDb = new Transactions("ConditionalCheckFailed", "None");
    IntakeLedger ledger = new IntakeLedger(dynamoDb, "records", new DeadlineIndexer(DeadlinePolicyLoader.loadDefaults()),
        new ItemSeal("records", new byte[32]));
    UploadKey key = UploadKey.parse("incoming/TPE-01/2026-11-20/claims.csv");

    boolean current = ledger.advanceStates(key, "v1", List.of(state(key)));

    assertFalse(current, "a newer upload became current meanwhile: its states stand");
    assertEquals(1, dynamoDb.requests.size(), "nothing is sent again");
    TransactWriteItemsRequest request = dynamoDb.requests.getFirst();
    assertNotNull(request.transactItems().getFirst().conditionCheck(), "each request first checks the generation is current");
    assertEquals("FILE#TPE-01#claims#2026-11-20", request.transactItems().getFirst().conditionCheck().key().get("pk").s());
    assertEquals(AttributeValue.fromS("v1"), request.transactItems().getFirst().conditionCheck().expressionAttributeValues().get(":g"));
  }

  @Test
  void aStateANewerOneBeatIsDroppedAndTheRestSentAgain() throws Exception {
    Transactions dynamoDb = new Transactions("None", "ConditionalCheckFailed");
    IntakeLedger ledger = new IntakeLedger(dynamoDb, "records", new DeadlineIndexer(DeadlinePolicyLoader.loadDefaults()),
        new ItemSeal("records", new byte[32]));
    UploadKey key = UploadKey.parse("incoming/TPE-01/2026-11-20/claims.csv");

    assertTrue(ledger.advanceStates(key, "v1", List.of(state(key))));

    assertEquals(1, dynamoDb.requests.size(), "the only state was beaten: nothing left to send");
  }

  private static Map<String, AttributeValue> state(UploadKey key) {
    String[] values = new String[RecordType.CLAIMS.columns().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ROW.getOrDefault(RecordType.CLAIMS.column(i).name(), "");
    }
    Map<String, AttributeValue> state = new java.util.HashMap<>(
        new RecordItemMapper("records", key, "v1", null, null, null).toStateItem(values));
    state.values().removeIf(value -> "".equals(value.s()));
    return state;
  }

  /** Cancels the first transaction with the given reasons; later ones succeed. */
  private static final class Transactions implements DynamoDbClient {
    final List<TransactWriteItemsRequest> requests = new ArrayList<>();
    private final String[] firstReasons;

    Transactions(String... firstReasons) {
      this.firstReasons = firstReasons;
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(Consumer<TransactWriteItemsRequest.Builder> request) {
      TransactWriteItemsRequest.Builder builder = TransactWriteItemsRequest.builder();
      request.accept(builder);
      requests.add(builder.build());
      if (requests.size() == 1) {
        throw (TransactionCanceledException) TransactionCanceledException.builder().message("cancelled")
            .cancellationReasons(java.util.Arrays.stream(firstReasons).map(code -> CancellationReason.builder().code(code).build()).toList())
            .build();
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
