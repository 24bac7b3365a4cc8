package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.crypto.KmsDataKeySource;
import io.qualityhub.core.crypto.TamperedValueException;
import io.qualityhub.core.crypto.TamperedValueException.Check;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Stored rows on the emulator, changed behind intake's back: every change to a row item is caught
 * on read, named by item and check, and counted; and KMS is asked once per file, not per row.
 */
class RecordIntegrityEndToEndTest {

  private static final String HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,"
      + "amount_claimed,currency,handler_id,updated_at,customer_name,customer_id_no,diagnosis\n";

  @RegisterExtension
  static final TestDeployment deployment = TestDeployment.perClass();
  private final LocalDeployment local = deployment.local();
  private final String table = local.physicalId("RecordsTable");

  @Test
  void aChangedStatusAmountOrDateOrAMovedValueFailsTheReadWithItsItemAndCheck() throws Exception {
    ingest("incoming/TMP-01/2026-11-20/claims.csv", claims("T", 2), new KmsCalls());
    Map<String, AttributeValue> first = row("REC#claims#TMP-01#T-1");
    Map<String, AttributeValue> second = row("REC#claims#TMP-01#T-2");
    List<TamperedValueException> counted = new ArrayList<>();
    assertEquals(Map.of("customer_name", "Customer T-1", "customer_id_no", "A100000001", "diagnosis", "骨折"),
        decryptor(counted::add).sensitiveValues(first));

    List<String> outcomes = new ArrayList<>();
    for (Map.Entry<String, UnaryOperator<Map<String, AttributeValue>>> change : List.of(
        Map.entry("status", with("status", AttributeValue.fromS("closed"))),
        Map.entry("amount", with("amount_claimed", AttributeValue.fromN("99999"))),
        Map.entry("date", with("reported_at", AttributeValue.fromS("2026-11-19T09:00:00+08:00"))),
        Map.entry("name copied from T-2", with("customer_name", second.get("customer_name"))),
        Map.entry("blind term removed", without("biIdNo")),
        Map.entry("tag removed", without("itemTag")),
        Map.entry("generation changed", with("generation", AttributeValue.fromS("another-generation"))))) {
      Map<String, AttributeValue> tampered = change.getValue().apply(new java.util.HashMap<>(first));
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(tampered));
      TamperedValueException failure = assertThrows(TamperedValueException.class,
          () -> decryptor(counted::add).sensitiveValues(row("REC#claims#TMP-01#T-1")), change.getKey());
      outcomes.add(change.getKey() + ": " + failure.check() + " " + failure.itemKey());
      for (String value : List.of("Customer T-1", "A100000001", "骨折", "closed", "99999")) {
        assertFalse(failure.getMessage().contains(value), change.getKey() + " echoed " + value);
      }
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(first));
    }

    String itemKey = first.get("pk").s() + "|" + first.get("sk").s();
    assertEquals(List.of(
        "status: ITEM_ATTRIBUTES " + itemKey,
        "amount: ITEM_ATTRIBUTES " + itemKey,
        "date: ITEM_ATTRIBUTES " + itemKey,
        "name copied from T-2: ITEM_ATTRIBUTES " + itemKey,
        "blind term removed: ITEM_ATTRIBUTES " + itemKey,
        "tag removed: ITEM_TAG_MISSING " + itemKey,
        "generation changed: DATA_KEY " + itemKey), outcomes);
    assertEquals(List.of(Check.ITEM_ATTRIBUTES, Check.ITEM_ATTRIBUTES, Check.ITEM_ATTRIBUTES, Check.ITEM_ATTRIBUTES,
        Check.ITEM_ATTRIBUTES, Check.ITEM_TAG_MISSING, Check.DATA_KEY), counted.stream().map(TamperedValueException::check).toList(),
        "each failure is counted once, for the metric");
    assertEquals("Customer T-1", decryptor(counted::add).sensitiveValues(row("REC#claims#TMP-01#T-1")).get("customer_name"),
        "the restored item reads again");
  }

  @Test
  void kmsIsAskedOncePerFileWrittenAndOncePerFileReadWhateverTheRowCount() throws Exception {
    ingest("incoming/KMS-00/2026-11-20/claims.csv", claims("W", 1), new KmsCalls()); // the blind-index key exists from here on
    KmsCalls small = new KmsCalls();
    ingest("incoming/KMS-01/2026-11-20/claims.csv", claims("S", 20), small);
    KmsCalls large = new KmsCalls();
    ingest("incoming/KMS-02/2026-11-20/claims.csv", claims("L", 200), large);

    KmsCalls reading = new KmsCalls();
    RecordDecryptor decryptor = new RecordDecryptor(local.clients().dynamoDb(), table,
        new KmsDataKeySource(local.clients().withInterceptors(reading).kms(), local.attribute("DataKey", "Arn")),
        failure -> { throw new AssertionError(failure); });
    int read = 0;
    for (Map<String, AttributeValue> item : local.clients().dynamoDb().scanPaginator(request -> request.tableName(table)
        .filterExpression("fileId = :f AND sk <> :state").expressionAttributeValues(Map.of(
            ":f", AttributeValue.fromS("KMS-02#claims#2026-11-20"), ":state", AttributeValue.fromS("STATE")))).items()) {
      decryptor.sensitiveValues(item);
      read++;
    }

    assertEquals(200, read);
    assertEquals(Map.of("Decrypt", 1, "GenerateDataKey", 1, "GenerateMac", 1), large.byOperation(),
        "writing 200 rows: index key, one data key, and the seal key derived once per function instance");
    assertEquals(small.byOperation(), large.byOperation(), "20 rows or 200: the same KMS requests");
    assertEquals(Map.of("Decrypt", 1), reading.byOperation(), "reading 200 rows back: one unwrap of their data key");
    System.out.printf("KMS requests writing a file of 20 rows: %s, of 200 rows: %s; reading 200 rows back: %s."
        + " Per file generation, not per row: a 100,000-row file takes the same.%n",
        small.byOperation(), large.byOperation(), reading.byOperation());
  }

  // ---------------------------------------------------------------------------------------------

  private RecordDecryptor decryptor(Consumer<TamperedValueException> failures) {
    return LocalRecords.decryptor(local, failures::accept);
  }

  private static UnaryOperator<Map<String, AttributeValue>> with(String name, AttributeValue value) {
    return item -> {
      item.put(name, value);
      return item;
    };
  }

  private static UnaryOperator<Map<String, AttributeValue>> without(String name) {
    return item -> {
      item.remove(name);
      return item;
    };
  }

  private Map<String, AttributeValue> row(String pk) {
    return local.clients().dynamoDb().query(request -> request.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk AND sk < :state")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":state", AttributeValue.fromS("STATE")))).items().get(0);
  }

  private void ingest(String key, String csv, KmsCalls kmsCalls) {
    String bucket = local.physicalId("IntakeBucket");
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build()
        .purgeQueue(request -> request.queueUrl(local.attribute("IntakeQueue", "QueueUrl")));
    List<FileOutcome> outcomes = new ArrayList<>();
    AwsClients counted = local.clients().withInterceptors(kmsCalls);
    new IntakeHandler(local.settingsOf("IntakeFunction"), counted, outcomes::add)
        .handleRequest(S3NotificationEvents.objectCreatedEvent(bucket, key), LocalContext.forFunction("IntakeFunction", 900_000));
    assertEquals(1, outcomes.size(), "intake processed " + key);
    assertEquals(0, outcomes.get(0).rejected(), "rejects in " + key);
  }

  private static String claims(String prefix, int rows) {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= rows; i++) {
      csv.append(prefix).append('-').append(i).append(",P-1,HLT-01,health,simple,N,reported,2026-11-20T09:00:00+08:00,1200.50,TWD,H-7,"
          + "2026-11-20T10:00:00+08:00,Customer ").append(prefix).append('-').append(i)
          .append(String.format(",A1%08d,骨折%n", i));
    }
    return csv.toString();
  }

  /** Counts the KMS requests made through the clients it is added to, by operation. */
  private static final class KmsCalls implements ExecutionInterceptor {
    private final Map<String, Integer> counts = new TreeMap<>();

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if ("Kms".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))) {
        counts.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
      }
    }

    synchronized Map<String, Integer> byOperation() {
      return Map.copyOf(counts);
    }

    synchronized int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
