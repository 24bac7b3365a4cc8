package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.crypto.BlindIndex;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerErasure;
import io.qualityhub.core.store.CustomerLookup;
import io.qualityhub.core.store.RecordDecryptor;
import io.qualityhub.intake.IntakeHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Three customers of one branch with the same shape of data (a sale, an underwriting record, a claim as two
 * state rows of which the later carries no identifier, a complaint of their own; a follow-up and a survey of their
 * policy and a complaint someone else filed about their claim), every personal value planted as
 * {@code PLANT{customer}-...}. Customer A is erased in one run, customer B in a run interrupted twice and resumed;
 * customer C is never erased.
 */
class ErasureEndToEndTest {

  private static final java.nio.file.Path ROOT = java.nio.file.Path.of("..", "..").toAbsolutePath().normalize();
  private static final String BRANCH = "ERZ-01";
  private static final String DAY = "incoming/" + BRANCH + "/2026-11-23/";

  private static LocalDeployment local;
  private static String table;
  private static String bucket;

  @BeforeAll
  static void uploadTheThreeCustomers() throws IOException {
    System.setProperty("qualityhub.root", ROOT.toString());
    local = LocalDeployment.open(ROOT, Optional.empty());
    table = local.physicalId("RecordsTable");
    bucket = local.physicalId("IntakeBucket");
    List<String> sales = new ArrayList<>(List.of("record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,"
        + "product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,risk_notice_given,customer_signed"));
    List<String> underwriting = new ArrayList<>(List.of("record_id,application_id,policy_id,underwriter_id,product_code,product_line,"
        + "received_at,decided_at,decision,risk_level,medical_exam,standard_exception,customer_name,customer_id_no,occupation,health_notes"));
    List<String> claims = new ArrayList<>(List.of("claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
        + "reported_at,amount_claimed,currency,handler_id,updated_at,customer_name,customer_id_no,customer_phone,diagnosis"));
    List<String> followups = new ArrayList<>(List.of("record_id,policy_id,visited_on,visitor_id,outcome,issue_notes"));
    List<String> surveys = new ArrayList<>(List.of("survey_id,surveyed_on,policy_id,overall_score,comment"));
    List<String> complaints = new ArrayList<>();
    for (String c : List.of("A", "B", "C")) {
      String p = "PLANT" + c;
      sales.add("S-" + c + ",P-" + c + ",2026-11-20T10:00:00+08:00,E-1,2025-01-01,AUT-1,auto,agent,1200,TWD," + p + "-name," + p + "-ID,"
          + p + "-PHONE,Y,Y,Y");
      underwriting.add("U-" + c + ",APP-" + c + ",P-" + c + ",UW-1,AUT-1,auto,2026-11-20T10:00:00+08:00,2026-11-20T12:00:00+08:00,"
          + "accept,low,N,N," + p + "-name," + p + "-ID," + p + "-occupation," + p + "-health");
      claims.add("CLM-" + c + ",P-" + c + ",AUT-1,auto,simple,N,reported,2026-11-20T10:00:00+08:00,5000,TWD,H-1,"
          + "2026-11-20T11:00:00+08:00," + p + "-name," + p + "-ID," + p + "-PHONE," + p + "-diagnosis");
      claims.add("CLM-" + c + ",P-" + c + ",AUT-1,auto,simple,N,under_review,2026-11-20T10:00:00+08:00,5000,TWD,H-1,"
          + "2026-11-21T11:00:00+08:00,,,,\"" + p + "-diagnosis, more\nover two lines\"");
      followups.add("F-" + c + ",P-" + c + ",2026-11-21,V-1,issue_raised,\"" + p + "-issue, noted\"");
      surveys.add("SV-" + c + ",2026-11-21,P-" + c + ",4," + p + "-comment");
      complaints.add("{\"complaint_id\":\"K-" + c + "1\",\"received_at\":\"2026-11-21T09:00:00+08:00\",\"channel\":\"phone\","
          + "\"category\":\"service\",\"severity\":\"general\",\"status\":\"open\",\"updated_at\":\"2026-11-21T09:00:00+08:00\","
          + "\"customer_name\":\"" + p + "-name\",\"customer_phone\":\"" + p + "-PHONE\",\"description\":\"" + p + "-complaint\"}");
      complaints.add("{\"complaint_id\":\"K-" + c + "2\",\"received_at\":\"2026-11-21T09:00:00+08:00\",\"channel\":\"phone\","
          + "\"category\":\"claims\",\"severity\":\"major\",\"concerns_type\":\"claim\",\"concerns_id\":\"CLM-" + c + "\","
          + "\"status\":\"open\",\"updated_at\":\"2026-11-21T09:00:00+08:00\",\"customer_name\":\"Q-" + c + "-filer\","
          + "\"customer_phone\":\"0900-000-00" + c.charAt(0) % 10 + "\",\"description\":\"" + p + "-about-claim\"}");
    }
    upload(DAY + "sales.csv.gz", gzip(lines(sales)));
    upload(DAY + "underwriting.csv", lines(underwriting).getBytes(StandardCharsets.UTF_8));
    upload(DAY + "claims.csv", lines(claims).getBytes(StandardCharsets.UTF_8));
    upload(DAY + "followups.csv", lines(followups).getBytes(StandardCharsets.UTF_8));
    upload(DAY + "surveys.csv", lines(surveys).getBytes(StandardCharsets.UTF_8));
    upload(DAY + "complaints.jsonl", lines(complaints).getBytes(StandardCharsets.UTF_8));
    deliverIntake(local.clientsFor("IntakeFunction"));
    for (String c : List.of("A", "B", "C")) {
      assertEquals(3, lookup().find(BlindIndexedColumn.ID_NUMBER, "PLANT" + c + "-ID").size(), "stored for customer " + c);
    }
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void anErasureLeavesNoValueOfTheCustomerAnywhereAndAnInterruptedOneResumesToTheSameEnd() {
    // Customer A, in one run of the command.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = QualityHubCli.run(new String[] {"erase", "--id-no", "planta-id", "--phone", "PLANTA-PHONE", "--endpoint",
        local.endpoint().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);
    assertFalse(printed.toUpperCase(java.util.Locale.ROOT).contains("PLANTA"), "no value in the output");
    assertTrue(printed.contains(": 5 stored rows erased"), printed);
    assertTrue(printed.contains("; 3 linked rows' free text erased"), printed);
    assertEquals(List.of(), valuesOf("PLANTA"), "customer A's values anywhere");
    Map<String, AttributeValue> auditA = audit(Set.of());

    // Customer B: interrupted in the table, then in the uploads, then finished.
    BlindIndex blindIndex = LocalRecords.blindIndex(local);
    Map<BlindIndexedColumn, String> b = Map.of(BlindIndexedColumn.ID_NUMBER, "PLANTB-ID", BlindIndexedColumn.PHONE, "PLANTB-PHONE");
    assertThrows(RuntimeException.class, () -> erasure(local.clients().withInterceptors(failOn("PutItem", 4)), blindIndex).erase(b));
    assertThrows(RuntimeException.class, () -> erasure(local.clients().withInterceptors(failOn("DeleteObject", 1)), blindIndex).erase(b));
    assertTrue(lookup().find(BlindIndexedColumn.ID_NUMBER, "PLANTB-ID").isEmpty(), "the interrupted runs got that far");
    var finished = erasure(local.clients(), blindIndex).erase(b);
    assertTrue(finished.resumed() && finished.completed(), finished.toString());
    assertEquals(List.of(), valuesOf("PLANTB"), "customer B's values anywhere");
    Map<String, AttributeValue> auditB = audit(Set.of(auditA.get("sk").s()));
    assertEquals(counts(auditA), counts(auditB), "an interrupted and resumed erasure counts what an uninterrupted one does");
    assertEquals(Map.of("itemsErased", "5", "itemsFailingIntegrity", "0", "linkedItemsErased", "3", "statesCleaned", "0",
        "uploadsRewritten", "6", "uploadVersionsDeleted", "6"), counts(auditA));
    var again = erasure(local.clients(), blindIndex).erase(b);
    assertEquals(0, again.itemsErased(), "a second run after completion finds nothing: " + again);

    // Customer C: untouched, in the table and in the current uploads.
    List<String> cValues = valuesOf("PLANTC");
    for (String expected : List.of("PLANTC-name", "PLANTC-ID", "PLANTC-PHONE", "PLANTC-occupation", "PLANTC-health",
        "PLANTC-diagnosis", "PLANTC-issue", "PLANTC-comment", "PLANTC-complaint", "PLANTC-about-claim")) {
      assertTrue(cValues.stream().anyMatch(where -> where.startsWith("decrypted") && where.contains(expected)),
          expected + " is still stored for customer C: " + cValues);
    }
    assertEquals(3, lookup().find(BlindIndexedColumn.ID_NUMBER, "PLANTC-ID").size());
    assertEquals(3, lookup().find(BlindIndexedColumn.PHONE, "PLANTC-PHONE").size());

    // What intake stored from the rewritten uploads: exactly the remaining rows.
    assertEquals(Map.of("sales", List.of("S-C"), "underwriting", List.of("U-C"), "claims", List.of("CLM-C", "CLM-C"),
            "followups", List.of("F-A", "F-B", "F-C"), "surveys", List.of("SV-A", "SV-B", "SV-C"),
            "complaints", List.of("K-A2", "K-B2", "K-C1", "K-C2")),
        currentRecordIds(), "the current generation of each file holds the other rows, linked ones without free text");
  }

