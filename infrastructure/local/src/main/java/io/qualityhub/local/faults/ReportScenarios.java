package io.qualityhub.local.faults;

import static io.qualityhub.local.faults.Faults.failOn;
import static io.qualityhub.local.faults.Faults.once;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.qualityhub.local.LocalContext;
import io.qualityhub.local.LocalDeployment;
import io.qualityhub.local.ReportRequests;
import io.qualityhub.local.faults.IntakeRig.Upload;
import io.qualityhub.reports.audit.AccessRecord;
import io.qualityhub.reports.function.AggregateHandler;
import io.qualityhub.reports.function.AuditTrail;
import io.qualityhub.reports.function.AuditVerifier;
import io.qualityhub.reports.function.DigestArchive;
import io.qualityhub.reports.function.ReportAccessHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Report access (audit chain, signed URLs) and the aggregate function under faults. */
final class ReportScenarios {

  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  private ReportScenarios() {}

  static List<FaultScenario> all() {
    return List.of(
        FaultScenario.of("audit-append-contention",
            "report requests race for the audit chain head (an interloper appends before the first transaction, then 8 more requests): "
                + "the loser chains after the interloper; every request recorded once, the chain intact",
            ReportScenarios::contention),
        FaultScenario.of("audit-cancelled-not-contention",
            "the audit append's transaction is cancelled for another reason (ValidationError): the request fails at once, "
                + "no URL, nothing appended, not retried as contention",
            ReportScenarios::cancelledNotContention),
        FaultScenario.of("report-access-sts-failure",
            "STS refuses AssumeRole for the download URL: the request fails with no URL after its audit record; "
                + "the client's retry gets the URL; each attempt recorded once, the chain intact",
            ReportScenarios::stsFailure),
        FaultScenario.of("aggregate-redelivered",
            "a file event delivered three times, once crashing before the aggregate is stored: one aggregate, equal to a clean run's, "
                + "counts not doubled",
            ReportScenarios::aggregateRedelivered));
  }

  // ---------------------------------------------------------------------------------------------

  static Verdict contention(FaultContext context) throws Exception {
    LocalDeployment local = context.local();
    String reportId = storeReport(context, "AC");
    AuditTrail raw = trail(local);
    int before = raw.records().size();
    String interloper = "interloper-" + context.token();
    ReportAccessHandler first = access(local, Faults.before("TransactWriteItems", once(1), () -> raw.append(interloper, "auditor",
        "reports/interloper", AccessRecord.Decision.ALLOW, NOW, "127.0.0.1", "faults")));
    Checks checks = new Checks();
    checks.equal(200, request(first, "auditor-0-" + context.token(), reportId).getStatusCode(), "status of the request that lost the race");
    // One after another: moto applies concurrent TransactWriteItems non-atomically (a record stored while its head
    // update is lost), so racing threads would test the emulator. The interloper above is the deterministic race.
    for (int i = 1; i <= 8; i++) {
      String who = "auditor-" + i + "-" + context.token();
      checks.equal(200, request(access(local), who, reportId).getStatusCode(), "status of a later request");
    }
    List<AccessRecord> records = raw.records();
    Map<String, Integer> byWho = new HashMap<>();
    records.subList(before, records.size()).forEach(record -> byWho.merge(record.who(), 1, Integer::sum));
    AuditVerifier.Result verified = verifier(local, raw).verify();
    return checks
        .that(verified.intact(), "the audit chain is intact: " + verified.firstBroken().orElse(""))
        .equal(10, records.size() - before, "records appended (interloper + 9 requests)")
        .equal(10, byWho.size(), "distinct requesters recorded")
        .that(byWho.values().stream().allMatch(count -> count == 1), "each request recorded once: " + byWho)
        .verdict();
  }

