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
import io.qualityhub.sampling.function.SamplingWiring;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Inspection sampling under faults. */
final class SamplingScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SamplingScenarios() {}

  static List<FaultScenario> all() {
    return List.of(
        FaultScenario.of("sampling-crash-draw-messages",
            "the sampling function dies after storing the draw, at its first task message: the rerun adds no task and "
                + "sends each task's message once; the stored sample is exactly a fresh draw",
            context -> crashThenRerun(context, 2025,
                failOn("SendMessage", once(1), () -> new Faults.SimulatedCrash("between the draw and the task messages")),
                (drawn, afterCrash, checks) -> checks
                    .equal(drawn, afterCrash.size(), "tasks stored before the crash")
                    .equal(0L, afterCrash.stream().filter(SampleStore.StoredTask::queued).count(), "tasks sent before the crash"),
                0)),
        FaultScenario.of("sampling-crash-between-header-and-tasks",
            "the sampling function dies after storing the draw's header, at its first task: the rerun stores every task "
                + "and sends each task's message once; the stored sample is exactly a fresh draw",
            context -> crashThenRerun(context, 2024,
                failOn("PutItem", SamplingScenarios::taskStored, once(1),
                    () -> new Faults.SimulatedCrash("between the header and the tasks")),
                (drawn, afterCrash, checks) -> checks.equal(0, afterCrash.size(), "tasks stored before the crash"),
                0)),
        FaultScenario.of("sampling-crash-between-two-tasks",
            "the sampling function dies between storing its second and third task: the rerun stores the rest and sends "
                + "each task's message once",
            context -> crashThenRerun(context, 2023,
                failOn("PutItem", SamplingScenarios::taskStored, once(3), () -> new Faults.SimulatedCrash("between two tasks")),
                (drawn, afterCrash, checks) -> checks.equal(2, afterCrash.size(), "tasks stored before the crash"),
                0)),
        FaultScenario.of("sampling-crash-between-two-messages",
            "the sampling function dies between the first task's message (sent and marked) and the second's: the rerun "
                + "sends every other task's message once and the first's not again",
            context -> crashThenRerun(context, 2022,
                failOn("SendMessage", once(2), () -> new Faults.SimulatedCrash("between two task messages")),
                (drawn, afterCrash, checks) -> checks
                    .equal(drawn, afterCrash.size(), "tasks stored before the crash")
                    .equal(1L, afterCrash.stream().filter(SampleStore.StoredTask::queued).count(), "tasks sent before the crash"),
                0)),
        FaultScenario.of("sampling-crash-between-message-and-mark",
            "the sampling function dies after the first task's message was accepted, before marking the task sent: the "
                + "one window where a message repeats (docs/sampling.md, Reruns); exactly that task's message twice, every "
                + "other once",
            context -> crashThenRerun(context, 2021,
                failOn("PutItem", SamplingScenarios::taskMarkedSent, once(1),
                    () -> new Faults.SimulatedCrash("between a task's message and its mark")),
                (drawn, afterCrash, checks) -> checks
                    .equal(drawn, afterCrash.size(), "tasks stored before the crash")
                    .equal(0L, afterCrash.stream().filter(SampleStore.StoredTask::queued).count(), "tasks marked sent before the crash"),
                1)));
  }

  /** What the crashed run left: its tasks, checked against the number a full draw stores. */
  @FunctionalInterface
  private interface WhereItStruck {
    Checks check(int drawn, List<SampleStore.StoredTask> afterCrash, Checks checks);
  }

  private static boolean taskStored(SdkRequest request) {
    return request instanceof PutItemRequest put && put.item().get("sk").s().startsWith("TASK#")
        && !put.item().containsKey("queued");
  }

  private static boolean taskMarkedSent(SdkRequest request) {
    return request instanceof PutItemRequest put && put.item().get("sk").s().startsWith("TASK#")
        && put.item().containsKey("queued");
  }

  /**
   * Sales of a month of {@code year} (one year per scenario: a period is drawn once, and no other scenario stores
   * records before 2026), the sampling run crashed by {@code crash}, then run again and a third time. Each task is
   * stored once, its message on the inspection queue once ({@code repeatedMessages} tasks exactly twice: the window
   * the docs name), and the stored sample is exactly a fresh draw.
   */
  static Verdict crashThenRerun(FaultContext context, int year, Faults.Injected crash, WhereItStruck whereItStruck,
      int repeatedMessages) throws Exception {
    LocalDeployment local = context.local();
    Period period = Period.parse(String.format("%d-%02d", year, 1 + Math.floorMod(context.token().hashCode(), 12)));
    IntakeRig rig = new IntakeRig(context);
    for (String code : List.of("SA", "SB")) {
      String branch = context.branch(code);
      Upload upload = rig.upload("incoming/" + branch + "/" + period + "-14/sales.csv", sales(branch, period, code.equals("SA") ? 30 : 4));
      rig.notify(upload);
    }
    rig.deliver(rig.handler());
    Settings settings = local.settingsOf("SamplingFunction");
    Clock clock = Clock.fixed(Instant.parse(period.end().plusDays(2) + "T00:00:00Z"), ZoneOffset.UTC);
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
    SamplingOutcome rerun = crashing.sample(period);
    SamplingOutcome again = crashing.sample(period);
    Map<String, Integer> messages = inspectionMessages(local, period);
    List<String> taskIds = rerun.tasks().stream().map(InspectionTask::taskId).sorted().toList();
    List<SampleDifference> differences = new SampleVerification(store,
        new PopulationReader(local.clients().dynamoDb(), local.physicalId("RecordsTable"), 1_000_000),
        new PeriodSecrets(local.clients().kms(), settings.required("SAMPLING_KEY_ARN")),
        SamplingWiring.frozenPopulations(settings, local.clients())).verify(period);
    int drawn = rerun.tasks().size();
    long sentBeforeCrash = afterCrash.stream().filter(SampleStore.StoredTask::queued).count();
    return whereItStruck.check(drawn, afterCrash, checks)
        .equal(1, crash.thrown(), "crashes")
        .that(drawn > 2, "tasks drawn: " + drawn)
        .equal(drawn - afterCrash.size(), rerun.tasksCreated(), "tasks the rerun created")
        .equal(drawn - (int) sentBeforeCrash, rerun.messagesSent(), "messages the rerun sent")
        .equal(0, again.messagesSent(), "messages a third run sent")
        .equal(0, again.tasksCreated(), "tasks a third run created")
        .equal(taskIds, List.copyOf(messages.keySet()), "tasks with a message on the inspection queue")
        .equal((long) repeatedMessages, messages.values().stream().filter(count -> count == 2).count(),
            "tasks whose message came twice")
        .that(messages.values().stream().allMatch(count -> count <= 2), "no task's message more than twice: " + messages.values())
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
