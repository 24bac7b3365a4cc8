package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.qualityhub.core.access.TokenGroups;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls, from the claims the HTTP API's JWT authoriser passes on. Groups come from
 * {@code cognito:groups}, which API Gateway hands over as {@code [auditor quality]}. A request
 * without claims or with an expired token is a caller with a problem: denied and recorded.
 */
record Caller(String who, Set<String> groups, String sourceIp, String userAgent, Optional<String> problem) {

  private static final String UNKNOWN = "unknown";

  static Caller of(APIGatewayV2HTTPEvent event, Instant now) {
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    String sourceIp = UNKNOWN;
    String userAgent = UNKNOWN;
    Map<String, String> claims = null;
    if (context != null) {
      if (context.getHttp() != null) {
        sourceIp = orUnknown(context.getHttp().getSourceIp());
        userAgent = orUnknown(context.getHttp().getUserAgent());
      }
      if (context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null) {
        claims = context.getAuthorizer().getJwt().getClaims();
      }
    }
    if (claims == null || claims.get("sub") == null) {
      return new Caller("anonymous", Set.of(), sourceIp, userAgent, Optional.of("no verified token; sign in again"));
    }
    String who = claims.getOrDefault("cognito:username", claims.get("sub"));
    Set<String> groups = groups(claims.get("cognito:groups"));
    String exp = claims.get("exp");
    if (exp != null && exp.matches("\\d+") && !Instant.ofEpochSecond(Long.parseLong(exp)).isAfter(now)) {
      return new Caller(who, groups, sourceIp, userAgent, Optional.of("the token has expired; sign in again"));
    }
    return new Caller(who, groups, sourceIp, userAgent, Optional.empty());
  }

  /** The groups exactly as the token lists them ({@link TokenGroups#parse}). */
  static Set<String> groups(String claim) {
    return TokenGroups.parse(claim);
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value;
  }
}
