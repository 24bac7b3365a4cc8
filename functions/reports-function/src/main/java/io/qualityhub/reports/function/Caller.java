package io.qualityhub.reports.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashSet;
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
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The groups exactly as the token lists them: API Gateway's {@code [a b]}, a JSON array
   * {@code ["a","b"]}, or one group. A comma is part of a group's name, never a separator, so a
   * group named {@code x,auditor} grants nothing of {@code auditor}; an array that does not parse
   * grants nothing at all.
   */
  static Set<String> groups(String claim) {
    if (claim == null || claim.isBlank()) {
      return Set.of();
    }
    String text = claim.strip();
    if (!text.startsWith("[") || !text.endsWith("]")) {
      return Set.of(text);
    }
    String inner = text.substring(1, text.length() - 1).strip();
    if (!inner.startsWith("\"")) {
      return inner.isEmpty() ? Set.of() : Set.of(inner.split("\\s+"));
    }
    try {
      Set<String> groups = new LinkedHashSet<>();
      for (JsonNode group : JSON.readTree(text)) {
        if (!group.isTextual()) {
          return Set.of();
        }
        groups.add(group.asText());
      }
      return Set.copyOf(groups);
    } catch (JsonProcessingException e) {
      return Set.of();
    }
  }

  private static String orUnknown(String value) {
    return value == null || value.isBlank() ? UNKNOWN : value;
  }
}
