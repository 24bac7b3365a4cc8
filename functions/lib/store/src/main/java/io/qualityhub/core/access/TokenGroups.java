package io.qualityhub.core.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Cognito groups of a caller, from the {@code cognito:groups} claim as the HTTP API's JWT
 * authoriser hands it to a function; one reading for every function behind the API.
 */
public final class TokenGroups {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenGroups() {}

  /**
   * The groups exactly as the token lists them: API Gateway's {@code [a b]}, a JSON array
   * {@code ["a","b"]}, or one group. A comma is part of a group's name, never a separator, so a
   * group named {@code x,auditor} grants nothing of {@code auditor}; an array that does not parse
   * grants nothing at all.
   */
  public static Set<String> parse(String claim) {
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
}
