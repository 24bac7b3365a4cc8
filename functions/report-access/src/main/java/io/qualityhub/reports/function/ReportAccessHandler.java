package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.qualityhub.core.aws.AwsClients;
import io.qualityhub.core.config.Settings;
import io.qualityhub.core.http.JsonResponses;
import io.qualityhub.core.http.SnapStartPriming;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Report access function behind the HTTP API ({@code GET /reports/{reportId}?format=pdf|csv|json}), whose JWT
 * authoriser has already checked the token: {@link ReportAccessService} decides, records and signs.
 */
public final class ReportAccessHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final ReportAccessService access;
  private final Clock clock;
  /** Held because CRaC holds resources weakly: SnapStart still primes this handler; tests prime it themselves. */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public ReportAccessHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local run and tests, with the emulator's clients and their own clock. */
  public ReportAccessHandler(Settings settings, AwsClients clients, Clock clock) {
    ReportAccessWiring wiring = ReportAccessWiring.of(settings, clients);
    this.access = wiring.access();
    this.clock = clock;
    this.priming = SnapStartPriming.register("report-access", wiring.warmUp());
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> {
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      String reportId = Optional.ofNullable(event.getPathParameters()).map(path -> path.get("reportId")).orElse("");
      String format = Optional.ofNullable(event.getQueryStringParameters()).map(query -> query.get("format")).orElse("pdf");
      return switch (access.request(Caller.of(event, now), reportId, format, now)) {
        case ReportAccessService.Granted granted -> JsonResponses.of(200, granted.body());
        case ReportAccessService.Refused refused -> JsonResponses.of(refused.status(), Map.of("error", refused.message()));
      };
    });
  }
}
