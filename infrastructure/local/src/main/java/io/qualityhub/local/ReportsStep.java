package io.qualityhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.reports.function.AggregateHandler;
import io.qualityhub.reports.function.AuditDigestHandler;
import io.qualityhub.reports.function.AuditVerifier;
import io.qualityhub.reports.function.ReportAccessHandler;
import io.qualityhub.reports.function.ReportHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The demo's reports step: aggregates the uploads announced on the file-events topic, builds the
 * company and one branch report of the month containing the as-of date and the special report
 * that tracks the month's corrective actions, requests the company
 * report as an auditor through the access function (as API Gateway would call it, with the JWT
 * authoriser's claims), downloads it through the signed URL into {@code OUT/reports/}, shows a
 * branch manager denied another branch's report, writes the day's audit digest and verifies the
 * audit chain.
 */
final class ReportsStep implements DemoStep {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FORMATS = List.of("pdf", "csv", "json");

  @Override
  public String name() {
    return "quality reports";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    LocalDeployment local = context.local();
    ZoneId zone = ZoneId.of(local.functionEnvironment("ReportFunction").get("COMPANY_TIME_ZONE"));
    List<String> failed = drainAggregates(context);
    context.failedMessages("AggregateFunction", failed.size());
    context.out().println("  Aggregates: file events delivered" + (failed.isEmpty() ? "" : ", " + failed.size() + " FAILED"));

    Clock asOf = Clock.fixed(context.asOf().atTime(8, 0).atZone(zone).toInstant(), zone);
    String period = YearMonth.from(context.asOf()).toString();
    ReportHandler reports = new ReportHandler(local.settingsOf("ReportFunction"), local.clientsFor("ReportFunction"), asOf);
    Map<String, Object> company = quietly(context, () -> LocalService.invoke("ReportFunction",
        () -> reports.produce(Map.of("period", period, "scope", "company"))));
    printTrends(context, local, period);
    String branch = firstBranch(local, period).orElse("TPE-01");
    Map<String, Object> branchReport = quietly(context, () -> LocalService.invoke("ReportFunction",
        () -> reports.produce(Map.of("period", period, "scope", "branch:" + branch))));
    String companyId = company.keySet().iterator().next();
    String branchId = branchReport.keySet().iterator().next();
    context.out().println("  Built " + companyId + " and " + branchId + " (PDF, CSV, JSON) into s3://"
        + local.physicalId("ReportsBucket") + "/reports/");
    trackCorrectiveActions(context, reports, period);

    ReportAccessHandler access = new ReportAccessHandler(local.settingsOf("ReportAccessFunction"), local.clientsFor("ReportAccessFunction"),
        Clock.systemUTC());
    Path reportsDir = Files.createDirectories(context.outDir().resolve("reports"));
    ObjectNode summary = context.summary();
    ArrayNode reportsNode = summary.putArray("reports");
    ArrayNode accessNode = summary.putArray("access");
    HttpClient http = HttpClient.newHttpClient();
    for (String format : FORMATS) {
      JsonNode granted = request(context, access, "auditor-demo", "[auditor]", companyId, format, accessNode);
      if (granted.has("url")) {
        URI url = URI.create(granted.get("url").asText());
        Path file = reportsDir.resolve(companyId + "." + format);
        HttpResponse<Path> download = http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        if (download.statusCode() != 200) {
          throw new IOException("downloading " + companyId + "." + format + " through its signed URL gave HTTP " + download.statusCode());
        }
        reportsNode.addObject()
            .put("key", granted.get("key").asText())
            .put("format", format)
            // The signature is a bearer credential: the summary keeps where the URL pointed, not the URL itself.
            .put("url", withoutQuery(url))
            .put("expiresInSeconds", granted.get("expiresInSeconds").asLong())
            .put("file", context.outDir().relativize(file).toString())
            .put("sha256", granted.get("sha256").asText());
      }
    }
    String otherManager = "branch-manager:" + (branch.equals("KHH-02") ? "TPE-01" : "KHH-02");
    request(context, access, "manager-demo", "[" + otherManager + "]", branchId, "pdf", accessNode);

    AuditDigestHandler digests = new AuditDigestHandler(local.settingsOf("AuditDigestFunction"), local.clientsFor("AuditDigestFunction"), Clock.systemUTC());
    String digestKey = quietly(context, () -> LocalService.invoke("AuditDigestFunction", () -> digests.write(LocalDate.now(zone))));
    AuditVerifier.Result verification = AuditCommand.verify(local);
    summary.putObject("auditVerification")
        .put("intact", verification.intact())
        .put("records", verification.recordsChecked())
        .put("firstBroken", verification.firstBroken().orElse(null))
        .put("digest", digestKey);
    context.out().println("  Downloaded into " + reportsDir);
    context.out().println("  Audit trail: " + verification.recordsChecked() + " records, "
        + (verification.intact() ? "intact" : "BROKEN: " + verification.firstBroken().get())
        + "; digest s3://" + local.physicalId("ReportsBucket") + "/" + digestKey);
  }

  /** The special report on corrective actions: every action open during the month, with its latest status. */
  private static void trackCorrectiveActions(DemoContext context, ReportHandler reports, String period) throws IOException {
    Map<String, Object> special = quietly(context, () -> LocalService.invoke("ReportFunction",
        () -> reports.produce(Map.of("period", period, "scope", "company", "topic", "corrective-actions"))));
    String reportId = special.keySet().iterator().next();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) special.get(reportId)).get("json");
    LocalDeployment local = context.local();
    JsonNode actions = JSON.readTree(local.clients().s3().getObjectAsBytes(request -> request
        .bucket(local.physicalId("ReportsBucket")).key((String) json.get("key"))).asByteArray())
        .path("special").path("correctiveActions");
    long overdue = 0;
    for (JsonNode action : actions) {
      overdue += "overdue".equals(action.path("state").asText()) ? 1 : 0;
    }
    context.summary().putObject("specialReport").put("report", reportId).put("topic", "corrective-actions")
        .put("correctiveActions", actions.size()).put("overdue", overdue);
    context.out().println("  Built " + reportId + ": " + actions.size() + " corrective action(s) tracked, "
        + overdue + " overdue");
  }

  private static List<String> drainAggregates(DemoContext context) {
    LocalDeployment local = context.local();
    SqsClient sqs = local.clients().configure(SqsClient.builder()).build();
    RequestHandler<SQSEvent, SQSBatchResponse> handler = new AggregateHandler(local.settingsOf("AggregateFunction"), local.clientsFor("AggregateFunction"));
    return new QueueDelivery(sqs, local.attribute("AggregatesQueue", "QueueUrl"), local.attribute("AggregatesQueue", "Arn"),
        local.clients().region().id(), context.functionLog()).drain(handler, "AggregateFunction", 2);
  }

  /** The company report's trend lines, the months with data: the demo's earlier months show them moving. */
  private static void printTrends(DemoContext context, LocalDeployment local, String period) throws IOException {
    String key = "reports/" + period + "/company/quality-report_" + period + "_company.json";
    byte[] json = local.clients().s3().getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket")).key(key))
        .asByteArray();
    for (JsonNode series : JSON.readTree(json).path("trends")) {
      List<String> points = new java.util.ArrayList<>();
      series.path("points").forEach(point -> {
        if (point.path("value").isNumber()) {
          points.add(point.path("period").asText() + " " + point.path("value").decimalValue()
              .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString());
        }
      });
      context.out().println("  Trend, " + series.path("indicatorId").asText() + ": " + String.join(", ", points));
    }
  }

  /** A branch with data in the period, for the branch report: the first in the company report's JSON. */
  private static java.util.Optional<String> firstBranch(LocalDeployment local, String period) throws IOException {
    String key = "reports/" + period + "/company/quality-report_" + period + "_company.json";
    byte[] json = local.clients().s3().getObjectAsBytes(request -> request.bucket(local.physicalId("ReportsBucket")).key(key))
        .asByteArray();
    JsonNode branches = JSON.readTree(json).path("branches");
    if (branches.isObject() && branches.fieldNames().hasNext()) {
      return java.util.Optional.of(branches.fieldNames().next());
    }
    return java.util.Optional.empty();
  }

  /** Calls the access function with the event API Gateway (HTTP API, JWT authoriser) would send. */
  private static JsonNode request(DemoContext context, ReportAccessHandler access, String who, String groups, String reportId,
      String format, ArrayNode accessNode) throws IOException {
    APIGatewayV2HTTPEvent event = ReportRequests.get(who, groups, reportId, format, Instant.now().plusSeconds(3600));
    APIGatewayV2HTTPResponse response = quietly(context,
        () -> LocalService.invoke("ReportAccessFunction",
            () -> access.handleRequest(event, LocalContext.forFunction("ReportAccessFunction", 30_000))));
    String decision = response.getStatusCode() == 200 ? "allow" : "deny";
    accessNode.addObject().put("principal", who + " " + groups).put("report", reportId + "." + format)
        .put("decision", decision).put("status", response.getStatusCode());
    JsonNode body = JSON.readTree(response.getBody());
    context.out().printf("  %-14s %-20s %s.%s: %s%s%n", who, groups, reportId, format, decision,
        body.has("error") ? " (" + body.get("error").asText() + ")" : "");
    return body;
  }

  private static String withoutQuery(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
  }

  /** Function output goes to the function log, as Lambda sends it to CloudWatch. */
  private static <T> T quietly(DemoContext context, Supplier<T> call) {
    PrintStream console = System.out;
    System.setOut(context.functionLog());
    try {
      return call.get();
    } finally {
      context.functionLog().flush();
      System.setOut(console);
    }
  }
}
