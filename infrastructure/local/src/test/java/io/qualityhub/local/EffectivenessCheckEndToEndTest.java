package io.qualityhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.deadlines.AlertRecord;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorRun;
import io.qualityhub.monitor.MonitorScope;
import io.qualityhub.reports.function.ReportHandler;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.function.FindingsHandler;
import io.qualityhub.sampling.function.InspectionStore;
import io.qualityhub.sampling.function.SamplingHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue 15 item 6 on the local emulator: a corrective action reported done waits for its effectiveness check, the
 * monitor chases the check once it is overdue, the check's pass verifies the action and its fail reopens it, and the
 * reports count done, verified and effective apart. Period 2026-04 and branches EFF-01 (the passing check) and EFF-02
 * (the failing one) are this test's alone, and its dates (April to July 2026) come before every other end-to-end
 * test's, so its monitor runs meet no other test's deadlines. No roster is uploaded, so another test's roster may
 * assign the tasks; findings name the assigned inspector.
 */
class EffectivenessCheckEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Period PERIOD = Period.parse("2026-04");
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final String QUALITY_HEAD = "quality-head@qualityhub.example";
  private static final String FINDINGS_HEADER = "inspection_id,inspector_id,inspected_on,result,severity,finding,"
      + "corrective_action,action_owner,action_due_on,action_status,action_closed_on\n";

  private static LocalDeployment local;
  private static String bucket;
  private static String table;
  private static InspectionTask verifiedLater;
  private static InspectionTask reopenedLater;
  private static final PrintStream functionLog = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  /**
   * Both branches' sales of April are drawn whole (two records each); on 5 May one task of each fails (the other
   * passes): EFF-01's action is reported done on 8 May, in the file of 9 May, EFF-02's is left open, due 20 May.
   */
  @BeforeAll
  static void drawAndFail() {
    local = LocalDeployment.open(ROOT, Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    table = local.physicalId("RecordsTable");
    upload("incoming/EFF-01/2026-04-14/sales.csv", sales("EFF-01"));
    upload("incoming/EFF-02/2026-04-14/sales.csv", sales("EFF-02"));
    deliverIntake();
    SamplingHandler sampling = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-05-02T00:00:00Z"), ZoneOffset.UTC));
    List<InspectionTask> tasks = sampling.sample(PERIOD).tasks().stream()
        .sorted(Comparator.comparing(InspectionTask::taskId)).toList();
    verifiedLater = tasks.stream().filter(task -> task.branch().equals("EFF-01")).findFirst().orElseThrow();
    reopenedLater = tasks.stream().filter(task -> task.branch().equals("EFF-02")).findFirst().orElseThrow();
    StringBuilder passes = new StringBuilder();
    tasks.stream().filter(task -> task != verifiedLater && task != reopenedLater).forEach(task -> passes
        .append(task.taskId()).append(',').append(inspector(task)).append(",2026-05-05,pass,,,,,,,\n"));
    upload("incoming/QA/2026-05-09/findings.csv", FINDINGS_HEADER
        + verifiedLater.taskId() + "," + inspector(verifiedLater) + ",2026-05-05,fail,major,告知不完整,重新告知,EFF-01 主管,"
        + "2026-05-20,done,2026-05-08\n"
        + reopenedLater.taskId() + "," + inspector(reopenedLater) + ",2026-05-05,fail,minor,錄音未存檔,補存檔,EFF-02 主管,"
        + "2026-05-20,open,\n" + passes);
    deliverIntake();
    deliverFindings();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void aDoneActionWaitsForItsCheckWhichTheMonitorChasesWhenOverdueAndWhosePassVerifiesIt() throws IOException {
    String checkId = "EC-" + verifiedLater.taskId().substring(4) + "-1";
    Map<String, AttributeValue> done = actionItem(verifiedLater);
    assertEquals("done", done.get("action_status").s());
    assertEquals(checkId, done.get("check_id").s());
    assertEquals("2026-06-07", done.get("check_due_on").s(), "30 days after it was done on 8 May, the plan's default");
    assertTrue(done.containsKey(DeadlineIndexer.DUE_AT), "the monitor watches the pending check");

    MonitorRun overdue = monitor(at("2026-06-08T10:00"));

    assertEquals(Set.of(new AlertRecord("overdue", QUALITY_HEAD, "action", "action.effectiveness_check", "EFF-01",
            List.of(checkId))), recordsOf(overdue, "EFF-01"),
        "the check, not the done action, is overdue, and the quality head hears of it");
    JsonNode tracked = reportJson(reports("2026-06-08").produce(Map.of("period", "2026-06", "scope", "branch:EFF-01",
        "topic", "corrective-actions"))).get("special").get("correctiveActions");
    assertEquals(new ObjectMapper().readTree("[{\"branch\":\"EFF-01\",\"inspectionId\":\"" + verifiedLater.taskId()
        + "\",\"severity\":\"major\",\"owner\":\"EFF-01 主管\",\"raisedOn\":\"2026-05-05\",\"dueOn\":\"2026-05-20\","
        + "\"status\":\"done\",\"closedOn\":\"2026-05-08\",\"checkDueOn\":\"2026-06-07\",\"state\":\"check_overdue\"}]"),
        tracked, "done in May, not closed: June's corrective-action report still tracks it");

    upload("incoming/QA/2026-06-09/findings.csv", FINDINGS_HEADER + checkId + ",QA-E9,2026-06-09,pass,,,,,,,\n");
    deliverIntake();
    deliverFindings();

    Map<String, AttributeValue> verified = actionItem(verifiedLater);
    assertEquals("verified", verified.get("action_status").s());
    assertEquals("pass", verified.get("check_verdict").s());
    assertEquals("QA-E9", verified.get("check_inspector_id").s());
    assertFalse(verified.containsKey(DeadlineIndexer.DUE_AT), "nothing left to chase");
    assertEquals(Set.of(), recordsOf(monitor(at("2026-06-20T10:00")), "EFF-01"));
    assertEquals("line,column,reason,message\r\n", read("rejects/QA/2026-06-09/findings-inspections.csv"));
  }

  @Test
  void aFailedCheckReopensTheActionAndTheReportCountsDoneVerifiedAndEffectiveApart() throws IOException {
    String firstCheck = "EC-" + reopenedLater.taskId().substring(4) + "-1";
    String secondCheck = "EC-" + reopenedLater.taskId().substring(4) + "-2";
    upload("incoming/QA/2026-06-06/findings.csv", FINDINGS_HEADER + reopenedLater.taskId() + ","
        + inspector(reopenedLater) + ",2026-05-05,fail,minor,錄音未存檔,補存檔,EFF-02 主管,2026-05-20,done,2026-06-05\n");
    deliverIntake();
    SQSEvent doneEvent = receive("FindingsQueue", "incoming/QA/2026-06-06/findings.csv");
    FindingsHandler findings = new FindingsHandler(local.settingsOf("FindingsFunction"), local.clients());
    assertTrue(findings.handleRequest(doneEvent, LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());
    JsonNode may = reportJson(reports("2026-06-08").produce(Map.of("period", "2026-05", "scope", "branch:EFF-02")))
        .get("indicators");
    assertEquals(0, value(may, "actions.open"), "done is no longer open");
    assertEquals(1, value(may, "actions.awaiting_check"), "nor is it closed: it awaits its check");
    assertEquals(0, value(may, "actions.verified"));
    assertTrue(indicator(may, "actions.closed_on_time_pct").get("value").isNull(), "nothing verified yet");

    upload("incoming/QA/2026-06-11/findings.csv", FINDINGS_HEADER + firstCheck
        + ",QA-E9,2026-06-10,fail,minor,仍未存檔,全面補存檔,EFF-02 經理,2026-06-30,,\n");
    deliverIntake();
    deliverFindings();

    Map<String, AttributeValue> reopened = actionItem(reopenedLater);
    assertEquals("open", reopened.get("action_status").s());
    assertEquals("EFF-02 經理", reopened.get("action_owner").s());
    assertEquals("2026-06-30", reopened.get("action_due_on").s());
    assertEquals("1", reopened.get("checks_failed").n());
    assertTrue(reopened.containsKey(DeadlineIndexer.DUE_AT), "the reopened action is chased again");
    assertTrue(findings.handleRequest(doneEvent, LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());
    assertEquals(reopened, actionItem(reopenedLater), "the file that said done before the failed check is history");

    upload("incoming/QA/2026-06-21/findings.csv", FINDINGS_HEADER + reopenedLater.taskId() + ","
        + inspector(reopenedLater) + ",2026-05-05,fail,minor,錄音未存檔,補存檔,EFF-02 經理,2026-06-30,done,2026-06-20\n");
    deliverIntake();
    deliverFindings();
    Map<String, AttributeValue> doneAgain = actionItem(reopenedLater);
    assertEquals(secondCheck, doneAgain.get("check_id").s());
    assertEquals("2026-07-20", doneAgain.get("check_due_on").s());
    upload("incoming/QA/2026-07-02/findings.csv", FINDINGS_HEADER + secondCheck + ",QA-E9,2026-07-01,pass,,,,,,,\n"
        + firstCheck + ",QA-E9,2026-06-10,pass,,,,,,,\n");
    deliverIntake();
    deliverFindings();

    assertEquals("verified", actionItem(reopenedLater).get("action_status").s());
    assertEquals("line,column,reason,message\r\n3,inspection_id,RESULT_CONFLICT,\"the inspection already has the"
            + " opposite result on record; a result is recorded once, so ask the quality department's administrator"
            + " to correct the stored result\"\r\n", read("rejects/QA/2026-07-02/findings-inspections.csv"),
        "the first check failed; a pass for it now is refused");
    JsonNode indicators = reportJson(reports("2026-07-03").produce(Map.of("period", "2026-05", "scope",
        "branch:EFF-02"))).get("indicators");
    assertEquals(0, value(indicators, "actions.open"));
    assertEquals(0, value(indicators, "actions.awaiting_check"));
    assertEquals(1, value(indicators, "actions.verified"));
    JsonNode effective = indicator(indicators, "actions.effective_pct");
    assertEquals(50.0, effective.get("value").asDouble(), 1e-9, "one check of two passed");
    assertEquals(2, effective.get("basis").asLong());
    JsonNode onTime = indicator(indicators, "actions.closed_on_time_pct");
    assertEquals(100.0, onTime.get("value").asDouble(), 1e-9, "done again on 20 June, due 30 June");
    assertEquals(1, onTime.get("basis").asLong());
  }

  /** Issue 15 item 4: the report, not only the demo's summary, says what the sample shows, in words. */
  @Test
  void theAprilReportStatesWhatEachBranchsSampleShows() throws IOException {
    JsonNode samples = reportJson(reports("2026-05-10").produce(Map.of("period", "2026-04", "scope", "branch:EFF-01")))
        .get("samples");

    assertEquals(new ObjectMapper().readTree("[{\"period\":\"2026-04\",\"strata\":[{\"recordType\":\"sales\","
        + "\"branch\":\"EFF-01\",\"population\":2,\"sampled\":2,\"inspected\":2,\"deviations\":1,"
        + "\"statement\":\"1 deviation in 2 (all): exactly 50%\"}],\"agreement\":[],\"repeatViolators\":[]}]"), samples,
        "the branch's own stratum, taken whole, with its exact rate; no team in a branch report");
  }

  private static Set<AlertRecord> recordsOf(MonitorRun run, String branch) {
    return run.records().stream().filter(record -> record.branch().equals(branch)).collect(Collectors.toSet());
  }

  private static MonitorRun monitor(Instant asOf) {
    try (SesV2Client ses = local.clients().configure(SesV2Client.builder()).build()) {
      // As the deadline monitor's test does: the emulator takes the sender again without complaint.
      ses.createEmailIdentity(request -> request.emailIdentity(local.settingsOf("MonitorFunction")
          .required("ALERT_SENDER_EMAIL")));
    }
    PrintStream console = System.out;
    System.setOut(functionLog);
    try {
      return new MonitorHandler(local.settingsOf("MonitorFunction"), local.clients(), Clock.fixed(asOf, ZoneOffset.UTC))
          .run(MonitorRequest.at(asOf, MonitorScope.ALL));
    } finally {
      System.setOut(console);
    }
  }

  private static Instant at(String taipeiTime) {
    return LocalDateTime.parse(taipeiTime).atZone(TAIPEI).toInstant();
  }

  private static ReportHandler reports(String day) {
    return new ReportHandler(local.settingsOf("ReportFunction"), local.clients(),
        Clock.fixed(Instant.parse(day + "T04:00:00Z"), ZoneOffset.UTC));
  }

  private static JsonNode reportJson(Map<String, Object> produced) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> formats = (Map<String, Object>) produced.values().iterator().next();
    @SuppressWarnings("unchecked")
    String jsonKey = (String) ((Map<String, Object>) formats.get("json")).get("key");
    return new ObjectMapper().readTree(local.clients().s3().getObjectAsBytes(request -> request
        .bucket(local.physicalId("ReportsBucket")).key(jsonKey)).asByteArray());
  }

  private static long value(JsonNode indicators, String id) {
    return indicator(indicators, id).get("value").asLong();
  }

  private static JsonNode indicator(JsonNode indicators, String id) {
    for (JsonNode node : indicators) {
      if (node.get("id").asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no indicator " + id + " in " + indicators);
  }

  /** The task's assigned inspector, or any when no roster assigned it. */
  private static String inspector(InspectionTask task) {
    return task.assignment().assigned() ? task.assignment().inspectorId() : "QA-E1";
  }

  private static Map<String, AttributeValue> actionItem(InspectionTask task) {
    String actionId = "CA-" + task.taskId().substring(4);
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(InspectionStore.actionPk(task.branch(), actionId)),
            "sk", AttributeValue.fromS("STATE")))).item();
  }

  /** Two sales in April: too few for a sample, so both are inspected. */
  private static String sales(String branch) {
    StringBuilder csv = new StringBuilder("branch,record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (int i = 1; i <= 2; i++) {
      csv.append(branch).append(",S-").append(branch).append('-').append(i).append(",P-").append(i)
          .append(",2026-04-0").append(i).append("T10:00:00+08:00,AG-1,2019-03-01,LF-WL20,life,agent,1200.00,TWD,")
          .append("陳美玲,A223456781,0912-345-678,Y,Y,Y,REC-").append(i).append('\n');
    }
    return csv.toString();
  }

  private static void upload(String key, String content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(content, StandardCharsets.UTF_8));
  }

  private static String read(String key) {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key))
        .asString(StandardCharsets.UTF_8);
  }

  private static void deliverIntake() {
    assertEquals(List.of(), deliver("IntakeQueue", new IntakeHandler(local.settingsOf("IntakeFunction"),
        local.clients(), outcome -> { }), "IntakeFunction"));
  }

  private static void deliverFindings() {
    assertEquals(List.of(), deliver("FindingsQueue", new FindingsHandler(local.settingsOf("FindingsFunction"),
        local.clients()), "FindingsFunction"));
  }

  /** @return the ids of the messages the handler failed */
  private static List<String> deliver(String queue,
      com.amazonaws.services.lambda.runtime.RequestHandler<SQSEvent, com.amazonaws.services.lambda.runtime.events.SQSBatchResponse> handler,
      String function) {
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    return new QueueDelivery(sqs, local.attribute(queue, "QueueUrl"), local.attribute(queue, "Arn"),
        local.clients().region().id(), functionLog).drain(handler, function, 2);
  }

  private static SQSEvent receive(String queue, String objectKey) {
    return QueueMessages.about(local, queue, objectKey);
  }
}
