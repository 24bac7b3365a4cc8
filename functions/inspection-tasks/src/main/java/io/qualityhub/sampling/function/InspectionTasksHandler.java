package io.qualityhub.sampling.function;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.access.TokenGroups;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import io.qualityhub.core.metrics.ItemsRefusedMetric;
import io.qualityhub.core.store.ItemSeal;
import io.qualityhub.sampling.domain.InspectionTask;
import io.qualityhub.sampling.domain.Period;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The quality department's view of a period's inspection sample behind the HTTP API
 * ({@code GET /samples/{period}}, the same JWT authoriser as the reports): the tasks drawn, by team,
 * with record ids, reasons and due dates, and no customer data (a task names a record, never its
 * contents). Only the {@code quality} group may read it.
 */
public final class InspectionTasksHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /** The Cognito group of the quality department. */
  public static final String QUALITY_GROUP = "quality";
  private static final Logger LOG = LoggerFactory.getLogger(InspectionTasksHandler.class);

  private final SampleStore samples;
  private final Clock clock;
  /**
   * Held so that CRaC, which holds resources weakly, still primes this handler when SnapStart snapshots it; tests
   * prime it themselves.
   */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public InspectionTasksHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local portal and tests, with the emulator's clients and their own clock. */
  public InspectionTasksHandler(Settings settings, AwsClients clients, Clock clock) {
    // Tasks whose seal fails are left out of what the portal shows, and counted (decision 0008).
    this.samples = new SampleStore(clients.dynamoDb(), ItemSeal.ofTable("RECORDS_TABLE", settings, clients), new ItemsRefusedMetric());
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
    String exp = claims.getOrDefault("exp", "");
    if (claims.get("sub") == null
        || (exp.matches("\\d+") && !Instant.ofEpochSecond(Long.parseLong(exp)).isAfter(clock.instant()))) {
      return JsonResponses.of(401, Map.of("error", "no valid sign-in; sign in again"));
    }
    String who = claims.getOrDefault("cognito:username", claims.get("sub"));
    if (!TokenGroups.parse(claims.get("cognito:groups")).contains(QUALITY_GROUP)) {
      LOG.info("inspection tasks refused", entry("who", who));
      return JsonResponses.of(403, Map.of("error", "inspection samples are for the quality department"));
    }
    String periodText = Optional.ofNullable(event.getPathParameters()).map(p -> p.get("period")).orElse("");
    Period period;
    try {
      period = Period.parse(periodText);
    } catch (RuntimeException e) {
      return JsonResponses.of(400, Map.of("error", "period '" + periodText + "' is not a month (2026-11) or a week (2026-W47)"));
    }
    Optional<SampleHeader> header = samples.header(period);
    if (header.isEmpty()) {
      return JsonResponses.of(404, Map.of("error", "no sample drawn for " + period + " yet"));
    }
    List<Map<String, Object>> tasks = new ArrayList<>();
    samples.tasks(period).stream().map(SampleStore.StoredTask::task)
        .sorted(Comparator.comparing(InspectionTask::team).thenComparing(InspectionTask::taskId))
        .forEach(task -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("task", task.taskId());
          row.put("team", task.team());
          row.put("recordType", task.record().recordType());
          row.put("branch", task.record().branch());
          row.put("record", task.record().recordId());
          row.put("reasons", task.reasons());
          row.put("dueOn", task.dueOn().toString());
          row.put("adhoc", task.isAdhoc());
          if (task.isAdhoc()) {
            row.put("adhocReason", task.adhoc().reason());
            row.put("requestedBy", task.adhoc().requestedBy());
          }
          tasks.add(row);
        });
    LOG.info("inspection tasks listed", entry("who", who), entry("period", period.toString()), entry("tasks", tasks.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("period", period.toString());
    body.put("planVersion", header.get().planVersion());
    body.put("populationSize", header.get().populationSize());
    body.put("tasks", tasks);
    return JsonResponses.of(200, body);
  }
}