  static Verdict cancelledNotContention(FaultContext context) {
    LocalDeployment local = context.local();
    String reportId = storeReport(context, "AN");
    AuditTrail raw = trail(local);
    int before = raw.records().size();
    Faults.Injected cancelled = failOn("TransactWriteItems", n -> true, ReportScenarios::validationCancelled);
    ReportAccessHandler handler = access(local, cancelled);
    Checks checks = new Checks();
    long started = System.nanoTime();
    try {
      APIGatewayV2HTTPResponse response = request(handler, "auditor-n-" + context.token(), reportId);
      checks.that(response.getStatusCode() >= 500, "the request fails; it answered " + response.getStatusCode()
          + (response.getBody().contains("\"url\"") ? " with a URL" : ""));
    } catch (RuntimeException failed) {
      checks.that(!String.valueOf(failed.getMessage()).contains("head changed"),
          "the failure says what happened, not contention: " + failed.getClass().getSimpleName() + ": " + failed.getMessage());
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    AuditVerifier.Result verified = verifier(local, raw).verify();
    return checks
        .equal(1, cancelled.thrown(), "append attempts (a cancellation that is not contention is not retried)")
        .that(millis < 2_000, "the request failed at once, not after contention backoff: " + millis + " ms")
        .equal(before, raw.records().size(), "records (nothing appended)")
        .that(verified.intact(), "the audit chain is intact: " + verified.firstBroken().orElse(""))
        .verdict();
  }

  static Verdict stsFailure(FaultContext context) {
    LocalDeployment local = context.local();
    String reportId = storeReport(context, "AS");
    AuditTrail raw = trail(local);
    int before = raw.records().size();
    Faults.Injected refused = failOn("AssumeRole", once(1), () -> (StsException) StsException.builder().statusCode(403)
        .message("not authorized to perform sts:AssumeRole (injected)")
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("STS").errorCode("AccessDenied")
            .errorMessage("not authorized to perform sts:AssumeRole (injected)").build()).build());
    ReportAccessHandler handler = access(local, refused);
    String who = "auditor-s-" + context.token();
    Checks checks = new Checks();
    try {
      APIGatewayV2HTTPResponse response = request(handler, who, reportId);
      checks.that(!response.getBody().contains("\"url\""), "no URL while STS refuses");
      checks.that(response.getStatusCode() >= 500, "the refused request fails: " + response.getStatusCode());
    } catch (StsException expected) {
      // Lambda reports the error; API Gateway answers 500.
    }
    APIGatewayV2HTTPResponse retry = request(handler, who, reportId);
    List<AccessRecord> records = raw.records();
    AuditVerifier.Result verified = verifier(local, raw).verify();
    return checks
        .equal(1, refused.thrown(), "STS refusals")
        .equal(200, retry.getStatusCode(), "status of the client's retry")
        .that(retry.getBody().contains("\"url\""), "the retry gets a URL")
        .equal(2, records.size() - before, "records (one per attempt: the audit record comes before the URL)")
        .that(records.subList(before, records.size()).stream().allMatch(record -> record.who().equals(who)), "both records name the requester")
        .that(verified.intact(), "the audit chain is intact: " + verified.firstBroken().orElse(""))
        .verdict();
  }

