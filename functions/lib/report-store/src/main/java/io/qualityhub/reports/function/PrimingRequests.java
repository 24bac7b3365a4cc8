package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** Made-up HTTP API requests the HTTP functions prime their request path with before a SnapStart snapshot. */
final class PrimingRequests {

  private PrimingRequests() {}

  /** A request as the JWT authoriser passes it on, from a made-up user of {@code groups} (as Cognito writes them). */
  static APIGatewayV2HTTPEvent signedIn(String groups) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(Map.of("sub", "priming", "cognito:username", "priming", "cognito:groups", groups, "exp", "4102444800"));
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod("GET");
    http.setSourceIp("127.0.0.1");
    http.setUserAgent("snapstart-priming");
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setAuthorizer(authorizer);
    context.setHttp(http);
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRequestContext(context);
    return event;
  }
}
