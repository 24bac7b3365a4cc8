package io.qualityhub.sampling.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import io.qualityhub.core.metrics.ItemsRefusedMetric;
import io.qualityhub.core.store.ItemSeal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The quality department's view of a period's inspection sample behind the HTTP API ({@code GET /samples/{period}},
 * the same JWT authoriser as the reports), answered by {@link InspectionTasksService}.
 */
public final class InspectionTasksHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /** The Cognito group of the quality department. */
  public static final String QUALITY_GROUP = "quality";

  private final InspectionTasksService service;
  private final Clock clock;
  /** Held because CRaC holds resources weakly: SnapStart still primes this handler; tests prime it themselves. */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public InspectionTasksHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local portal and tests, with the emulator's clients and their own clock. */
  public InspectionTasksHandler(Settings settings, AwsClients clients, Clock clock) {
    // Tasks whose seal fails are left out of what the portal shows, and counted (decision 0008).
    SampleStore samples = new SampleStore(clients.dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", settings, clients), new ItemsRefusedMetric());
    this.service = new InspectionTasksService(period -> samples.header(period).map(header -> new InspectionTasksService.DrawnSample(
        header.planVersion(), header.populationSize(), samples.tasks(period).stream().map(SampleStore.StoredTask::task).toList())));
    this.clock = clock;
    // SnapStart priming (decision 0018): a request without a token is answered 401 before any AWS call.
    this.priming = SnapStartPriming.register("inspection-tasks", () -> handle(new APIGatewayV2HTTPEvent()));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Map<String, String> claims = Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
        .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
        .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims).orElse(Map.of());
    String period = Optional.ofNullable(event.getPathParameters()).map(path -> path.get("period")).orElse("");
    InspectionTasksService.Answer answer = service.list(claims, period, clock.instant());
    return JsonResponses.of(answer.status(), answer.body());
  }
}
