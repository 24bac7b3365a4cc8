package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.crypto.BlindIndexKeyStore;
import io.qualityhub.intake.FileOutcome;
import io.qualityhub.intake.IntakeHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Issue 11, items 4 and 5 on the emulator: lookups, erasures and re-keys go on the same hash-chained
 * audit trail as report access, with counts and never the value searched for; and the blind-index
 * key fails closed: with its item gone, intake stores nothing and mints nothing, and lookup and
 * erase stop with the integrity message.
 */
class AuditTrailEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  /** Planted as a customer's ID number; it must appear in no audit record, output or log. */
  private static final String PLANTED = "PLANTEDAUDIT42";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalDeployment local;
  private static String table;

  @BeforeAll
  static void deployAndIngestOneCustomer() {
    System.setProperty("qualityhub.root", ROOT.toString()); // where the command line finds template.yaml
    local = LocalDeployment.open(ROOT, Optional.empty());
    table = local.physicalId("RecordsTable");
    SQSBatchResponse response = ingest("incoming/AUD-01/2026-11-20/claims.csv", "A-1", PLANTED, new ArrayList<>(), () -> { });
    assertEquals(List.of(), response.getBatchItemFailures());
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void theBootstrapCreatedTheBlindIndexKeyWithTheRecordsTableAndOpeningAgainKeepsIt() {
    Map<String, AttributeValue> key = keyItem();
    assertFalse(key.isEmpty(), "the local bootstrap created the key");
    LocalDeployment.open(ROOT, Optional.of(local.endpoint())).close();
    assertEquals(key, keyItem(), "opening the deployment again leaves the key as it was");
  }

  @Test
  void lookupEraseAndRekeyGoOnTheTrailWithCountsButNeverTheValueAndTheMixedChainVerifies() throws Exception {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Captured lookup = cli("lookup", "--id-no", PLANTED.toLowerCase(Locale.ROOT), "--endpoint", endpoint());
    assertEquals(0, lookup.status(), lookup.text());
    assertTrue(lookup.text().startsWith("1 record for the ID number given"), lookup.text());
    Captured none = cli("lookup", "--phone", "0900-000-000", "--endpoint", endpoint());
    assertEquals(1, none.status(), none.text());
    Captured erase = cli("erase", "--id-no", PLANTED, "--endpoint", endpoint());
    assertEquals(0, erase.status(), erase.text());
    // The data keys are under the stack's DataKey already: the rekey function moves none, and says so on the trail.
    Captured rekey = cli("rekey", "--from-key", local.attribute("DataKey", "Arn"), "--endpoint", endpoint());
    assertEquals(0, rekey.status(), rekey.text());

    Captured list = cli("audit", "list", "--endpoint", endpoint());
    assertEquals(0, list.status(), list.text());
    List<JsonNode> records = new ArrayList<>();
    for (String line : list.stdout().lines().toList()) {
      records.add(JSON.readTree(line));
    }
    List<JsonNode> ours = records.stream().filter(r -> !Instant.parse(r.get("time").asText()).isBefore(before)).toList();
    assertEquals(List.of("lookup", "lookup", "erase", "rekey", "rekey"), ours.stream().map(r -> r.get("action").asText()).toList(),
        list.stdout());
    java.util.regex.Matcher erased = java.util.regex.Pattern.compile(": (\\d+) stored rows erased").matcher(erase.stdout());
    assertTrue(erased.find(), erase.text());
    assertEquals(List.of(1L, 0L, Long.parseLong(erased.group(1))),
        ours.subList(0, 3).stream().map(r -> r.get("records").asLong()).toList(), list.stdout());
    assertEquals(List.of(0L, 0L), ours.subList(3, 5).stream().map(r -> r.get("records").asLong()).toList(),
        "the rekey's start, and its end with the data keys it moved: " + list.stdout());
    assertTrue(ours.get(3).get("subject").asText().endsWith(": started"), ours.get(3).toString());
    assertTrue(ours.get(4).get("subject").asText().endsWith(": done"), ours.get(4).toString());
    assertTrue(ours.get(2).get("subject").asText().startsWith("customer records by customer_id_no, request "), ours.get(2).toString());
    assertEquals("customer records by customer_id_no", ours.get(0).get("subject").asText());
    assertEquals("customer records by customer_phone", ours.get(1).get("subject").asText());
    for (JsonNode record : ours) {
      for (String field : List.of("sequence", "time", "action", "principal", "role", "decision", "records")) {
        assertTrue(record.hasNonNull(field), field + " in " + record);
      }
      assertEquals("allow", record.get("decision").asText());
      assertTrue(record.get("principal").asText().startsWith("arn:") || record.get("principal").asText().startsWith("os-user:"),
          record.toString());
    }
    List<Long> sequences = records.stream().map(r -> r.get("sequence").asLong()).toList();
    assertEquals(sequences.stream().sorted(Comparator.naturalOrder()).distinct().toList(), sequences, "one chain, in order");

    Captured verify = cli("audit", "verify", "--endpoint", endpoint());
    assertEquals(0, verify.status(), verify.text());
    assertTrue(verify.stdout().startsWith("Audit trail verified: " + records.size() + " records"), verify.text());

    for (String form : List.of(PLANTED, PLANTED.toLowerCase(Locale.ROOT), "0900-000-000", "0900000000")) {
      for (Captured run : List.of(lookup, none, erase, rekey, list, verify)) {
        assertFalse(run.text().contains(form), "the value searched for was printed or logged: " + run.text());
      }
      assertFalse(reportsTableText().contains(form), "the value searched for is in the reports table (audit trail)");
    }
  }

  @Test
  void sinceKeepsOnlyRecordsAtOrAfterIt() throws Exception {
    assertEquals(1, cli("lookup", "--id-no", "K000000000", "--endpoint", endpoint()).status(), "no such customer");
    Instant cut = Instant.now().plusMillis(5);
    Thread.sleep(20);
    cli("lookup", "--id-no", "K000000001", "--endpoint", endpoint());
    List<String> all = cli("audit", "list", "--endpoint", endpoint()).stdout().lines().toList();
    List<String> since = cli("audit", "list", "--since", cut.toString(), "--endpoint", endpoint()).stdout().lines().toList();
    assertFalse(since.isEmpty());
    assertTrue(since.size() < all.size(), "older records are left out");
    for (String line : since) {
      assertFalse(Instant.parse(JSON.readTree(line).get("time").asText()).isBefore(cut), line);
    }
    assertEquals(all.subList(all.size() - since.size(), all.size()), since);
    assertEquals(List.of(), cli("audit", "list", "--since", "2999-01-01", "--endpoint", endpoint()).stdout().lines().toList());
    assertEquals(2, cli("audit", "list", "--since", "yesterday", "--endpoint", endpoint()).status());
  }

  @Test
  void withTheKeyItemGoneIntakeStoresAndMintsNothingAndLookupAndEraseStop() {
    Map<String, AttributeValue> key = keyItem();
    local.clients().dynamoDb().deleteItem(request -> request.tableName(table).key(keyOnly()));
    try {
      List<Map<String, AttributeValue>> itemsBefore = allRecordItems();
      AtomicInteger keyMissingMetric = new AtomicInteger();
      List<FileOutcome> outcomes = new ArrayList<>();
      SQSBatchResponse response = ingest("incoming/AUD-02/2026-11-21/claims.csv", "A-2", "K100000002", outcomes,
          keyMissingMetric::incrementAndGet);
      assertEquals(1, response.getBatchItemFailures().size(), "the message fails: SQS retries it, then dead-letters it");
      assertEquals(List.of(), outcomes);
      assertEquals(1, keyMissingMetric.get(), "BlindIndexKeyMissing published");
      assertTrue(keyItem().isEmpty(), "no replacement key was minted");
      assertEquals(itemsBefore, allRecordItems(), "nothing was stored");

      for (String[] args : List.of(new String[] {"lookup", "--id-no", "K100000002", "--endpoint", endpoint()},
          new String[] {"erase", "--id-no", "K100000002", "--endpoint", endpoint()})) {
        Captured run = cli(args);
        assertEquals(3, run.status(), run.text());
        assertTrue(run.stderr().contains("BlindIndexKeyMissingException: the blind-index key item (pk KEY#blind-index, sk v1)"
            + " is missing from table " + table), run.text());
        assertTrue(run.stderr().contains("Restore the item from a backup"), run.text());
        assertFalse(run.text().contains("K100000002"), run.text());
      }
      assertTrue(keyItem().isEmpty(), "lookup and erase minted no key either");
    } finally {
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(key));
    }
    // Restored, the same message goes through (a redrive from the dead-letter queue).
    SQSBatchResponse redriven = ingest("incoming/AUD-02/2026-11-21/claims.csv", "A-2", "K100000002", new ArrayList<>(), () -> { });
    assertEquals(List.of(), redriven.getBatchItemFailures());
    assertEquals(0, cli("lookup", "--id-no", "K100000002", "--endpoint", endpoint()).status());
  }

  // ---------------------------------------------------------------------------------------------

  private record Captured(int status, String stdout, String stderr, String logs) {
    String text() {
      return stdout + stderr + logs;
    }
  }

  /** Runs the command line, with System.out and System.err (where log4j writes, following them) captured as its logs. */
  private static synchronized Captured cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    PrintStream systemErr = System.err;
    PrintStream logStream = new PrintStream(logs, true, StandardCharsets.UTF_8);
    System.setOut(logStream);
    System.setErr(logStream);
    int status;
    try {
      status = QualityHubCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setOut(systemOut);
      System.setErr(systemErr);
    }
    return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        logs.toString(StandardCharsets.UTF_8));
  }

  private static String endpoint() {
    return local.endpoint().toString();
  }

  private static Map<String, AttributeValue> keyOnly() {
    return Map.of("pk", AttributeValue.fromS(BlindIndexKeyStore.PK), "sk", AttributeValue.fromS(BlindIndexKeyStore.VERSION));
  }

  private static Map<String, AttributeValue> keyItem() {
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request.tableName(table).key(keyOnly())
        .consistentRead(true)).item();
    return item == null ? Map.of() : item;
  }

  private static List<Map<String, AttributeValue>> allRecordItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table).consistentRead(true)).items().forEach(items::add);
    items.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get("pk").s()).thenComparing(item -> item.get("sk").s()));
    return items;
  }

  private static String reportsTableText() {
    StringBuilder text = new StringBuilder();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(local.physicalId("ReportsTable")).consistentRead(true))
        .items().forEach(item -> text.append(item).append('\n'));
    return text.toString();
  }

  private static SQSBatchResponse ingest(String key, String claimId, String idNumber, List<FileOutcome> outcomes,
      Runnable keyMissing) {
    String bucket = local.physicalId("IntakeBucket");
    String csv = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,reported_at,amount_claimed,currency,"
        + "handler_id,updated_at,customer_name,customer_id_no\n" + claimId + ",P-1,HLT-01,health,simple,N,reported,"
        + "2026-11-20T09:00:00+08:00,100,TWD,H-7,2026-11-20T10:00:00+08:00,Audit Person," + idNumber + "\n";
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    SQSEvent event = S3NotificationEvents.objectCreatedEvent(bucket, key);
    return new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcomes::add, keyMissing)
        .handleRequest(event, LocalContext.forFunction("IntakeFunction", 900_000));
  }
}
