package io.qualityhub.reports.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

  @Test
  void groupsArriveInTheFormsApiGatewayAndCognitoUse() {
    assertEquals(Set.of("auditor", "branch-manager:TPE-01"), Caller.groups("[auditor branch-manager:TPE-01]"));
    assertEquals(Set.of("auditor", "quality"), Caller.groups("[\"auditor\",\"quality\"]"));
    assertEquals(Set.of("quality"), Caller.groups("quality"));
    assertEquals(Set.of(), Caller.groups(null));
    assertEquals(Set.of(), Caller.groups("[]"));
  }

  @Test
  void aCommaIsPartOfAGroupsNameSoNoNameGrantsAnotherGroup() {
    assertEquals(Set.of("x,auditor"), Caller.groups("x,auditor"));
    assertEquals(Set.of("x,auditor"), Caller.groups("[x,auditor]"));
    assertEquals(Set.of("x,auditor", "quality"), Caller.groups("[\"x,auditor\",\"quality\"]"));
    assertEquals(Set.of(), Caller.groups("[\"auditor\",1]"), "an array that is not all names grants nothing");
    assertEquals(Set.of(), Caller.groups("[\"auditor\",]"), "nor one that does not parse");
  }

  @Test
  void aValidTokenGivesTheUserNameGroupsAndRequestOrigin() {
    Caller caller = Caller.of(event(Map.of("sub", "u-1", "cognito:username", "lin", "cognito:groups", "[auditor]",
        "exp", Long.toString(NOW.getEpochSecond() + 60))), NOW);
    assertEquals(new Caller("lin", Set.of("auditor"), "203.0.113.9", "curl/8", Optional.empty()), caller);
  }

  @Test
  void anExpiredOrMissingTokenIsAProblem() {
    assertEquals(Optional.of("the token has expired; sign in again"), Caller.of(event(Map.of("sub", "u-1",
        "cognito:groups", "[auditor]", "exp", Long.toString(NOW.getEpochSecond()))), NOW).problem());
    APIGatewayV2HTTPEvent anonymous = event(Map.of());
    anonymous.getRequestContext().setAuthorizer(null);
    assertEquals(new Caller("anonymous", Set.of(), "203.0.113.9", "curl/8", Optional.of("no verified token; sign in again")),
        Caller.of(anonymous, NOW));
  }

  private static APIGatewayV2HTTPEvent event(Map<String, String> claims) {
    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
    jwt.setClaims(claims);
    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
    authorizer.setJwt(jwt);
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setSourceIp("203.0.113.9");
    http.setUserAgent("curl/8");
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setAuthorizer(authorizer);
    context.setHttp(http);
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRequestContext(context);
    return event;
  }
}
