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
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The portal's customer lookup behind the HTTP API ({@code POST /customers/lookup}, body {@code {"idNo": "..."}} or
 * {@code {"phone": "..."}}, same JWT authoriser as the reports), answered by {@link CustomerLookupService}. The value
 * travels in the body so that it never sits in a URL or an access log.
 */
public final class CustomerLookupHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final CustomerLookupService service;
  private final Clock clock;
  /** Held because CRaC holds resources weakly: SnapStart still primes this handler; tests prime it themselves. */
  final SnapStartPriming priming;

  /** Used by AWS Lambda: configuration and clients from the environment. */
  public CustomerLookupHandler() {
    this(Settings.fromEnvironment(), AwsClients.fromEnvironment(), Clock.systemUTC());
  }

  /** Used by the local portal and tests, with the emulator's clients and their own clock. */
  public CustomerLookupHandler(Settings settings, AwsClients clients, Clock clock) {
    this.service = CustomerLookupWiring.of(settings, clients);
    this.clock = clock;
    // SnapStart priming (decision 0018): reading a made-up caller; a real request's denial is audited, so none is sent.
    this.priming = SnapStartPriming.register("customer-lookup", () -> Caller.of(PrimingRequests.signedIn("[quality]"), Instant.EPOCH));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return switch (service.lookUp(Caller.of(event, now), CustomerIdentifier.ofBody(event.getBody(), event.getIsBase64Encoded()), now)) {
      case CustomerLookupService.Found found -> JsonResponses.of(200, Map.of("records", found.records()));
      case CustomerLookupService.Refused refused -> JsonResponses.of(refused.status(), Map.of("error", refused.message()));
    };
  }
}
