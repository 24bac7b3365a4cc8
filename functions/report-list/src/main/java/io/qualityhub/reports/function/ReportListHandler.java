package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.config.StoredConfiguration;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import io.qualityhub.deadlines.BranchDirectory;
import java.time.Clock;
import java.time.Instant;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The portal's report list behind the HTTP API ({@code GET /reports}, same JWT authoriser as a download): the reports
 * the caller's groups may read ({@link ReportListing}).
 */
public final class ReportListHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final ReportListing listing;
  private final Clock clock;
  /** Held because CRaC holds resources weakly: SnapStart still primes this handler; tests prime it themselves. */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public ReportListHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local portal and tests, with the emulator's clients and their own clock. */
  public ReportListHandler(Settings environment, AwsClients clients, Clock clock) {
    // The configuration store's documents in force (the branch directory) take the place of the variables they name.
    Settings settings = StoredConfiguration.over(environment, clients.dynamoDb());
    BranchDirectory branchNames = BranchDirectory.fromSetting(settings.optional(BranchDirectory.VARIABLE).orElse(null));
    ReportStore reports = new ReportStore(clients.s3(), settings.required("REPORTS_BUCKET"),
        settings.required("REPORTS_KEY_ARN"), clients.dynamoDb(), settings.required("REPORTS_TABLE"));
    this.listing = new ReportListing(reports::catalogue, branchNames);
    this.clock = clock;
    // SnapStart priming (decision 0018): a request without a token is answered 401 before any AWS call.
    this.priming = SnapStartPriming.register("report-list", () -> handle(new APIGatewayV2HTTPEvent()));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    ReportListing.Answer answer = listing.listFor(Caller.of(event, Instant.now(clock)));
    return JsonResponses.of(answer.status(), answer.body());
  }
}
