package io.qualityhub.local;

import io.qualityhub.core.store.ItemSeal;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.core.config.Settings;
import io.qualityhub.intake.IntakeHandler;
import io.qualityhub.sampling.domain.Assignment;
import io.qualityhub.sampling.domain.DeviationLimit;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.PeriodType;
import io.qualityhub.sampling.domain.ScoringAgreement;
import io.qualityhub.sampling.domain.Stratum;
import io.qualityhub.sampling.domain.StratumDraw;
import io.qualityhub.sampling.domain.StratumStatistics;
import io.qualityhub.sampling.function.FindingsHandler;
import io.qualityhub.sampling.function.SampleResults;
import io.qualityhub.sampling.function.SampleStore;
import io.qualityhub.sampling.function.SamplingHandler;
import io.qualityhub.sampling.function.SamplingOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Inspection sampling for the month and the ISO week that contain the as-of date, as the schedules would run it,
 * then the findings loop: the quality department's findings for three of the drawn tasks (a pass, a fail that opens
 * a corrective action already overdue, and an inspection id nobody issued) go through intake like any upload, and
 * the findings function applies them. Task lists go to {@code OUT/samples/<period>/}; {@code summary.json} gets
 * {@code samples}: per stratum the population, size and sizing rule, and tasks per inspector. Runs before the deadline monitor, so the new corrective action is in its digests.
 */
final class InspectionSamplingStep implements DemoStep {

  static final String UNISSUED_INSPECTION = "INS-2026-11-0000000000000000";

  @Override
  public String name() {
    return "inspection sampling";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    LocalDeployment local = context.local();
    Settings settings = local.settingsOf("SamplingFunction");
    ZoneId zone = ZoneId.of(settings.required("COMPANY_TIME_ZONE"));
    Clock asOf = Clock.fixed(context.asOf().atStartOfDay(zone).toInstant(), zone);
    SamplingHandler sampling = new SamplingHandler(settings, local.clientsFor("SamplingFunction"), asOf);

    List<SamplingOutcome> outcomes = new ArrayList<>();
    for (PeriodType type : List.of(PeriodType.MONTHLY, PeriodType.WEEKLY)) {
      Period period = Period.containing(context.asOf(), type);
      SamplingOutcome outcome = asLambda(context, () -> LocalService.invoke("SamplingFunction", () -> sampling.sample(period)));
      outcomes.add(outcome);
      copyTaskLists(context, outcome);
      context.out().printf("  %s: %d records, %d tasks (%d new, %d messages sent), plan %s%s%n", period,
          outcome.populationSize(), outcome.tasks().size(), outcome.tasksCreated(), outcome.messagesSent(),
          outcome.planVersion(), outcome.populationChanged() ? "; population changed since the draw, sample stands" : "");
    }
    context.out().println("  Task lists: " + context.outDir().resolve("samples"));

    List<InspectionTask> drawn = outcomes.getFirst().tasks().stream()
        .sorted(Comparator.comparing(InspectionTask::taskId)).toList();
    if (drawn.size() >= 2) {
      uploadFindings(context, drawn);
    }
    deliverFindings(context);
    SampleResults results = new SampleResults(new SampleStore(context.local().clients().dynamoDb(),
        ItemSeal.ofTable("RECORDS_TABLE", context.local().settingsOf("SamplingFunction"), context.local().clients()),
        refused -> { throw refused; })); // nothing in the demo is tampered with
    addToSummary(context.summary(), outcomes, results);
  }

