package io.qualityhub.reports.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.deadlines.BranchDirectory;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The portal's report list behind the HTTP API ({@code GET /reports}, same JWT authoriser as a
 * download): the reports the caller's groups may read, newest period first, with their formats.
 * It hands out no report content, so it writes no audit record; each download does. A branch
 * report's row carries the branch's names from the branch directory, for the portal to show beside
 * the code.
 */
public final class ReportListHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(ReportListHandler.class);

  private final ReportListing listing;
  private final BranchDirectory branchNames;
  private final Clock clock;
  /**
   * Held so that CRaC, which holds resources weakly, still primes this handler when SnapStart snapshots it; tests
   * prime it themselves.
   */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public ReportListHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local portal and tests, with the emulator's clients and their own clock. */
  public ReportListHandler(Settings environment, AwsClients clients, Clock clock) {
    // The configuration store's documents in force (the branch directory) take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    this.branchNames = BranchDirectory.fromSetting(settings.optional(BranchDirectory.VARIABLE).orElse(null));
    this.listing = new ReportListing(new ReportStore(clients.s3(), settings.required("REPORTS_BUCKET"),
        settings.required("REPORTS_KEY_ARN"), clients.dynamoDb(), settings.required("REPORTS_TABLE")));
    this.clock = clock;
    // SnapStart priming (decision 0018): a request without a token is answered 401 before any AWS call.
    this.priming = SnapStartPriming.register("report-list", () -> handle(new APIGatewayV2HTTPEvent()));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Caller caller = Caller.of(event, Instant.now(clock));
    if (caller.problem().isPresent()) {
      return JsonResponses.of(401, Map.of("error", caller.problem().get()));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StoredReport report : listing.readableBy(caller.groups())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("report", report.reportId());
      row.put("period", report.period());
      row.put("scope", report.scope());
      branchNames.nameOf(report.scope()).ifPresent(name -> row.put("branchName", Map.of("zh-Hant", name.zh(),
          "en", name.en())));
      row.put("topic", report.topic());
      row.put("generatedAt", report.generatedAt());
      row.put("formats", report.objects().keySet().stream().map(ReportFormat::extension).toList());
      rows.add(row);
    }
    LOG.info("reports listed", entry("who", caller.who()), entry("groups", List.copyOf(caller.groups())),
        entry("reports", rows.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("who", caller.who());
    body.put("groups", caller.groups().stream().sorted().toList());
    body.put("reports", rows);
    return JsonResponses.of(200, body);
  }
}
