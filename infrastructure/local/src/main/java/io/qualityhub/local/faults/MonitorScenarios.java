package io.qualityhub.local.faults;

import static io.qualityhub.local.faults.Faults.failOn;
import static io.qualityhub.local.faults.Faults.once;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.config.Settings;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.faults.IntakeRig.Upload;
import io.qualityhub.monitor.MonitorHandler;
import io.qualityhub.monitor.MonitorRequest;
import io.qualityhub.monitor.MonitorRun;
import io.qualityhub.monitor.MonitorScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The deadline monitor under faults. Open claims of a branch of the scenario's own are stored through intake, due in
 * March 2026 (far from anything a demo stores), with the branch's manager in the recipients directory; the monitor
 * runs as of one instant, fails, and is retried as the same run, as Lambda retries a failed scheduled invocation.
 */
final class MonitorScenarios {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Decision clocks (claim.decision) from 2 March 10:00 Taipei: due on 12 March, overdue from 13 March 00:00 Taipei. */
  private static final Instant OVERDUE_MORNING = Instant.parse("2026-03-13T00:00:00Z");
  private static final Instant DUE_MORNING = Instant.parse("2026-03-12T00:00:00Z");
  private static final String CLAIMS_HEAD = "claims-head@qualityhub.example";
  /**
   * Where a run as of each morning moves the claims in the due index, the next level's start: overdue from 13 March
   * 00:00 Taipei; severely overdue at twice the 10-day limit, from 23 March 00:00 Taipei.
   */
  private static final Map<Instant, String> NEXT_ALERT = Map.of(
      DUE_MORNING, "2026-03-12T16:00:00Z", OVERDUE_MORNING, "2026-03-22T16:00:00Z");

  private MonitorScenarios() {}

  static List<FaultScenario> all() {
    return List.of(
        FaultScenario.of("ses-failure",
            "SES refuses the first digest (TooManyRequests): the run reports the problem and fails, its retry sends that digest only; "
                + "each recipient gets one digest, each alert is claimed once per level",
            context -> oneRunFails(context, "MS", OVERDUE_MORNING, 3,
                failOn("SendEmail", once(1), MonitorScenarios::sesThrottled), true)),
        FaultScenario.of("monitor-crash-claim-send",
            "the monitor dies after claiming the alerts, at its first e-mail: the retry of the same run sends every digest and topic message once",
            context -> oneRunFails(context, "MC", OVERDUE_MORNING, 3,
                failOn("SendEmail", once(1), () -> new Faults.SimulatedCrash("between claiming and sending")), false)),
        FaultScenario.of("sns-second-slice",
            "SNS fails on the second slice of a branch's 201-alert topic message: the retry publishes only the unsent slice; "
                + "each alert reaches the topic once",
            context -> oneRunFails(context, "MT", DUE_MORNING, 201,
                failOn("Publish", once(2), MonitorScenarios::snsFailed), true)),
        FaultScenario.of("monitor-crash-between-claims",
            "the monitor dies between its first and second alert claim, before any message: the retry claims the rest "
                + "and sends every digest and topic message once",
            context -> oneRunFails(context, "MA", OVERDUE_MORNING, 3,
                failOn("PutItem", MonitorScenarios::alertClaim, once(2),
                    () -> new Faults.SimulatedCrash("between two alert claims")), false)),
        FaultScenario.of("monitor-crash-before-finishing",
            "the monitor dies after every message was accepted and recorded, before it marks the first claim sent: the "
                + "retry sends nothing again and finishes every claim",
            context -> oneRunFails(context, "MF", OVERDUE_MORNING, 3,
                failOn("UpdateItem", MonitorScenarios::claimFinished, once(1),
                    () -> new Faults.SimulatedCrash("between the sends and marking the claims sent")), false)),
        FaultScenario.of("monitor-crash-mid-finishing",
            "the monitor dies between marking the first and the second claim sent: the retry sends nothing again and "
                + "finishes the rest",
            context -> oneRunFails(context, "MG", OVERDUE_MORNING, 3,
                failOn("UpdateItem", MonitorScenarios::claimFinished, once(2),
                    () -> new Faults.SimulatedCrash("between two claims marked sent")), false)),
        FaultScenario.of("monitor-crash-mid-index",
            "the monitor dies between moving the first and the second item's next alert in the due index: the retry "
                + "sends nothing again and moves the rest, each to the same instant as an uninterrupted run",
            context -> oneRunFails(context, "MI", OVERDUE_MORNING, 3,
                failOn("UpdateItem", MonitorScenarios::dueIndexMove, once(2),
                    () -> new Faults.SimulatedCrash("between two moves in the due index")), false)));
  }

