package io.qualityhub.local;

import io.qualityhub.core.store.ItemSeal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.sampling.domain.AdhocRequest;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.StratumStatistics;
import io.qualityhub.sampling.function.AdhocOrderStore;
import io.qualityhub.sampling.function.FindingsHandler;
import io.qualityhub.sampling.function.SampleResults;
import io.qualityhub.sampling.function.SampleStore;
import io.qualityhub.sampling.function.SamplingHandler;
import io.qualityhub.sampling.function.SamplingOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ad-hoc inspections on the local emulator (issue 15 item 5): July's sales at ADH-01 and ADH-02 drawn, then two
 * orders given through {@code qualityhub sample adhoc} as the quality department would, one picking 3 sales of
 * ADH-01 at random, one naming 2. Their tasks must be stored, assigned independently and balanced with the drawn
 * ones, sent, listed and audited, and {@code sample verify} must still pass.
 */
class AdhocInspectionEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Period JULY = Period.parse("2026-07");
  private static final String CUSTOMER_NAME = "林雅婷";
  private static final String CUSTOMER_ID = "F223456789";
  private static final String CUSTOMER_PHONE = "0987-654-321";
  private static final String COUNT_REASON = "complaint CMP-0042: mis-selling suspected at ADH-01";
  private static final String IDS_REASON = "follow-up of audit note AN-7";
  /** Computed apart: "ADH-20260720-" and SHA-256("2026-07|ADH-01|sales|<reason>|3||2026-07-20"), first 8 bytes. */
  private static final String COUNT_ORDER = "ADH-20260720-fcac1ee9c8658022";
  /** Computed apart, of "2026-07|ADH-01|sales|<reason>|0|S-ADH-01-005,S-ADH-01-009|2026-07-20" (ids sorted). */
  private static final String IDS_ORDER = "ADH-20260720-c5e650c289837acc";
  /** moto's caller identity, as STS GetCallerIdentity gives it to the command line. */
  private static final String REQUESTER = "arn:aws:sts::123456789012:user/moto";
  private static final Clock ORDER_DAY = Clock.fixed(Instant.parse("2026-07-20T02:00:00Z"), ZoneOffset.UTC);

  /** QA-H1 is from ADH-01, QA-H2 from ADH-02, QA-H4 on the claims team and QA-H5 inactive. */
  private static final String ROSTER = "inspector_id,home_branch,team,capacity,active\n"
      + "QA-H1,ADH-01,sales,60,Y\n"
      + "QA-H2,ADH-02,sales,60,Y\n"
      + "QA-H3,HQ,all,60,Y\n"
      + "QA-H4,HQ,claims,60,Y\n"
      + "QA-H5,HQ,sales,60,N\n";

  private static LocalDeployment local;
  private static String bucket;
  private static SamplingOutcome drawn;
  private static String countOrderOutput;
  private static final List<String> messagesSeen = new ArrayList<>();

  @BeforeAll
  static void drawJulyAndOrderTwoAdHocInspections() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    upload("incoming/ADH-01/2026-07-25/sales.csv", sales("ADH-01", 30));
    upload("incoming/ADH-02/2026-07-25/sales.csv", sales("ADH-02", 4));
    upload("incoming/QA/2026-07-01/inspectors.csv", ROSTER.getBytes(StandardCharsets.UTF_8));
    new QueueDelivery(local.clients().configure(SqsClient.builder()).build(), local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }), "IntakeFunction", 2);
    drawn = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-08-02T00:00:00Z"), ZoneOffset.UTC)).sample(JULY);
    countOrderOutput = adhoc(0, "--branch", "ADH-01", "--type", "sales", "--reason", COUNT_REASON, "--count", "3",
        "--period", "2026-07");
    adhoc(0, "--branch", "ADH-01", "--type", "sales", "--reason", IDS_REASON, "--ids", "S-ADH-01-009,S-ADH-01-005",
        "--period", "2026-07");
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void aCountOrderCreatesThatManyAdHocTasksAtTheBranchForIndependentInspectors() {
    List<InspectionTask> ordered = adhocTasks(COUNT_ORDER);
    assertEquals(3, ordered.size());
    AdhocRequest request = new AdhocRequest(COUNT_ORDER, COUNT_REASON, REQUESTER, LocalDate.of(2026, 7, 20));
    for (InspectionTask task : ordered) {
      assertEquals("ADH-01", task.branch());
      assertEquals("sales", task.recordType());
      assertTrue(task.record().recordId().matches("S-ADH-01-0[0-3][0-9]"), task.record().recordId());
      assertEquals(request, task.adhoc());
      assertEquals(List.of(COUNT_ORDER), task.reasons());
      assertEquals(1.0, task.inclusionProbability());
      assertEquals("sales-quality", task.team());
      assertEquals(LocalDate.of(2026, 8, 9), task.dueOn(), "the plan's 20 days after the order");
      // Not QA-H1 (from ADH-01), QA-H4 (claims) or QA-H5 (inactive).
      assertTrue(List.of("QA-H2", "QA-H3").contains(task.assignment().inspectorId()), task.assignment().toString());
    }
    assertTrue(countOrderOutput.startsWith("Ad-hoc order " + COUNT_ORDER + ": 3 sales tasks at ADH-01 in 2026-07, 3 new,"
        + " 3 sent to the inspection queue."), countOrderOutput);
  }

  @Test
  void anIdsOrderCreatesExactlyTheNamedTasks() {
    // Task ids computed apart: SHA-256("adhoc|" + IDS_ORDER + "|sales|ADH-01|S-ADH-01-005"), first 8 bytes.
    assertEquals(List.of("INS-2026-07-ca996ec1c6791c53 S-ADH-01-005", "INS-2026-07-b2ee141aa6463ea6 S-ADH-01-009"),
        adhocTasks(IDS_ORDER).stream().map(task -> task.taskId() + " " + task.record().recordId()).toList());
  }

  @Test
  void loadsStayBalancedAcrossDrawnAndAdHocTasks() {
    Map<String, Integer> loads = new TreeMap<>();
    for (SampleStore.StoredTask stored : sampleStore().tasks(JULY)) {
      loads.merge(stored.task().assignment().inspectorId(), 1, Integer::sum);
      if (stored.task().assignment().doubleScored()) {
        loads.merge(stored.task().assignment().secondInspectorId(), 1, Integer::sum);
      }
    }
    // ADH-01's tasks may go to QA-H2 and QA-H3 alone, so those two share them evenly.
    assertTrue(Math.abs(loads.get("QA-H2") - loads.get("QA-H3")) <= 1, loads.toString());
    assertEquals(List.of("QA-H1", "QA-H2", "QA-H3"), List.copyOf(loads.keySet()));
  }

  @Test
  void adHocTasksReachTheQueueAndTheTeamsListMarkedAdHocWithoutCustomerData() throws Exception {
    List<JsonNode> adhocMessages = new ArrayList<>();
    for (String body : inspectionMessages()) {
      for (String sensitive : List.of(CUSTOMER_NAME, CUSTOMER_ID, CUSTOMER_PHONE)) {
        assertFalse(body.contains(sensitive), body);
      }
      JsonNode message = new ObjectMapper().readTree(body);
      if (message.get("adhoc").asBoolean()) {
        adhocMessages.add(message);
      }
    }
    assertEquals(5, adhocMessages.size());
    // The --count order may pick the same record, so its message is found by its order too.
    JsonNode named = adhocMessages.stream().filter(message -> message.get("recordId").asText().equals("S-ADH-01-005")
        && message.get("adhocOrderId").asText().equals(IDS_ORDER)).findFirst()
        .orElseThrow(() -> new AssertionError("no message for S-ADH-01-005 from the --ids order " + IDS_ORDER));
    assertEquals(IDS_REASON, named.get("adhocReason").asText());
    assertEquals(REQUESTER, named.get("requestedBy").asText());

    String list = local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket)
        .key("samples/2026-07/sales-quality.csv")).asString(StandardCharsets.UTF_8);
    List<String> rows = list.lines().skip(1).toList();
    assertEquals(drawn.tasks().size() + 5, rows.size());
    assertEquals(5, rows.stream().filter(row -> row.endsWith(",Y")).count());
    assertTrue(rows.stream().filter(row -> row.contains("," + IDS_ORDER + ",")).allMatch(row -> row.endsWith(",1,Y")));
    for (String sensitive : List.of(CUSTOMER_NAME, CUSTOMER_ID, CUSTOMER_PHONE)) {
      assertFalse(list.contains(sensitive));
    }
  }

  @Test
  void eachOrderIsOnTheAuditTrailWithItsRequesterReasonAndTasks() {
    List<AccessRecord> orders = new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable")).records()
        .stream().filter(record -> record.action().equals(AccessRecord.ADHOC_INSPECTION)).toList();
    assertEquals(2, orders.size(), "each order once, however often it is given");
    AccessRecord named = orders.stream().filter(record -> record.reportKey().contains(IDS_ORDER)).findFirst()
        .orElseThrow();
    assertEquals(REQUESTER, named.who());
    assertEquals(2L, named.records());
    assertEquals("ad-hoc inspection order " + IDS_ORDER + " of sales at ADH-01 in 2026-07 (ids), reason: " + IDS_REASON
        + "; tasks INS-2026-07-ca996ec1c6791c53,INS-2026-07-b2ee141aa6463ea6", named.reportKey());
  }

  @Test
  void verifyStillPassesAndTheDrawsStatisticsLeaveAdHocTasksOut() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, new SampleCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(List.of("verify", "--period", "2026-07", "--endpoint", local.endpoint().toString())),
        out.toString(StandardCharsets.UTF_8));
    Map<String, Integer> sampled = new TreeMap<>();
    for (StratumStatistics stratum : new SampleResults(sampleStore()).perStratum(JULY)) {
      sampled.put(stratum.stratum().branch(), stratum.statistics().sampled());
    }
    Map<String, Integer> drawnPerBranch = new TreeMap<>();
    drawn.tasks().forEach(task -> drawnPerBranch.merge(task.branch(), 1, Integer::sum));
    assertEquals(drawnPerBranch, sampled);
  }

  @Test
  void theSameOrderGivenAgainCreatesAndSendsNothing() {
    int messagesBefore = inspectionMessages().size();
    String again = adhoc(0, "--branch", "ADH-01", "--type", "sales", "--reason", COUNT_REASON, "--count", "3",
        "--period", "2026-07");
    assertTrue(again.startsWith("Ad-hoc order " + COUNT_ORDER + " (given before; completed): 3 sales tasks at ADH-01 in"
        + " 2026-07, 0 new, 0 sent to the inspection queue."), again);
    assertEquals(messagesBefore, inspectionMessages().size());
    assertEquals(3, adhocTasks(COUNT_ORDER).size());
  }

  @Test
  void aRemovedAdHocTaskIsReportedByVerify() {
    adhoc(0, "--branch", "ADH-02", "--type", "sales", "--reason", "spot check", "--ids", "S-ADH-02-001",
        "--period", "2026-07");
    InspectionTask removed = adhocTasks().stream().filter(task -> task.branch().equals("ADH-02")).findFirst()
        .orElseThrow();
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("SAMPLE#2026-07"),
        "sk", AttributeValue.fromS("TASK#" + removed.taskId()));
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request
        .tableName(local.physicalId("RecordsTable")).key(key).consistentRead(true)).item();
    local.clients().dynamoDb().deleteItem(request -> request.tableName(local.physicalId("RecordsTable")).key(key));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(1, new SampleCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8))
          .run(List.of("verify", "--period", "2026-07", "--endpoint", local.endpoint().toString())));
      assertEquals("late arrivals: 0\nleft since the draw: 0\nchanged since the draw: 0\n"
          + "Sample 2026-07 differs from a fresh draw (1 difference):\n  sales/ADH-02/S-ADH-02-001: ad-hoc order "
          + removed.adhoc().orderId() + " gives this task, but it is not stored; it was removed or never stored\n",
          out.toString(StandardCharsets.UTF_8));
    } finally {
      local.clients().dynamoDb().putItem(request -> request.tableName(local.physicalId("RecordsTable")).item(item));
    }
  }

  @Test
  void aReasonThatMayHoldAnIdNumberIsRefusedWithoutRepeatingItAndNothingIsOrdered() {
    int ordersBefore = orderStore().orders(JULY).size();
    UsageException refused = assertThrows(UsageException.class, () -> adhoc(2, "--branch", "ADH-01", "--type", "sales",
        "--reason", "customer " + CUSTOMER_ID + " called", "--count", "1", "--period", "2026-07"));
    assertTrue(refused.getMessage().contains("--reason: holds a run of 8 or more digits"), refused.getMessage());
    assertFalse(refused.getMessage().contains(CUSTOMER_ID));
    assertEquals(ordersBefore, orderStore().orders(JULY).size());
  }

  @Test
  void recordsTheBranchNeverSentAreRefusedByName() {
    UsageException refused = assertThrows(UsageException.class, () -> adhoc(2, "--branch", "ADH-01", "--type", "sales",
        "--reason", "spot check", "--ids", "S-ADH-01-005,S-ADH-02-001", "--period", "2026-07"));
    assertTrue(refused.getMessage().contains("--ids: 1 of the records named (S-ADH-02-001) are not sales records of"
        + " branch ADH-01 on record"), refused.getMessage());
  }

  @Test
  void onlyTheAssignedInspectorsFindingOnAnAdHocTaskCounts() {
    InspectionTask task = adhocTasks(IDS_ORDER).getFirst();
    String stranger = task.assignment().inspectorId().equals("QA-H2") ? "QA-H3" : "QA-H2";
    String header = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n";
    upload("incoming/QA/2026-07-27/findings.csv", (header + task.taskId() + "," + stranger + ",2026-07-27,fail,minor,"
        + "未告知,補告知,ADH-01 主管,2026-08-15,open,\n").getBytes(StandardCharsets.UTF_8));
    upload("incoming/QA/2026-07-28/findings.csv", (header + task.taskId() + "," + task.assignment().inspectorId()
        + ",2026-07-28,pass,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    assertEquals(List.of(), new QueueDelivery(sqs, local.attribute("IntakeQueue", "QueueUrl"),
        local.attribute("IntakeQueue", "Arn"), local.clients().region().id(), quiet)
        .drain(new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }), "IntakeFunction", 2));
    assertEquals(List.of(), new QueueDelivery(sqs, local.attribute("FindingsQueue", "QueueUrl"),
        local.attribute("FindingsQueue", "Arn"), local.clients().region().id(), quiet)
        .drain(new FindingsHandler(local.settingsOf("FindingsFunction"), local.clients()), "FindingsFunction", 2));

    String rejects = local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket)
        .key("rejects/QA/2026-07-27/findings-inspections.csv")).asString(StandardCharsets.UTF_8);
    assertTrue(rejects.startsWith("line,column,reason,message\r\n2,inspection_id,INSPECTOR_NOT_ASSIGNED,"), rejects);
    SampleStore.StoredTask stored = sampleStore().tasks(JULY).stream()
        .filter(candidate -> candidate.task().taskId().equals(task.taskId())).findFirst().orElseThrow();
    assertEquals("passed", stored.status());
  }

  /** Runs {@code qualityhub sample adhoc ...} on the order day and returns what it printed. */
  private static String adhoc(int expectedStatus, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> command = new ArrayList<>(List.of("adhoc"));
    command.addAll(List.of(args));
    command.addAll(List.of("--endpoint", local.endpoint().toString()));
    int status = new SampleCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8), ORDER_DAY).run(command);
    assertEquals(expectedStatus, status, out.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<InspectionTask> adhocTasks() {
    return sampleStore().tasks(JULY).stream().map(SampleStore.StoredTask::task).filter(InspectionTask::isAdhoc)
        .sorted(Comparator.comparing(InspectionTask::record)).toList();
  }

  private static List<InspectionTask> adhocTasks(String orderId) {
    return adhocTasks().stream().filter(task -> task.adhoc().orderId().equals(orderId)).toList();
  }

  private static SampleStore sampleStore() {
    return new SampleStore(local.clients().dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"),
        local.clients()), refused -> { throw refused; });
  }

  private static AdhocOrderStore orderStore() {
    return new AdhocOrderStore(local.clients().dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"),
        local.clients()), refused -> { throw refused; });
  }

  /** Every message on the inspection queue so far (received once, kept for the other tests). */
  private static synchronized List<String> inspectionMessages() {
    return QueueMessages.allBodies(local, "InspectionQueue", messagesSeen);
  }

  private static byte[] sales(String branch, int rows) {
    StringBuilder csv = new StringBuilder("branch,record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (int i = 1; i <= rows; i++) {
      csv.append(branch).append(",S-").append(branch).append('-').append(String.format("%03d", i))
          .append(",P-").append(i).append(",2026-07-").append(String.format("%02d", 1 + i % 24))
          .append("T10:00:00+08:00,AG-").append(i % 5).append(",2019-03-01,LF-WL20,life,agent,")
          .append(1000 + i * 10).append(".00,TWD,").append(CUSTOMER_NAME).append(',').append(CUSTOMER_ID)
          .append(',').append(CUSTOMER_PHONE).append(",Y,Y,Y,REC-").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content));
  }
}
