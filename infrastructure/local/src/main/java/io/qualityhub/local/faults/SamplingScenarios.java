package io.qualityhub.local.faults;

import io.qualityhub.core.store.ItemSeal;
import static io.qualityhub.local.faults.Faults.failOn;
import static io.qualityhub.local.faults.Faults.once;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.Settings;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.faults.IntakeRig.Upload;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import io.qualityhub.sampling.domain.SampleDifference;
import io.qualityhub.sampling.function.PeriodSecrets;
import io.qualityhub.sampling.function.PopulationReader;
import io.qualityhub.sampling.function.SampleStore;
import io.qualityhub.sampling.function.SampleVerification;
import io.qualityhub.sampling.function.SamplingHandler;
import io.qualityhub.sampling.function.SamplingOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Inspection sampling under faults. */
final class SamplingScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SamplingScenarios() {}

  static List<FaultScenario> all() {
    return List.of(FaultScenario.of("sampling-crash-draw-messages",
        "the sampling function dies after storing the draw, at its first task message: the rerun adds no task and sends each "
            + "task's message once; the stored sample is exactly a fresh draw",
        SamplingScenarios::crashBetweenDrawAndMessages));
  }

  static Verdict crashBetweenDrawAndMessages(FaultContext context) throws Exception {
    LocalDeployment local = context.local();
    // A month of 2025 of the run's own (no other scenario stores records dated 2025), drawn from this run's sales only.
    Period period = Period.parse(String.format("2025-%02d", 1 + Math.floorMod(context.token().hashCode(), 12)));
    IntakeRig rig = new IntakeRig(context);
    for (String code : List.of("SA", "SB")) {
      String branch = context.branch(code);
      Upload upload = rig.upload("incoming/" + branch + "/" + period + "-14/sales.csv", sales(branch, period, code.equals("SA") ? 30 : 4));
      rig.notify(upload);
    }
    rig.deliver(rig.handler());
    Settings settings = local.settingsOf("SamplingFunction");
    Clock clock = Clock.fixed(Instant.parse(period.end().plusDays(2) + "T00:00:00Z"), ZoneOffset.UTC);
    Faults.Injected crash = failOn("SendMessage", once(1), () -> new Faults.SimulatedCrash("between the draw and the task messages"));
    SamplingHandler crashing = new SamplingHandler(settings, local.clientsFor("SamplingFunction").withInterceptors(crash), clock);
    Checks checks = new Checks();
    try {
      crashing.sample(period);
      checks.that(false, "the first run did not crash");
    } catch (Faults.SimulatedCrash expected) {
      // the invocation fails: Lambda's error metric, then the schedule's retry
    }
    SampleStore store = new SampleStore(local.clients().dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", settings, local.clients()),
        refused -> checks.that(false, "no item refused: " + refused.getMessage()));
    List<SampleStore.StoredTask> afterCrash = store.tasks(period);
    checks.that(store.header(period).isPresent(), "the crashed run stored the draw's header");
    checks.that(!afterCrash.isEmpty() && afterCrash.stream().noneMatch(SampleStore.StoredTask::queued),
        "the crashed run stored its tasks and sent none");
    SamplingOutcome rerun = crashing.sample(period);
    SamplingOutcome again = crashing.sample(period);
    Map<String, Integer> messages = inspectionMessages(local, period);
    List<String> taskIds = rerun.tasks().stream().map(InspectionTask::taskId).sorted().toList();
    List<SampleDifference> differences = new SampleVerification(store,
        new PopulationReader(local.clients().dynamoDb(), local.physicalId("RecordsTable"), 1_000_000),
        new PeriodSecrets(local.clients().kms(), settings.required("SAMPLING_KEY_ARN")),
        SamplingHandler.frozenPopulations(settings, local.clients())).verify(period);
    return checks
        .equal(1, crash.thrown(), "crashes")
        .equal(0, rerun.tasksCreated(), "tasks the rerun created")
        .equal(afterCrash.size(), rerun.tasks().size(), "tasks after the rerun")
        .equal(afterCrash.size(), rerun.messagesSent(), "messages the rerun sent")
        .equal(0, again.messagesSent(), "messages a third run sent")
        .equal(taskIds, List.copyOf(messages.keySet()), "tasks with a message on the inspection queue")
        .that(messages.values().stream().allMatch(count -> count == 1), "each task's message once: " + messages.values())
        .equal(List.of(), differences.stream().map(Object::toString).toList(), "differences from a fresh draw")
        .verdict();
  }

  /** Task id -> messages on the inspection queue for the period; they are consumed. */
  private static Map<String, Integer> inspectionMessages(LocalDeployment local, Period period) throws Exception {
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    String queue = local.settingsOf("SamplingFunction").required("INSPECTION_QUEUE_URL");
    Map<String, Integer> counts = new TreeMap<>();
    for (int round = 0; round < 100; round++) {
      List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0)
          .visibilityTimeout(30)).messages();
      if (messages.isEmpty()) {
        break;
      }
      for (Message message : messages) {
        JsonNode body = JSON.readTree(message.body());
        if (body.path("period").asText().equals(period.toString())) {
          counts.merge(body.path("taskId").asText(), 1, Integer::sum);
          sqs.deleteMessage(request -> request.queueUrl(queue).receiptHandle(message.receiptHandle()));
        }
      }
    }
    return counts;
  }

  private static byte[] sales(String branch, Period period, int rows) {
    StringBuilder csv = new StringBuilder("branch,record_id,policy_id,sold_at,salesperson_id,salesperson_hired_on,"
        + "product_code,product_line,channel,premium,currency,customer_name,customer_id_no,customer_phone,terms_given,"
        + "risk_notice_given,customer_signed,recording_id\n");
    for (int i = 1; i <= rows; i++) {
      csv.append(branch).append(",S-").append(String.format("%03d", i)).append(",P-").append(i).append(',')
          .append(period.start().plusDays(i % 27)).append("T10:00:00+08:00,AG-").append(i % 5)
          .append(",2019-03-01,LF-WL20,life,agent,").append(1000 + i * 10).append(".00,TWD,Customer ").append(i)
          .append(String.format(",A2%08d,0912-000-%03d,Y,Y,", i, i)).append(i % 8 == 0 ? "N" : "Y").append(",REC-").append(i)
          .append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
