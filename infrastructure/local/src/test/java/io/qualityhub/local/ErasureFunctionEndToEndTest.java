package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.store.BlindIndexedColumn;
import io.qualityhub.core.store.CustomerLookup;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.local.permissions.StackPermissions;
import io.qualityhub.reports.function.ErasureHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The erasure function as Lambda runs it on AWS: invoked with an event, intake taking the rewritten uploads by
 * itself between two invocations (here: the intake queue delivered between them, as nothing else runs intake on
 * the emulator). Two customers of one branch share three uploads; customer X is erased, customer Y must stay
 * exactly as uploaded. Every value of X is planted as {@code PLANTX-...}.
 */
class ErasureFunctionEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final String DAY = "incoming/ERF-01/2026-11-24/";
  private static final String SALES_HEADER = "record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,product_code,"
      + "product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,risk_notice_given,"
      + "customer_signed\n";
  private static final String CLAIMS_HEADER = "claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
      + "reported_at,amount_claimed,currency,handler_id,updated_at,customer_name,customer_id_no,customer_phone,diagnosis\n";
  private static final String REQUESTER = "arn:aws:sts::123456789012:assumed-role/qualityhub-local-customer-data/erasure-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LocalDeployment local;
  private static String bucket;

  @BeforeAll
  static void uploadTwoCustomers() {
    System.setProperty("qualityhub.root", ROOT.toString());
    local = LocalDeployment.open(ROOT, Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    upload("sales.csv", SALES_HEADER + sale("X") + sale("Y"));
    upload("claims.csv", CLAIMS_HEADER + claim("X") + claim("Y"));
    upload("complaints.jsonl", complaint("X") + complaint("Y"));
    deliverIntake();
    assertEquals(2, lookup(BlindIndexedColumn.ID_NUMBER, "PLANTX-ID").size(), "X's sale and claim stored");
    assertEquals(3, lookup(BlindIndexedColumn.PHONE, "PLANTX-PHONE").size(), "X's sale, claim and complaint stored");
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void theFunctionRewritesTheRawUploadsWithoutTheCustomerLeavesTheOtherRowsAsUploadedAndPutsItOnTheTrail() throws Exception {
    Map<String, Object> event = Map.of("idNumber", "plantx-id", "phone", "PLANTX-PHONE", "requestedBy", REQUESTER,
        "requestedByRole", "qualityhub-local-customer-data");

    Map<String, Object> first = invoke(event);
    assertEquals(false, first.get("completed"), first.toString());
    assertEquals(List.of(DAY + "claims.csv", DAY + "complaints.jsonl", DAY + "sales.csv"), first.get("uploadsAwaitingIntake"));
    assertEquals(List.of(3, 0, 0, 3), List.of(first.get("itemsErased"), first.get("linkedItemsErased"),
        first.get("statesCleaned"), first.get("uploadsRewritten")), first.toString());

    deliverIntake(); // on AWS, intake takes the rewritten uploads by itself
    Map<String, Object> second = invoke(event);
    assertEquals(true, second.get("completed"), second.toString());
    assertEquals(true, second.get("resumed"));
    assertEquals(first.get("requestId"), second.get("requestId"));
    assertEquals(List.of(3, 3, 3, List.of()), List.of(second.get("itemsErased"), second.get("uploadsRewritten"),
        second.get("uploadVersionsDeleted"), second.get("uploadsHoldingValues")), second.toString());

    // The raw uploads: one version each, Y's rows byte for byte, nothing of X in any version.
    Map<String, List<String>> versions = new TreeMap<>();
    for (ObjectVersion version : local.clients().s3().listObjectVersionsPaginator(request -> request.bucket(bucket).prefix(DAY))
        .versions()) {
      String text = local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(version.key())
          .versionId(version.versionId())).asUtf8String();
      assertFalse(text.toUpperCase(Locale.ROOT).contains("PLANTX"), version.key() + " version " + version.versionId());
      versions.computeIfAbsent(version.key(), key -> new ArrayList<>()).add(text);
    }
    assertEquals(Map.of(DAY + "sales.csv", List.of(SALES_HEADER + sale("Y")), DAY + "claims.csv", List.of(CLAIMS_HEADER + claim("Y")),
        DAY + "complaints.jsonl", List.of(complaint("Y"))), versions);

    // Lookups: X is found nowhere; Y as before.
    assertEquals(List.of(), lookup(BlindIndexedColumn.ID_NUMBER, "PLANTX-ID"));
    assertEquals(List.of(), lookup(BlindIndexedColumn.PHONE, "PLANTX-PHONE"));
    assertEquals(2, lookup(BlindIndexedColumn.ID_NUMBER, "PLANTY-ID").size());
    assertEquals(3, lookup(BlindIndexedColumn.PHONE, "PLANTY-PHONE").size());

    // The trail: both invocations, by the requester the event named, with the request's count, never a value.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, QualityHubCli.run(new String[] {"audit", "list", "--endpoint", local.endpoint().toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8)));
    List<JsonNode> erasures = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
      JsonNode record = JSON.readTree(line);
      if (record.get("action").asText().equals("erase")) {
        erasures.add(record);
      }
    }
    assertEquals(2, erasures.size(), out.toString(StandardCharsets.UTF_8));
    for (JsonNode record : erasures) {
      assertEquals(REQUESTER, record.get("principal").asText());
      assertEquals("qualityhub-local-customer-data", record.get("role").asText());
      assertEquals("customer records by customer_id_no,customer_phone, request " + first.get("requestId"),
          record.get("subject").asText());
      assertEquals(3, record.get("records").asInt());
    }
    assertFalse((first.toString() + second + out).toUpperCase(Locale.ROOT).contains("PLANTX"), "no value answered or audited");

    // Every request the function made, its role, the keys' and the bucket's policies allow (moto enforces no IAM).
    Set<IamRequest> made = local.calls().requests().get("ErasureFunction");
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan", "kms:Decrypt",
        "kms:GenerateMac", "s3:DeleteObjectVersion", "s3:GetObjectVersion", "s3:ListBucketVersions", "s3:PutObject"),
        StackPermissions.actionsOf(made));
    assertEquals(Map.of(), StackPermissions.of(local).refused(Map.of("ErasureFunction", made)));
  }

  private static Map<String, Object> invoke(Map<String, Object> event) {
    ErasureHandler function = new ErasureHandler(local.settingsOf("ErasureFunction"), local.clientsFor("ErasureFunction"),
        Clock.systemUTC());
    return LocalService.invoke("ErasureFunction",
        () -> function.handleRequest(new HashMap<>(event), LocalContext.forFunction("ErasureFunction", 900_000)));
  }

  private static String sale(String c) {
    return "S-" + c + ",P-" + c + ",2026-11-20T10:00:00+08:00,E-1,2025-01-01,AUT-1,auto,agent,1200,TWD,PLANT" + c + "-name,PLANT"
        + c + "-ID,PLANT" + c + "-PHONE,Y,Y,Y\n";
  }

  private static String claim(String c) {
    return "CLM-" + c + ",P-" + c + ",AUT-1,auto,simple,N,reported,2026-11-20T10:00:00+08:00,5000,TWD,H-1,2026-11-20T11:00:00+08:00,"
        + "PLANT" + c + "-name,PLANT" + c + "-ID,PLANT" + c + "-PHONE,PLANT" + c + "-diagnosis\n";
  }

  private static String complaint(String c) {
    return "{\"complaint_id\":\"K-" + c + "\",\"received_at\":\"2026-11-21T09:00:00+08:00\",\"channel\":\"phone\","
        + "\"category\":\"service\",\"severity\":\"general\",\"status\":\"open\",\"updated_at\":\"2026-11-21T09:00:00+08:00\","
        + "\"customer_name\":\"PLANT" + c + "-name\",\"customer_phone\":\"PLANT" + c + "-PHONE\",\"description\":\"PLANT" + c
        + "-complaint\"}\n";
  }

  private static List<?> lookup(BlindIndexedColumn column, String value) {
    return new CustomerLookup(local.clients().dynamoDb(), local.physicalId("RecordsTable"), LocalRecords.blindIndex(local),
        LocalRecords.decryptor(local, failure -> { throw new AssertionError("integrity failure", failure); }))
        .find(column, value);
  }

  private static void upload(String name, String content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(DAY + name)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(content));
  }

  private static void deliverIntake() {
    new QueueDelivery(local.clients().configure(software.amazon.awssdk.services.sqs.SqsClient.builder()).build(),
        local.attribute("IntakeQueue", "QueueUrl"), local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"), outcome -> { }),
            "IntakeFunction", 1);
  }
}