  private static boolean alertClaim(SdkRequest request) {
    return request instanceof PutItemRequest put && put.item().get("pk").s().startsWith("ALERT#");
  }

  private static boolean claimFinished(SdkRequest request) {
    return request instanceof UpdateItemRequest update && update.updateExpression().startsWith("SET sent = ");
  }

  private static boolean dueIndexMove(SdkRequest request) {
    return request instanceof UpdateItemRequest update && update.updateExpression().contains("dueAt");
  }

  /** What reached SES and SNS: accepted calls only. */
  static final class Sent implements ExecutionInterceptor {
    final List<String> emailRecipients = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> topicMessages = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof SendEmailRequest email) {
        emailRecipients.add(email.destination().toAddresses().getFirst());
      } else if (context.request() instanceof PublishRequest publish) {
        try {
          topicMessages.add(JSON.readTree(publish.message()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("a topic message that is not JSON", e);
        }
      }
    }

    /** How often each item id of {@code branch} reached the topic. */
    Map<String, Integer> topicCounts(String branch) {
      Map<String, Integer> counts = new TreeMap<>();
      synchronized (topicMessages) {
        for (JsonNode message : topicMessages) {
          if (branch.equals(message.path("branch").asText())) {
            message.path("alerts").forEach(alert -> counts.merge(alert.path("itemId").asText(), 1, Integer::sum));
          }
        }
      }
      return counts;
    }
  }

  /**
   * {@code claims} open claims; the first run, with {@code fault}, must fail (problems reported, or a crash); the retry
   * of the same run must finish; every recipient one digest, every alert on the topic once, every claim finished.
   */
  static Verdict oneRunFails(FaultContext context, String code, Instant asOf, int claims, Faults.Injected fault,
      boolean reportsProblem) {
    LocalDeployment local = context.local();
    String branch = context.branch(code);
    String manager = branch.toLowerCase(java.util.Locale.ROOT) + "-manager@qualityhub.example";
    storeOpenClaims(context, branch, claims);
    Settings settings = settings(local, branch, manager);
    local.verifyEmailSender(settings.required("ALERT_SENDER_EMAIL"));
    Sent sent = new Sent();
    Checks checks = new Checks();
    MonitorRun first = null;
    try {
      first = monitor(local, settings, asOf, sent, fault);
      checks.that(!reportsProblem || !first.problems().isEmpty(), "the failed run reports a problem (RunProblems metric, failed invocation)");
    } catch (Faults.SimulatedCrash crashed) {
      checks.that(!reportsProblem, "the run crashed instead of reporting the problem");
    }
    checks.equal(1, fault.thrown(), "faults injected");
    if (context.recovers()) {
      MonitorRun retry = monitor(local, settings, asOf, sent);
      checks.equal(List.of(), retry.problems(), "problems of the retry");
    }
    List<String> expectedRecipients = asOf.equals(OVERDUE_MORNING) ? List.of(CLAIMS_HEAD, manager) : List.of(manager);
    Map<String, Integer> digests = new TreeMap<>();
    sent.emailRecipients.forEach(recipient -> digests.merge(recipient, 1, Integer::sum));
    Map<String, Integer> expectedDigests = new TreeMap<>();
    expectedRecipients.forEach(recipient -> expectedDigests.put(recipient, 1));
    checks.equal(expectedDigests, digests, "digests accepted per recipient");
    Map<String, Integer> topic = sent.topicCounts(branch);
    checks.equal(claims, topic.size(), "claims that reached the topic");
    checks.equal(List.of(), topic.entrySet().stream().filter(entry -> entry.getValue() != 1).map(Map.Entry::getKey).limit(5).toList(),
        "claims on the topic more than once");
    List<Map<String, AttributeValue>> alertClaims = alertClaims(local, branch);
    checks.equal(claims, alertClaims.size(), "alert claims (one per claim, clock and level)");
    checks.equal(0L, alertClaims.stream().filter(claim -> !claim.containsKey("sent") || !claim.get("sent").bool()).count(),
        "alert claims left unfinished");
    checks.equal(Map.of(NEXT_ALERT.get(asOf), (long) claims), nextAlerts(local, branch),
        "claims per next alert instant in the due index");
    return checks.verdict();
  }

