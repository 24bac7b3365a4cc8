package io.qualityhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The events API Gateway's HTTP API (JWT authoriser) sends the report-access function, for local runs. */
public final class ReportRequests {

  private ReportRequests() {}

  /**
   * {@code GET /reports/{reportId}?format=...} from {@code who}, whose token carries {@code groups} (as Cognito
   * writes them, e.g. {@code [auditor]}) and expires at {@code expires}.
   */
  public static APIGatewayV2HTTPEvent get(String who, String groups, String reportId, String format, Instant expires) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(Map.of("sub", who + "-sub", "cognito:username", who, "cognito:groups", groups,
        "exp", Long.toString(expires.getEpochSecond())));
    jwt.setScopes(List.of());
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod("GET");
    http.setPath("/reports/" + reportId);
    http.setSourceIp("127.0.0.1");
    http.setUserAgent("qualityhub-demo");
    APIGatewayV2HTTPEvent.RequestContext requestContext = new APIGatewayV2HTTPEvent.RequestContext();
    requestContext.setAuthorizer(authorizer);
    requestContext.setHttp(http);
    requestContext.setRouteKey("GET /reports/{reportId}");
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("GET /reports/{reportId}");
    event.setRawPath("/reports/" + reportId);
    event.setPathParameters(Map.of("reportId", reportId));
    event.setQueryStringParameters(Map.of("format", format));
    event.setRequestContext(requestContext);
    return event;
  }
}