  static Verdict aggregateRedelivered(FaultContext context) throws Exception {
    LocalDeployment local = context.local();
    IntakeRig rig = new IntakeRig(context);
    String branch = context.branch("AG");
    String twin = context.branch("AGC");
    byte[] content = Data.surveys(40, "2026-11-20");
    Upload upload = rig.upload("incoming/" + branch + "/2026-11-20/surveys.csv", content);
    Upload clean = rig.upload("incoming/" + twin + "/2026-11-20/surveys.csv", content);
    rig.notify(upload, clean);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    rig.deliver(rig.handler(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
      @Override
      public void afterExecution(software.amazon.awssdk.core.interceptor.Context.AfterExecution afterExecution,
          software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
        if (afterExecution.request() instanceof software.amazon.awssdk.services.sns.model.PublishRequest publish) {
          events.add(publish.message());
        }
      }
    }));
    String faultEvent = events.stream().filter(event -> event.contains("\"" + branch + "\"")).findFirst().orElseThrow();
    String cleanEvent = events.stream().filter(event -> event.contains("\"" + twin + "\"")).findFirst().orElseThrow();
    AggregateHandler healthy = new AggregateHandler(local.settingsOf("AggregateFunction"), local.clientsFor("AggregateFunction"));
    Checks checks = new Checks();
    checks.equal(0, failures(healthy, cleanEvent), "failed deliveries of the clean run's event");
    Faults.Injected crash = failOn("PutItem", once(1), () -> new Faults.SimulatedCrash("before the aggregate is stored"));
    AggregateHandler crashing = new AggregateHandler(local.settingsOf("AggregateFunction"),
        local.clientsFor("AggregateFunction").withInterceptors(crash));
    checks.equal(1, failures(crashing, faultEvent), "failed deliveries (the crash, visible to SQS)");
    for (int delivery = 0; delivery < 3; delivery++) {
      checks.equal(0, failures(crashing, faultEvent), "failed redeliveries");
    }
    Map<String, AttributeValue> stored = aggregate(local, branch);
    Map<String, AttributeValue> truth = aggregate(local, twin);
    checks.equal(1, crash.thrown(), "crashes");
    checks.that(!stored.isEmpty() && !truth.isEmpty(), "both aggregates are stored");
    if (!stored.isEmpty() && !truth.isEmpty()) {
      // A day's aggregate is rebuilt from the records' contributions (decision 0016), so it names no file generation:
      // the counts are what a crash and its redeliveries must leave as a clean run leaves them.
      checks.equal(truth.get("aggregate").s().replace(twin, "{branch}"), stored.get("aggregate").s().replace(branch, "{branch}"),
          "the aggregate (counts) equals the clean run's");
      checks.equal(truth.get("problems"), stored.get("problems"), "the late records listed");
    }
    return checks.verdict();
  }

  // ---------------------------------------------------------------------------------------------

  private static int failures(AggregateHandler handler, String body) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("agg-" + Integer.toHexString(body.hashCode()));
    message.setBody(body);
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return handler.handleRequest(event, LocalContext.forFunction("AggregateFunction", 60_000)).getBatchItemFailures().size();
  }

  private static Map<String, AttributeValue> aggregate(LocalDeployment local, String branch) {
    Map<String, AttributeValue> item = local.clients().dynamoDb().getItem(request -> request.tableName(local.physicalId("ReportsTable"))
        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("AGG#2026-11"),
            "sk", AttributeValue.fromS("2026-11-20#" + branch + "#SURVEYS")))).item();
    return item == null ? Map.of() : item;
  }

  /** A company report's index entry of this scenario's own (the access function reads only the index). */
  private static String storeReport(FaultContext context, String code) {
    LocalDeployment local = context.local();
    String reportId = "quality-report_2026-11_faults-" + context.branch(code).toLowerCase(java.util.Locale.ROOT);
    Map<String, AttributeValue> pdf = Map.of("key", AttributeValue.fromS("reports/2026-11/" + reportId + ".pdf"),
        "sha256", AttributeValue.fromS("0".repeat(64)), "bytes", AttributeValue.fromN("1"));
    local.clients().dynamoDb().putItem(request -> request.tableName(local.physicalId("ReportsTable")).item(Map.of(
        "pk", AttributeValue.fromS("REPORT#" + reportId), "sk", AttributeValue.fromS("INDEX"),
        "reportId", AttributeValue.fromS(reportId), "period", AttributeValue.fromS("2026-11"),
        "scope", AttributeValue.fromS("company"), "generatedAt", AttributeValue.fromS(NOW.toString()),
        "objects", AttributeValue.fromM(Map.of("pdf", AttributeValue.fromM(pdf))))));
    return reportId;
  }

  private static AuditVerifier verifier(LocalDeployment local, AuditTrail trail) {
    return new AuditVerifier(trail, DigestArchive.of(local.settingsOf("AuditDigestFunction"), local.clients().s3()));
  }

  private static AuditTrail trail(LocalDeployment local) {
    return new AuditTrail(local.clients().dynamoDb(), local.physicalId("ReportsTable"));
  }

  private static ReportAccessHandler access(LocalDeployment local, software.amazon.awssdk.core.interceptor.ExecutionInterceptor... faults) {
    return new ReportAccessHandler(local.settingsOf("ReportAccessFunction"),
        local.clientsFor("ReportAccessFunction").withInterceptors(faults), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static APIGatewayV2HTTPResponse request(ReportAccessHandler handler, String who, String reportId) {
    return handler.handleRequest(ReportRequests.get(who, "[auditor]", reportId, "pdf", NOW.plusSeconds(3600)),
        LocalContext.forFunction("ReportAccessFunction", 10_000));
  }

  private static TransactionCanceledException validationCancelled() {
    return (TransactionCanceledException) TransactionCanceledException.builder().statusCode(400)
        .message("Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError, None] (injected)")
        .cancellationReasons(
            CancellationReason.builder().code("ValidationError").message("Item size has exceeded the maximum allowed size").build(),
            CancellationReason.builder().code("None").build())
        .awsErrorDetails(AwsErrorDetails.builder().serviceName("DynamoDb").errorCode("TransactionCanceledException")
            .errorMessage("Transaction cancelled (injected)").build())
        .build();
  }
}