  /** A findings upload as the quality department would send it, for the first two drawn tasks and one unissued id. */
  private static void uploadFindings(DemoContext context, List<InspectionTask> drawn) throws IOException {
    LocalDate day = context.asOf();
    String csv = String.join("\r\n",
        "inspection_id,inspector_id,inspected_on,result,severity,finding,corrective_action,action_owner,action_due_on,"
            + "action_status,action_closed_on",
        drawn.get(0).taskId() + "," + inspectorOf(drawn.get(0)) + "," + day.minusDays(1) + ",pass,,,,,,,",
        drawn.get(1).taskId() + "," + inspectorOf(drawn.get(1)) + "," + day.minusDays(1) + ",fail,major,示範：抽查發現告知不完整,重新告知並補件,"
            + drawn.get(1).branch() + " 主管," + day.minusDays(1) + ",open,",
        UNISSUED_INSPECTION + ",QA-03," + day.minusDays(1) + ",pass,,,,,,,") + "\r\n";
    String key = "incoming/QA/" + day + "/findings.csv";
    LocalDeployment local = context.local();
    local.clients().s3().putObject(request -> request.bucket(local.physicalId("IntakeBucket")).key(key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(local.attribute("InfraKey", "Arn")),
        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    IntakeHandler intake = new IntakeHandler(local.settingsOf("IntakeFunction"), local.clientsFor("IntakeFunction"), outcome ->
        context.out().printf("  Findings upload %s: %d accepted, %d rejected%n", outcome.key(), outcome.accepted(),
            outcome.rejected()));
    context.failedMessages("IntakeFunction", drain(context, "IntakeQueue", intake, "IntakeFunction").size());
  }

  /** The task's assigned inspector, whose findings count; a task left unassigned takes anyone's. */
  private static String inspectorOf(InspectionTask task) {
    return task.assignment().assigned() ? task.assignment().inspectorId() : "QA-01";
  }

  private static void deliverFindings(DemoContext context) {
    LocalDeployment local = context.local();
    FindingsHandler findings = new FindingsHandler(local.settingsOf("FindingsFunction"), local.clientsFor("FindingsFunction"));
    List<String> failed = drain(context, "FindingsQueue", findings, "FindingsFunction");
    context.failedMessages("FindingsFunction", failed.size());
    context.out().println("  Findings applied; unknown inspections in s3://" + local.physicalId("IntakeBucket")
        + "/rejects/QA/<business date>/findings-inspections.csv"
        + (failed.isEmpty() ? "" : "; FAILED: " + failed.size() + " findings messages, see the function log"));
  }

  private static List<String> drain(DemoContext context, String queue,
      RequestHandler<SQSEvent, SQSBatchResponse> handler, String functionName) {
    LocalDeployment local = context.local();
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    return new QueueDelivery(sqs, local.attribute(queue, "QueueUrl"), local.attribute(queue, "Arn"),
        local.clients().region().id(), context.functionLog()).drain(handler, functionName, 2);
  }

  private static void copyTaskLists(DemoContext context, SamplingOutcome outcome) throws IOException {
    Path dir = context.outDir().resolve("samples").resolve(outcome.period().toString());
    Files.createDirectories(dir);
    String bucket = context.local().physicalId("IntakeBucket");
    for (String key : outcome.taskLists()) {
      byte[] csv = context.local().clients().s3().getObjectAsBytes(request -> request.bucket(bucket).key(key))
          .asByteArray();
      Files.write(dir.resolve(key.substring(key.lastIndexOf('/') + 1)), csv);
    }
  }

  /**
   * Per period: the plan, each stratum's population, size and sizing rule with the deviation limit its results
   * support so far, tasks per inspector (both places), double scorers' agreement per team with the tasks to
   * adjudicate, and the task ids. Ids, codes and counts only.
   */
  private static void addToSummary(ObjectNode summary, List<SamplingOutcome> outcomes, SampleResults results) {
    ObjectNode samples = summary.putObject("samples");
    for (SamplingOutcome outcome : outcomes) {
      ObjectNode period = samples.putObject(outcome.period().toString());
      period.put("planVersion", outcome.planVersion());
      period.put("population", outcome.populationSize());
      Map<Stratum, StratumStatistics> figures = new TreeMap<>();
      results.perStratum(outcome.period()).forEach(stratum -> figures.put(stratum.stratum(), stratum));
      ArrayNode strata = period.putArray("strata");
      for (StratumDraw draw : outcome.strata()) {
        ObjectNode node = strata.addObject();
        node.put("recordType", draw.stratum().recordType());
        node.put("branch", draw.stratum().branch());
        if (draw.stratum().productLine() != null) {
          node.put("productLine", draw.stratum().productLine());
        }
        node.put("population", draw.populationSize());
        node.put("size", draw.sampleSize());
        node.put("sizingRule", draw.sizing().rule().label());
        node.put("sizing", draw.sizing().describe());
        StratumStatistics stratum = figures.get(draw.stratum());
        node.put("inspected", stratum == null ? 0 : stratum.statistics().inspected());
        node.put("deviationLimit", stratum == null ? null
            : stratum.deviationLimit().map(DeviationLimit::describe).orElse(null));
      }
      Map<String, Integer> perInspector = new TreeMap<>();
      int unassigned = 0;
      int doubleScored = 0;
      for (InspectionTask task : outcome.tasks()) {
        Assignment assignment = task.assignment();
        if (!assignment.assigned()) {
          unassigned++;
          continue;
        }
        perInspector.merge(assignment.inspectorId(), 1, Integer::sum);
        if (assignment.doubleScored()) {
          doubleScored++;
          perInspector.merge(assignment.secondInspectorId(), 1, Integer::sum);
        }
      }
      ObjectNode inspectors = period.putObject("tasksPerInspector");
      perInspector.forEach(inspectors::put);
      period.put("unassignedTasks", unassigned);
      period.put("doubleScoredTasks", doubleScored);
      ArrayNode agreement = period.putArray("agreement");
      for (ScoringAgreement team : results.agreementPerTeam(outcome.period())) {
        ObjectNode node = agreement.addObject();
        node.put("team", team.team());
        node.put("pairs", team.pairs());
        node.put("percentAgreement", team.percentAgreement().isPresent() ? team.percentAgreement().getAsDouble() : null);
        node.put("kappa", team.kappa().isPresent() ? team.kappa().getAsDouble() : null);
        team.disagreements().forEach(node.putArray("disagreements")::add);
      }
      Map<String, Map<String, Integer>> counts = new TreeMap<>();
      for (InspectionTask task : outcome.tasks()) {
        counts.computeIfAbsent(task.recordType(), type -> new TreeMap<>()).merge(task.branch(), 1, Integer::sum);
      }
      ObjectNode byType = period.putObject("tasksByTypeAndBranch");
      counts.forEach((type, branches) -> {
        ObjectNode node = byType.putObject(type);
        branches.forEach(node::put);
      });
      ArrayNode ids = period.putArray("taskIds");
      outcome.tasks().stream().map(InspectionTask::taskId).sorted().forEach(ids::add);
    }
  }

  private static <T> T asLambda(DemoContext context, Supplier<T> run) {
    PrintStream console = System.out;
    System.setOut(context.functionLog());
    try {
      return run.get();
    } finally {
      context.functionLog().flush();
      System.setOut(console);
    }
  }
}
