package io.qualityhub.local;

import io.qualityhub.core.store.ItemSeal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.Settings;
import io.qualityhub.deadlines.CorrectiveActionSnapshot;
import io.qualityhub.intake.DeadlineIndexer;
import io.qualityhub.intake.DeadlineItems;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.reports.function.AggregateHandler;
import io.qualityhub.reports.function.ReportHandler;
import io.qualityhub.sampling.domain.Assignment;
import io.qualityhub.sampling.domain.Assurance;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.SizingRule;
import io.qualityhub.sampling.domain.Stratum;
import io.qualityhub.sampling.domain.StratumDraw;
import io.qualityhub.sampling.domain.StratumSizing;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.domain.ScoringAgreement;
import io.qualityhub.sampling.function.FindingsHandler;
import io.qualityhub.sampling.function.InspectionStore;
import io.qualityhub.sampling.function.SamplingHandler;
import io.qualityhub.sampling.function.SampleResults;
import io.qualityhub.sampling.function.SampleStore;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sampling and findings on the local emulator with the resources template.yaml declares: sales uploaded through
 * intake, the month drawn, drawn again, verified, tampered with, and findings applied to the drawn tasks and counted
 * in the report of the inspected branch.
 * Period 2026-08 and branches SMP-* keep this test's data apart from the other end-to-end tests'; branches ACT-*
 * (all of their sales drawn) are the corrective-action report's alone, SEL-01 (drawn whole, inspected in December)
 * the seal test's.
 */
class SamplingEndToEndTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Period PERIOD = Period.parse("2026-08");
  private static final String CUSTOMER_NAME = "陳美玲";
  private static final String CUSTOMER_ID = "A223456781";
  private static final String CUSTOMER_PHONE = "0912-345-678";

  /** The latest roster: QA-S5 is inactive, QA-S6 on the claims team, the others may take sales. */
  private static final String ROSTER = "inspector_id,home_branch,team,capacity,active\n"
      + "QA-S1,SMP-01,sales,40,Y\n"
      + "QA-S2,SMP-03,sales,40,Y\n"
      + "QA-S3,ACT-01,all,40,Y\n"
      + "QA-S4,HQ,sales,40,Y\n"
      + "QA-S5,SMP-02,sales,40,N\n"
      + "QA-S6,HQ,claims,40,Y\n";

  private static LocalDeployment local;
  private static String bucket;
  private static String table;
  private static SamplingHandler sampling;
  private static SamplingOutcome first;
  private static final PrintStream functionLog = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

  @BeforeAll
  static void deployUploadAndDraw() throws Exception {
    local = LocalDeployment.open(ROOT, Optional.empty());
    bucket = local.physicalId("IntakeBucket");
    table = local.physicalId("RecordsTable");
    upload("incoming/SMP-01/2026-08-14/sales.csv", sales("SMP-01", 40));
    upload("incoming/SMP-02/2026-08-14/sales.csv", sales("SMP-02", 3));
    upload("incoming/ACT-01/2026-08-14/sales.csv", sales("ACT-01", 3));
    upload("incoming/ACT-02/2026-08-14/sales.csv", sales("ACT-02", 2));
    upload("incoming/SMP-03/2026-08-14/sales.csv", sales("SMP-03", 200));
    upload("incoming/QA/2026-08-01/inspectors.csv", ROSTER.replace("QA-S2,SMP-03", "QA-S2,SMP-01")
        .getBytes(StandardCharsets.UTF_8));
    upload("incoming/QA/2026-08-20/inspectors.csv", ROSTER.getBytes(StandardCharsets.UTF_8));
    upload("incoming/SEL-01/2026-08-14/sales.csv", sales("SEL-01", 2));
    deliver("IntakeQueue", new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }),
        "IntakeFunction");
    Clock clock = Clock.fixed(Instant.parse("2026-09-02T00:00:00Z"), ZoneOffset.UTC);
    sampling = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(), clock);
    first = sampling.sample(PERIOD);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void eachStratumGetsItsAssuranceMinimumAndASmallStratumIsTakenWhole() {
    Map<String, Long> perBranch = ours(first.tasks()).stream()
        .collect(Collectors.groupingBy(InspectionTask::branch, TreeMap::new, Collectors.counting()));
    // 95% confidence that at most 5% deviate: 31 of 40 (2 deviations would be missed with 4.7%), 51 of 200,
    // and all of a stratum of 3.
    assertEquals(Map.of("SMP-01", 31L, "SMP-02", 3L, "SMP-03", 51L), perBranch);
    assertTrue(ours(first.tasks()).stream().filter(task -> task.branch().equals("SMP-02"))
        .allMatch(task -> task.inclusionProbability() == 1.0), "a census picks with certainty");
    assertEquals(LocalDate.parse("2026-09-20"), ours(first.tasks()).getFirst().dueOn());
    Assurance assurance = new Assurance(0.95, 0.05, 0);
    assertEquals(List.of(
        new StratumDraw(new Stratum("sales", "SMP-01", null), 40, 31, new StratumSizing(SizingRule.ASSURANCE, 31, assurance)),
        new StratumDraw(new Stratum("sales", "SMP-02", null), 3, 3, new StratumSizing(SizingRule.CENSUS, 3, assurance)),
        new StratumDraw(new Stratum("sales", "SMP-03", null), 200, 51, new StratumSizing(SizingRule.ASSURANCE, 51, assurance))),
        sampleStore().header(PERIOD).orElseThrow().strata().stream()
            .filter(draw -> draw.stratum().branch().startsWith("SMP-")).toList(),
        "the header records each stratum's sizing");
  }

  @Test
  void theLatestRosterAssignsEveryTaskIndependentlyWithBalancedLoads() {
    Map<String, String> homeBranch = Map.of("QA-S1", "SMP-01", "QA-S2", "SMP-03", "QA-S3", "ACT-01", "QA-S4", "HQ");
    Map<String, Long> loads = new TreeMap<>();
    for (InspectionTask task : first.tasks()) {
      Assignment assignment = task.assignment();
      assertTrue(assignment.assigned(), task.taskId() + " is assigned");
      for (String inspector : assignment.doubleScored()
          ? List.of(assignment.inspectorId(), assignment.secondInspectorId()) : List.of(assignment.inspectorId())) {
        assertTrue(homeBranch.containsKey(inspector), inspector + " is active and on the sales team");
        assertFalse(homeBranch.get(inspector).equals(task.branch()), inspector + " inspects its own branch");
        loads.merge(inspector, 1L, Long::sum);
      }
    }
    assertEquals(homeBranch.keySet(), loads.keySet());
    long most = loads.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long least = loads.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertTrue(most - least <= 1, "loads " + loads);
    double doubleScored = first.tasks().stream().filter(task -> task.assignment().doubleScored()).count()
        / (double) first.tasks().size();
    assertEquals(0.10, doubleScored, 0.01, "the plan's 10% double scoring, within a point");
    assertEquals(LocalDate.parse("2026-08-20"),
        sampleStore().header(PERIOD).orElseThrow().roster().businessDate(),
        "the latest roster uploaded wins");
  }

  @Test
  void aRerunAddsNoTaskAndSendsNoMessage() {
    SamplingOutcome again = sampling.sample(PERIOD);

    assertEquals(0, again.tasksCreated());
    assertEquals(0, again.messagesSent());
    assertEquals(first.tasks().stream().map(InspectionTask::taskId).sorted().toList(),
        again.tasks().stream().map(InspectionTask::taskId).sorted().toList());
    List<String> ids = inspectionMessages().stream()
        .filter(body -> body.contains("\"period\":\"" + PERIOD + "\"")).toList();
    assertEquals(first.tasks().size(), ids.size(), "one message per task, however often the period is drawn");
  }

  @Test
  void noSensitiveValueLeavesInTasksTaskListsOrMessages() {
    List<String> outputs = new ArrayList<>(inspectionMessages());
    outputs.addAll(first.taskLists().stream().map(SamplingEndToEndTest::read).toList());
    for (Map<String, AttributeValue> item : taskItems()) {
      outputs.add(item.toString());
    }
    for (String output : outputs) {
      for (String sensitive : List.of(CUSTOMER_NAME, CUSTOMER_ID, CUSTOMER_PHONE)) {
        assertFalse(output.contains(sensitive), "sensitive value in " + output);
      }
    }
    assertTrue(read("samples/2026-08/sales-quality.csv").startsWith("task_id,period,record_type,branch,record_id"));
  }

  @Test
  void verifyPassesOnTheStoredSampleAndReportsATamperedOne() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String endpoint = local.endpoint().toString();
    assertEquals(0, new SampleCommand(ROOT, new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(List.of("verify", "--period", "2026-08", "--endpoint", endpoint)), out.toString(StandardCharsets.UTF_8));

    InspectionTask removed = ours(first.tasks()).getFirst();
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("SAMPLE#" + PERIOD),
        "sk", AttributeValue.fromS("TASK#" + removed.taskId()));
    Map<String, AttributeValue> item = local.clients().dynamoDb()
        .getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
    local.clients().dynamoDb().deleteItem(request -> request.tableName(table).key(key));
    try {
      ByteArrayOutputStream tampered = new ByteArrayOutputStream();
      assertEquals(1, new SampleCommand(ROOT, new PrintStream(tampered, true, StandardCharsets.UTF_8))
          .run(List.of("verify", "--period", "2026-08", "--endpoint", endpoint)));
      List<SampleDifference> differences = SampleCommand.verify(local, PERIOD);
      assertEquals(1, differences.size(), differences.toString());
      assertTrue(differences.getFirst() instanceof SampleDifference.MissingFromStored missing
          && missing.record().equals(removed.record()), differences.toString());
      assertTrue(tampered.toString(StandardCharsets.UTF_8).contains(removed.record().recordId()));
    } finally {
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(item));
    }
  }

  /**
   * Threat: a task added or changed by hand in the table, to have a record inspected that was not drawn (or to drop
   * one that was). Control: every task and header carries the sampling function's seal; test: the hand-made task is
   * refused and counted by the sampling run and left out of what it sends, lists and verifies; a changed header stops
   * the run, counted.
   */
  @Test
  void aTaskAddedByHandOrAChangedHeaderIsRefusedAndCounted() {
    String notDrawn = java.util.stream.IntStream.rangeClosed(1, 40)
        .mapToObj(i -> String.format("S-SMP-01-%03d", i))
        .filter(id -> ours(first.tasks()).stream().noneMatch(task -> task.record().recordId().equals(id)))
        .findFirst().orElseThrow();
    InspectionTask template = ours(first.tasks()).getFirst();
    Map<String, AttributeValue> added = new java.util.HashMap<>(taskItem(template));
    String taskId = InspectionTask.idFor(PERIOD, new io.qualityhub.sampling.domain.RecordKey("sales", "SMP-01", notDrawn));
    added.put("sk", AttributeValue.fromS("TASK#" + taskId));
    added.put("taskId", AttributeValue.fromS(taskId));
    added.put("recordId", AttributeValue.fromS(notDrawn));
    added.remove("queued");
    local.clients().dynamoDb().putItem(request -> request.tableName(table).item(added));
    Map<String, AttributeValue> headerKey = Map.of("pk", AttributeValue.fromS("SAMPLE#" + PERIOD), "sk", AttributeValue.fromS("SAMPLE"));
    Map<String, AttributeValue> header = local.clients().dynamoDb()
        .getItem(request -> request.tableName(table).key(headerKey).consistentRead(true)).item();
    try {
      io.qualityhub.core.store.RefusedItems refused = new io.qualityhub.core.store.RefusedItems();
      SamplingOutcome rerun = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(),
          Clock.fixed(Instant.parse("2026-09-02T00:00:00Z"), ZoneOffset.UTC), refused).sample(PERIOD);
      assertEquals(1, refused.count(), refused.messages().toString());
      assertTrue(refused.messages().getFirst().contains("TASK#" + taskId + " in " + table + " fails its seal"),
          "a sealed task copied and changed: " + refused.messages());
      assertEquals(0, rerun.messagesSent(), "nothing sent for the hand-made task");
      assertTrue(rerun.tasks().stream().noneMatch(task -> task.taskId().equals(taskId)));
      assertEquals(first.tasks().size(), rerun.tasks().size(), "the drawn tasks as before");
      assertEquals(List.of(), SampleCommand.verify(local, PERIOD), "verification sees only sealed tasks");

      Map<String, AttributeValue> changed = new java.util.HashMap<>(header);
      changed.put("selectedCount", AttributeValue.fromN("1"));
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(changed));
      io.qualityhub.core.store.RefusedItems headerRefused = new io.qualityhub.core.store.RefusedItems();
      SamplingHandler handler = new SamplingHandler(local.settingsOf("SamplingFunction"), local.clients(),
          Clock.fixed(Instant.parse("2026-09-02T00:00:00Z"), ZoneOffset.UTC), headerRefused);
      assertThrows(io.qualityhub.core.crypto.TamperedValueException.class, () -> handler.sample(PERIOD));
      assertEquals(1, headerRefused.count(), headerRefused.messages().toString());
    } finally {
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(header));
      local.clients().dynamoDb().deleteItem(request -> request.tableName(table)
          .key(Map.of("pk", added.get("pk"), "sk", added.get("sk"))));
    }
  }

  @Test
  void onlyAssignedInspectorsReportAndTheSecondScoreIsKeptForAgreement() throws Exception {
    List<InspectionTask> smp03 = tasksOf("SMP-03");
    InspectionTask single = smp03.stream().filter(task -> !task.assignment().doubleScored()).toList().getLast();
    InspectionTask doubled = smp03.stream().filter(task -> task.assignment().doubleScored()).findFirst().orElseThrow();
    String stranger = List.of("QA-S1", "QA-S3", "QA-S4").stream()
        .filter(id -> !single.assignment().accepts(id)).findFirst().orElseThrow();
    String header = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n";
    // A file names an inspection once (its id column), so each inspector of a double-scored task reports in their own.
    upload("incoming/QA/2026-09-05/findings.csv", (header
        + single.taskId() + "," + stranger + ",2026-09-05,pass,,,,,,,\n"
        + doubled.taskId() + "," + doubled.assignment().secondInspectorId() + ",2026-09-05,pass,,,,,,,\n")
        .getBytes(StandardCharsets.UTF_8));
    upload("incoming/QA/2026-09-06/findings.csv", (header
        + doubled.taskId() + "," + inspector(doubled) + ",2026-09-06,fail,minor,錄音缺漏,補錄音,SMP-03 主管,"
        + "2026-09-30,open,\n").getBytes(StandardCharsets.UTF_8));
    applyFindings();

    assertEquals("line,column,reason,message\r\n2,inspection_id,INSPECTOR_NOT_ASSIGNED,\"inspector_id is not an"
            + " inspector assigned to this inspection, so the finding does not count (policy II.2: independent"
            + " inspection); the task list's inspector_id and second_inspector_id name who may report it\"\r\n",
        read("rejects/QA/2026-09-05/findings-inspections.csv"));
    assertEquals("open", taskItem(single).get("status").s(), "the stranger's pass counts for nothing");
    Map<String, AttributeValue> doubledItem = taskItem(doubled);
    assertEquals("failed", doubledItem.get("status").s(), "the first inspector's result decides");
    assertEquals("pass", doubledItem.get("secondVerdict").s(), "the second inspector's result is kept");
    ScoringAgreement sales = new SampleResults(sampleStore())
        .agreementPerTeam(PERIOD).stream().filter(team -> team.team().equals("sales-quality")).findFirst().orElseThrow();
    assertEquals(1, sales.pairs());
    assertEquals(0, sales.agreements());
    assertEquals(List.of(doubled.taskId()), sales.disagreements());
  }

  @Test
  void findingsCloseTasksOpenAMonitoredActionAndRejectUnknownInspections() throws Exception {
    // A task's first result stands, so each findings test reports on a branch no other test reports on.
    List<InspectionTask> tasks = tasksOf("SMP-02");
    InspectionTask passed = tasks.get(0);
    InspectionTask failed = tasks.get(1);
    String findings = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n"
        + passed.taskId() + "," + inspector(passed) + ",2026-09-03,pass,,,,,,,\n"
        + failed.taskId() + "," + inspector(failed) + ",2026-09-03,fail,major,告知不完整,重新告知,SMP-02 主管,2026-09-10,open,\n"
        + "INS-2026-08-ffffffffffffffff,QA-03,2026-09-03,pass,,,,,,,\n";
    upload("incoming/QA/2026-09-04/findings.csv", findings.getBytes(StandardCharsets.UTF_8));
    deliver("IntakeQueue", new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }),
        "IntakeFunction");
    SQSEvent event = receive("FindingsQueue", "incoming/QA/2026-09-04/findings.csv");
    assertEquals(1, event.getRecords().size(), "the findings upload's file event reaches the findings queue");
    FindingsHandler handler = new FindingsHandler(local.settingsOf("FindingsFunction"), local.clients());

    assertTrue(handler.handleRequest(event, LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());

    assertEquals("passed", taskItem(passed).get("status").s());
    assertEquals("failed", taskItem(failed).get("status").s());
    Map<String, AttributeValue> action = actionItem(failed);
    CorrectiveActionSnapshot snapshot = DeadlineItems.action(action);
    assertEquals("SMP-02 主管", snapshot.owner());
    assertEquals(LocalDate.parse("2026-09-10"), snapshot.dueOn());
    assertEquals(failed.taskId(), snapshot.inspectionId());
    assertTrue(action.containsKey(DeadlineIndexer.DUE_SHARD) && action.containsKey(DeadlineIndexer.DUE_AT),
        "the open action is in the deadline monitor's index");
    assertEquals("line,column,reason,message\r\n4,inspection_id,UNKNOWN_INSPECTION,\"inspection_id matches no"
            + " inspection task; copy it from the team's task list\"\r\n",
        read("rejects/QA/2026-09-04/findings-inspections.csv"));

    Map<String, AttributeValue> taskBefore = taskItem(failed);
    assertTrue(handler.handleRequest(event, LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());
    assertEquals(action, actionItem(failed), "a replay changes nothing");
    assertEquals(taskBefore, taskItem(failed), "a replay changes nothing");
  }

  @Test
  void aPassAndAFailCountInTheMonthsReportOfTheInspectedBranch() throws Exception {
    // A task's first result stands, so each findings test reports on a branch of its own.
    List<InspectionTask> tasks = tasksOf("SMP-01");
    InspectionTask passed = tasks.get(0);
    InspectionTask failed = tasks.get(1);
    String key = "incoming/QA/2026-10-02/findings.csv";
    String findings = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n"
        + passed.taskId() + "," + inspector(passed) + ",2026-10-01,pass,,,,,,,\n"
        + failed.taskId() + "," + inspector(failed) + ",2026-10-01,fail,minor,錄音未存檔,補存檔,SMP-01 主管,2026-10-20,open,\n"
        + "INS-2026-08-eeeeeeeeeeeeeeee,QA-03,2026-10-01,fail,minor,無,無,SMP-01 主管,2026-10-20,open,\n";
    upload(key, findings.getBytes(StandardCharsets.UTF_8));
    deliver("IntakeQueue", new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { }),
        "IntakeFunction");
    deliver("FindingsQueue", new FindingsHandler(local.settingsOf("FindingsFunction"), local.clients()),
        "FindingsFunction");
    assertEquals("open", actionItem(failed).get("action_status").s(), "the fail opened a corrective action");

    assertEquals(List.of(), deliver("AggregatesQueue",
        new AggregateHandler(local.settingsOf("AggregateFunction"), local.clients()), "AggregateFunction"));
    Clock novemberSecond = Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC);
    Map<String, Object> produced = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), novemberSecond)
        .produce(Map.of("period", "2026-10", "scope", "branch:SMP-01"));

    JsonNode indicators = reportJson(produced).get("indicators");
    JsonNode passRate = indicator(indicators, "inspections.pass_rate_pct.sales_recording");
    assertEquals(50.0, passRate.get("value").asDouble(), 1e-9, "one pass of two inspections; the unknown one not counted");
    assertEquals(2, passRate.get("basis").asLong());
    assertEquals(1, indicator(indicators, "actions.open").get("value").asLong(), "the fail's action is open");
    assertEquals(1, indicator(indicators, "actions.overdue").get("value").asLong(), "due 2026-10-20, open at month end");
  }

  /**
   * Threat: someone changes a corrective action (closing it by hand) or an inspection result in the table, so that
   * the report shows better figures and the monitor stops chasing the action. Control: findings seal both; findings
   * and the report function check the seals. Test: with the action and a task changed, the report counts neither,
   * and counts both refused; a later findings row for the changed inspection is rejected, counted again.
   */
  @Test
  void aChangedActionOrInspectionResultIsRefusedByFindingsAndReports() throws Exception {
    List<InspectionTask> selTasks = tasksOf("SEL-01");
    InspectionTask failed = selTasks.get(0);
    InspectionTask passed = selTasks.get(1);
    String header = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n";
    upload("incoming/QA/2026-12-06/findings.csv", (header
        + failed.taskId() + "," + inspector(failed) + ",2026-12-05,fail,major,告知不完整,重新告知,SEL-01 主管,2026-12-15,open,\n"
        + passed.taskId() + "," + inspector(passed) + ",2026-12-05,pass,,,,,,,\n").getBytes(StandardCharsets.UTF_8));
    applyFindings();
    Clock januarySecond = Clock.fixed(Instant.parse("2027-01-02T00:00:00Z"), ZoneOffset.UTC);
    Map<String, Object> order = Map.of("period", "2026-12", "scope", "branch:SEL-01");
    io.qualityhub.core.store.RefusedItems untamperedRefusals = new io.qualityhub.core.store.RefusedItems();
    JsonNode before = reportJson(new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), januarySecond,
        untamperedRefusals).produce(order)).get("indicators");
    assertEquals(2, indicator(before, "inspections.pass_rate_pct.sales_recording").get("basis").asLong());
    assertEquals(1, indicator(before, "actions.overdue").get("value").asLong());
    assertEquals(0, untamperedRefusals.count());

    Map<String, AttributeValue> actionAsSealed = actionItem(failed);
    Map<String, AttributeValue> taskAsSealed = taskItem(passed);
    try {
      tamperActionAndTaskThenReportAndApply(failed, passed, header, order, januarySecond);
    } finally {
      // The other tests of this class share the sample: put back what findings sealed.
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(actionAsSealed));
      local.clients().dynamoDb().putItem(request -> request.tableName(table).item(taskAsSealed));
    }
  }

  private static void tamperActionAndTaskThenReportAndApply(InspectionTask failed, InspectionTask passed, String header,
      Map<String, Object> order, Clock januarySecond) throws Exception {
    Map<String, AttributeValue> action = new java.util.HashMap<>(actionItem(failed));
    action.put("action_status", AttributeValue.fromS("done"));
    action.put("action_closed_on", AttributeValue.fromS("2026-12-10"));
    local.clients().dynamoDb().putItem(request -> request.tableName(table).item(action));
    Map<String, AttributeValue> task = new java.util.HashMap<>(taskItem(passed));
    task.put("verdict", AttributeValue.fromS("fail"));
    local.clients().dynamoDb().putItem(request -> request.tableName(table).item(task));

    io.qualityhub.core.store.RefusedItems refused = new io.qualityhub.core.store.RefusedItems();
    JsonNode after = reportJson(new ReportHandler(local.settingsOf("ReportFunction"), local.clients(), januarySecond,
        refused).produce(order)).get("indicators");
    assertEquals(1, indicator(after, "inspections.pass_rate_pct.sales_recording").get("basis").asLong(),
        "the changed result is not counted");
    assertEquals(0, indicator(after, "actions.closed_on_time_pct").get("basis").asLong(),
        "the action closed by hand is not counted as closed");
    assertEquals(2, refused.count(), refused.messages().toString());

    upload("incoming/QA/2026-12-07/findings.csv", (header
        + failed.taskId() + "," + inspector(failed) + ",2026-12-05,fail,major,告知不完整,重新告知,SEL-01 主管,2026-12-15,done,2026-12-07\n")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), deliver("IntakeQueue", new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(),
        outcome -> { }), "IntakeFunction"));
    io.qualityhub.core.store.RefusedItems findingsRefused = new io.qualityhub.core.store.RefusedItems();
    assertEquals(List.of(), deliver("FindingsQueue", new FindingsHandler(local.settingsOf("FindingsFunction"),
        local.clients(), findingsRefused), "FindingsFunction"));
    assertEquals(1, findingsRefused.count(), "the changed action: " + findingsRefused.messages());
    assertTrue(read("rejects/QA/2026-12-07/findings-inspections.csv").contains("2,inspection_id,UNKNOWN_INSPECTION"),
        "the row about the changed inspection is not applied");
    assertEquals(AttributeValue.fromS("done"), actionItem(failed).get("action_status"), "left as changed, not used");
  }

  @Test
  void aCorrectiveActionsReportTracksTheActionsOpenInItsPeriodWithTheirLatestStatus() throws Exception {
    List<InspectionTask> act01 = tasksOf("ACT-01");
    InspectionTask overdue = act01.get(0);
    InspectionTask closedLater = act01.get(1);
    InspectionTask closedBefore = act01.get(2);
    InspectionTask otherBranch = tasksOf("ACT-02").getFirst();
    String header = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n";
    upload("incoming/QA/2026-10-03/findings.csv", (header
        + overdue.taskId() + "," + inspector(overdue) + ",2026-10-02,fail,major,告知不完整,重新告知,ACT-01 主管,2026-10-10,open,\n"
        + closedLater.taskId() + "," + inspector(closedLater) + ",2026-10-02,fail,minor,錄音缺漏,補錄音,ACT-01 業務主管,2026-10-20,open,\n"
        + closedBefore.taskId() + "," + inspector(closedBefore) + ",2026-09-20,fail,minor,簽名缺漏,補簽,ACT-01 主管,2026-09-25,done,2026-09-28\n"
        + otherBranch.taskId() + "," + inspector(otherBranch) + ",2026-10-02,fail,critical,未告知風險,重新告知,ACT-02 主管,2026-11-30,open,\n")
        .getBytes(StandardCharsets.UTF_8));
    applyFindings();
    upload("incoming/QA/2026-10-16/findings.csv", (header
        + closedLater.taskId() + "," + inspector(closedLater) + ",2026-10-02,fail,minor,錄音缺漏,補錄音,ACT-01 業務主管,2026-10-20,done,2026-10-15\n")
        .getBytes(StandardCharsets.UTF_8));
    applyFindings();
    ReportHandler reports = new ReportHandler(local.settingsOf("ReportFunction"), local.clients(),
        Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC));

    JsonNode branchReport = reportJson(reports.produce(Map.of("period", "2026-10", "scope", "branch:ACT-01",
        "topic", "corrective-actions")));

    assertEquals(new ObjectMapper().readTree("["
            + "{\"branch\":\"ACT-01\",\"inspectionId\":\"" + overdue.taskId() + "\",\"severity\":\"major\","
            + "\"owner\":\"ACT-01 主管\",\"raisedOn\":\"2026-10-02\",\"dueOn\":\"2026-10-10\",\"status\":\"open\","
            + "\"state\":\"overdue\"},"
            + "{\"branch\":\"ACT-01\",\"inspectionId\":\"" + closedBefore.taskId() + "\",\"severity\":\"minor\","
            + "\"owner\":\"ACT-01 主管\",\"raisedOn\":\"2026-09-20\",\"dueOn\":\"2026-09-25\",\"status\":\"done\","
            + "\"closedOn\":\"2026-09-28\",\"checkDueOn\":\"2026-10-28\",\"state\":\"check_overdue\"},"
            + "{\"branch\":\"ACT-01\",\"inspectionId\":\"" + closedLater.taskId() + "\",\"severity\":\"minor\","
            + "\"owner\":\"ACT-01 業務主管\",\"raisedOn\":\"2026-10-02\",\"dueOn\":\"2026-10-20\",\"status\":\"done\","
            + "\"closedOn\":\"2026-10-15\",\"checkDueOn\":\"2026-11-14\",\"state\":\"awaiting_check\"}]"),
        branchReport.get("special").get("correctiveActions"),
        "the branch's actions open in October, the later file's status kept; the one done in September is still"
            + " tracked, as no effectiveness check has verified it");
    JsonNode indicators = branchReport.get("indicators");
    assertEquals(1, indicator(indicators, "actions.open").get("value").asLong(),
        "raised in October and still open; the action the later file reported done is not counted open from the first file");
    assertEquals(1, indicator(indicators, "actions.overdue").get("value").asLong());
    assertEquals(1, indicator(indicators, "actions.awaiting_check").get("value").asLong(),
        "each action counted once, at its latest status: done, awaiting its check");
    assertTrue(indicator(indicators, "actions.closed_on_time_pct").get("value").isNull(), "none verified yet");
    JsonNode passRate = indicator(reportJson(reports.produce(Map.of("period", "2026-10", "scope", "branch:ACT-01")))
        .get("indicators"), "inspections.pass_rate_pct.sales_recording");
    assertEquals(2, passRate.get("basis").asLong(), "two inspections done in October, one of them restated later");
    assertEquals(0.0, passRate.get("value").asDouble(), 1e-9);
    Map<String, AttributeValue> findingsAggregate = local.clients().dynamoDb().getItem(request -> request
        .tableName(local.physicalId("ReportsTable")).key(Map.of("pk", AttributeValue.fromS("AGG#2026-10"),
            "sk", AttributeValue.fromS("2026-10-03#QA#FINDINGS")))).item();
    assertTrue(findingsAggregate == null || findingsAggregate.isEmpty(),
        "findings files are not aggregated: they count from the findings function's state");
    JsonNode companyReport = reportJson(reports.produce(Map.of("period", "2026-10", "scope", "company",
        "topic", "corrective-actions")));
    List<String> companyActions = new ArrayList<>();
    // Another test leaves a done ACT-02 action, tracked in October too while it awaits its check: this test's only.
    List<String> ours = List.of(overdue.taskId(), closedLater.taskId(), closedBefore.taskId(), otherBranch.taskId());
    companyReport.get("special").get("correctiveActions").forEach(action -> {
      if (ours.contains(action.get("inspectionId").asText())) {
        companyActions.add(action.get("branch").asText() + " " + action.get("inspectionId").asText());
      }
    });
    assertEquals(List.of("ACT-01 " + overdue.taskId(), "ACT-02 " + otherBranch.taskId(),
        "ACT-01 " + closedBefore.taskId(), "ACT-01 " + closedLater.taskId()), companyActions,
        "every branch's, open ones first by due date, then done ones by their check's due date; neither branch"
            + " uploaded in October, the directory knows them");
    JsonNode claimsReport = reportJson(reports.produce(Map.of("period", "2026-10", "scope", "branch:ACT-01",
        "topic", "claims-timeliness")));
    assertEquals(0, claimsReport.get("special").get("correctiveActions").size(),
        "actions raised by sales inspections are not a claims topic's");
  }

  @Test
  void aLateEventOfAReplacedFindingsUploadChangesNothing() throws Exception {
    InspectionTask failed = tasksOf("ACT-02").get(1);
    String key = "incoming/QA/2026-09-20/findings.csv";
    String header = "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,"
        + "action_due_on,action_status,action_closed_on\n";
    FindingsHandler findings = new FindingsHandler(local.settingsOf("FindingsFunction"), local.clients());
    IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(), outcome -> { });
    upload(key, (header + failed.taskId() + "," + inspector(failed) + ",2026-09-15,fail,minor,簽名缺漏,補簽,ACT-02 主管,2026-09-22,done,"
        + "2026-09-25\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), deliver("IntakeQueue", intake, "IntakeFunction"));
    SQSEvent first = receive("FindingsQueue", key);
    assertTrue(findings.handleRequest(first, LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());
    upload(key, (header + failed.taskId() + "," + inspector(failed) + ",2026-09-15,fail,minor,簽名缺漏,補簽,ACT-02 經理,2026-09-22,done,"
        + "2026-09-26\n").getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), deliver("IntakeQueue", intake, "IntakeFunction"));
    assertTrue(findings.handleRequest(receive("FindingsQueue", key), LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());
    Map<String, AttributeValue> corrected = actionItem(failed);
    assertEquals("ACT-02 經理", corrected.get("action_owner").s());

    assertTrue(findings.handleRequest(first, LocalContext.forFunction("FindingsFunction", 300_000))
        .getBatchItemFailures().isEmpty());

    assertEquals(corrected, actionItem(failed), "the first upload's event, delivered late, does not undo the correction");
  }

  private static List<InspectionTask> tasksOf(String branch) {
    return first.tasks().stream().filter(task -> task.branch().equals(branch))
        .sorted(Comparator.comparing(InspectionTask::taskId)).toList();
  }

  /** Intake takes the findings uploads, the findings function applies them, the aggregates count them. */
  private static void applyFindings() {
    assertEquals(List.of(), deliver("IntakeQueue", new IntakeHandler(local.settingsOf("IntakeFunction"), local.clients(),
        outcome -> { }), "IntakeFunction"));
    assertEquals(List.of(), deliver("FindingsQueue", new FindingsHandler(local.settingsOf("FindingsFunction"),
        local.clients()), "FindingsFunction"));
    assertEquals(List.of(), deliver("AggregatesQueue", new AggregateHandler(local.settingsOf("AggregateFunction"),
        local.clients()), "AggregateFunction"));
  }

  private static JsonNode reportJson(Map<String, Object> produced) throws java.io.IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> formats = (Map<String, Object>) produced.values().iterator().next();
    @SuppressWarnings("unchecked")
    String jsonKey = (String) ((Map<String, Object>) formats.get("json")).get("key");
    byte[] json = local.clients().s3().getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket"))
        .key(jsonKey)).asByteArray();
    return new ObjectMapper().readTree(json);
  }

  private static JsonNode indicator(JsonNode indicators, String id) {
    for (JsonNode node : indicators) {
      if (node.get("id").asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no indicator " + id + " in " + indicators);
  }

  private static final List<String> inspectionMessagesSeen = new ArrayList<>();

  /** Every message on the inspection queue so far (received once, kept for the other tests). */
  private static synchronized List<String> inspectionMessages() {
    return QueueMessages.allBodies(local, "InspectionQueue", inspectionMessagesSeen);
  }

  /** The sample as the sampling function stores it; a refused item fails the test. */
  private static SampleStore sampleStore() {
    return new SampleStore(local.clients().dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", local.settingsOf("SamplingFunction"),
        local.clients()), refused -> { throw refused; });
  }

  /** The task's assigned inspector: findings from anyone else are refused. */
  private static String inspector(InspectionTask task) {
    return task.assignment().inspectorId();
  }

  private static List<InspectionTask> ours(List<InspectionTask> tasks) {
    return tasks.stream().filter(task -> task.branch().startsWith("SMP-"))
        .sorted(Comparator.comparing(InspectionTask::taskId)).toList();
  }

  private static List<Map<String, AttributeValue>> taskItems() {
    return local.clients().dynamoDb().query(request -> request.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SAMPLE#" + PERIOD)))).items();
  }

  private static Map<String, AttributeValue> taskItem(InspectionTask task) {
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("SAMPLE#" + PERIOD), "sk", AttributeValue.fromS("TASK#" + task.taskId()))))
        .item();
  }

  private static Map<String, AttributeValue> actionItem(InspectionTask task) {
    String actionId = "CA-" + task.taskId().substring(4);
    return local.clients().dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(InspectionStore.actionPk(task.branch(), actionId)),
            "sk", AttributeValue.fromS("STATE")))).item();
  }

  private static byte[] sales(String branch, int rows) {
    StringBuilder csv = new StringBuilder("branch,record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (int i = 1; i <= rows; i++) {
      // Every 8th sale misses a disclosure step (weight 4), so risk weighting has something to weigh.
      String signed = i % 8 == 0 ? "N" : "Y";
      csv.append(branch).append(",S-").append(branch).append('-').append(String.format("%03d", i))
          .append(",P-").append(i).append(",2026-08-").append(String.format("%02d", 1 + i % 28))
          .append("T10:00:00+08:00,AG-").append(i % 5).append(",2019-03-01,LF-WL20,life,agent,")
          .append(1000 + i * 10).append(".00,TWD,").append(CUSTOMER_NAME).append(',').append(CUSTOMER_ID)
          .append(',').append(CUSTOMER_PHONE).append(",Y,Y,").append(signed).append(",REC-").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void upload(String key, byte[] content) {
    local.clients().s3().putObject(request -> request.bucket(bucket).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromBytes(content));
  }

  private static String read(String key) {
    return local.clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key))
        .asString(StandardCharsets.UTF_8);
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