  private static void storeOpenClaims(FaultContext context, String branch, int claims) {
    StringBuilder csv = new StringBuilder("claim_id,policy_id,product_code,product_line,complexity,green_channel,status,"
        + "reported_at,documents_complete_at,amount_claimed,currency,handler_id,updated_at\n");
    for (int i = 1; i <= claims; i++) {
      csv.append(String.format("M-%03d,P-%d,HLT-1,health,simple,N,under_review,2026-03-01T09:00:00+08:00,"
          + "2026-03-02T10:00:00+08:00,5000,TWD,H-1,2026-03-02T10:00:00+08:00%n", i, i));
    }
    IntakeRig rig = new IntakeRig(context);
    Upload upload = rig.upload("incoming/" + branch + "/2026-03-02/claims.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    rig.notify(upload);
    rig.deliver(rig.handler());
  }

  private static Settings settings(LocalDeployment local, String branch, String manager) {
    Map<String, String> environment = local.functionEnvironment("MonitorFunction");
    environment.put("ALERT_RECIPIENTS", "{\"defaults\": {\"head_office_quality\": [\"quality-hq@qualityhub.example\"],"
        + " \"department_head:claims\": [\"" + CLAIMS_HEAD + "\"]},"
        + " \"branches\": {\"" + branch + "\": {\"branch_manager\": [\"" + manager + "\"]}}}");
    return new Settings(environment);
  }

  private static MonitorRun monitor(LocalDeployment local, Settings settings, Instant asOf, ExecutionInterceptor... interceptors) {
    MonitorHandler handler = new MonitorHandler(settings, local.clientsFor("MonitorFunction").withInterceptors(interceptors),
        Clock.fixed(asOf, ZoneOffset.UTC));
    return handler.run(MonitorRequest.at(asOf, MonitorScope.ALL));
  }

  /** How many of the branch's claim states the due index holds per next alert instant ({@code dueAt}). */
  private static Map<String, Long> nextAlerts(LocalDeployment local, String branch) {
    String table = local.physicalId("RecordsTable");
    Map<String, Long> counts = new TreeMap<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table).consistentRead(true)
            .filterExpression("begins_with(pk, :claims) AND sk = :state")
            .expressionAttributeValues(Map.of(":claims", AttributeValue.fromS("REC#claims#" + branch + "#"),
                ":state", AttributeValue.fromS("STATE"))))
        .items().forEach(item -> counts.merge(item.containsKey("dueAt") ? item.get("dueAt").s() : "none", 1L, Long::sum));
    return counts;
  }

  private static List<Map<String, AttributeValue>> alertClaims(LocalDeployment local, String branch) {
    String table = local.physicalId("RecordsTable");
    List<Map<String, AttributeValue>> claims = new ArrayList<>();
    local.clients().dynamoDb().scanPaginator(request -> request.tableName(table).consistentRead(true)
            .filterExpression("begins_with(pk, :alert)")
            .expressionAttributeValues(Map.of(":alert", AttributeValue.fromS("ALERT#claim#" + branch + "#"))))
        .items().forEach(claims::add);
    return claims;
  }

  private static TooManyRequestsException sesThrottled() {
    return (TooManyRequestsException) TooManyRequestsException.builder().statusCode(429).message("Too many requests (injected)")
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("SESv2").errorCode("TooManyRequestsException")
            .errorMessage("Too many requests (injected)").build()).build();
  }

  private static InternalErrorException snsFailed() {
    return (InternalErrorException) InternalErrorException.builder().statusCode(500).message("Internal error (injected)")
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("SNS").errorCode("InternalError")
            .errorMessage("Internal error (injected)").build()).build();
  }
}