  /** Per record type of the branch's day, the record ids of the current generation's row items, sorted. */
  private static Map<String, List<String>> currentRecordIds() {
    Map<String, List<String>> ids = new java.util.TreeMap<>();
    for (String type : List.of("sales", "underwriting", "claims", "followups", "surveys", "complaints")) {
      String fileId = BRANCH + "#" + type + "#2026-11-23";
      String generation = local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
          .key(Map.of("pk", AttributeValue.fromS("FILE#" + fileId), "sk", AttributeValue.fromS("CURRENT")))).item().get("generation").s();
      List<String> found = new ArrayList<>();
      local.clients().dynamoDb().scanPaginator(request -> request.tableName(table).consistentRead(true)
              .filterExpression("begins_with(pk, :rec) AND fileId = :file AND generation = :generation AND sk <> :state")
              .expressionAttributeValues(Map.of(":rec", AttributeValue.fromS("REC#"), ":file", AttributeValue.fromS(fileId),
                  ":generation", AttributeValue.fromS(generation), ":state", AttributeValue.fromS("STATE"))))
          .items().forEach(item -> found.add(item.get("pk").s().substring(item.get("pk").s().lastIndexOf('#') + 1)));
      found.sort(null);
      ids.put(type, found);
    }
    return ids;
  }

  // ---------------------------------------------------------------------------------------------

  private static CustomerErasure erasure(AwsClients clients, BlindIndex blindIndex) {
    return new CustomerErasure(clients.dynamoDb(), new io.qualityhub.core.store.ItemSeal(table,
        io.qualityhub.core.store.SealKey.derive(local.clients().kms(), local.attribute("IntegrityKey", "Arn"))), blindIndex,
        LocalRecords.decryptor(local, failure -> { throw new AssertionError("integrity failure", failure); }), Clock.systemUTC())
        .withUploads(clients.s3(), bucket, () -> deliverIntake(local.clientsFor("IntakeFunction")));
  }

  /** Where a value containing the mark is found: clear or decrypted in any item, any version of any object, any queue. */
  private static List<String> valuesOf(String mark) {
    List<String> hits = new ArrayList<>();
    LeakScanner scanner = new LeakScanner(local.clients(), local.endpoint());
    hits.addAll(scanner.dynamoDb(mark));
    hits.addAll(scanner.s3(mark));
    hits.addAll(scanner.sqs(mark));
    RecordDecryptor decryptor = LocalRecords.decryptor(local, failure -> { throw new AssertionError("integrity failure", failure); });
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table).consistentRead(true)).items().forEach(item -> {
      if (item.containsKey("recordType") && item.containsKey("dataKey")) {
        decryptor.sensitiveValues(item).forEach((column, value) -> {
          if (value.toUpperCase(java.util.Locale.ROOT).contains(mark)) {
            hits.add("decrypted " + item.get("pk").s() + "|" + item.get("sk").s() + " " + column + " " + value);
          }
        });
      }
    });
    for (ObjectVersion version : local.clients().s3().listObjectVersionsPaginator(request -> request.bucket(bucket).prefix("incoming/"))
        .versions()) {
      byte[] content = local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(version.key())
          .versionId(version.versionId())).asByteArray();
      String text = new String(version.key().endsWith(".gz") ? gunzip(content) : content, StandardCharsets.UTF_8);
      if (text.toUpperCase(java.util.Locale.ROOT).contains(mark)) {
        hits.add("upload " + version.key() + " version " + version.versionId() + (version.isLatest() ? " (current)" : ""));
      }
    }
    return hits;
  }

  /** The one completed audit item other than those named; checks it holds no term and no value. */
  private static Map<String, AttributeValue> audit(Set<String> except) {
    List<Map<String, AttributeValue>> audits = new ArrayList<>(local.clients().dynamoDb().query(request -> request.tableName(table)
        .consistentRead(true).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(CustomerErasure.AUDIT_PK)))).items());
    audits.removeIf(item -> except.contains(item.get("sk").s()));
    assertEquals(1, audits.size(), audits.toString());
    Map<String, AttributeValue> audit = audits.get(0);
    assertEquals(CustomerErasure.COMPLETED, audit.get("status").s());
    assertFalse(audit.containsKey("blindTerms"));
    assertFalse(audit.toString().toUpperCase(java.util.Locale.ROOT).contains("PLANT"), "no value in the audit item");
    return audit;
  }

  private static Map<String, String> counts(Map<String, AttributeValue> audit) {
    Map<String, String> counts = new HashMap<>();
    for (String name : List.of("itemsErased", "itemsFailingIntegrity", "linkedItemsErased", "statesCleaned", "uploadsRewritten",
        "uploadVersionsDeleted")) {
      counts.put(name, audit.get(name).n());
    }
    return counts;
  }

  private static ExecutionInterceptor failOn(String operation, int nth) {
    AtomicInteger calls = new AtomicInteger();
    return new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && calls.incrementAndGet() == nth) {
          throw new IllegalStateException("simulated interruption at " + operation + " " + nth);
        }
      }
    };
  }

  private static void deliverIntake(AwsClients clients) {
    new QueueDelivery(local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(),
        local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), clients, outcome -> { }), "IntakeFunction", 1);
  }

  private static CustomerLookup lookup() {
    return new CustomerLookup(local.clients().dynamoDb(), table, LocalRecords.blindIndex(local),
        LocalRecords.decryptor(local, failure -> { throw new AssertionError("integrity failure", failure); }));
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")), RequestBody.fromBytes(content));
  }

  private static String lines(List<String> lines) {
    return String.join("\n", lines) + "\n";
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static byte[] gunzip(byte[] content) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
