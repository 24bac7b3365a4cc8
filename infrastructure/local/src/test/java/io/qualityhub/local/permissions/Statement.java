package io.qualityhub.local.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import io.qualityhub.local.IamRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One statement of a policy, named by where it comes from (policy and Sid), matched as IAM matches it. */
record Statement(String origin, JsonNode node) {

  /** Whom a resource policy's statement names, as it concerns the role asking. */
  enum PrincipalMatch {
    /** Not the role: another principal, or a service. */
    NONE,
    /** The role's account (its root): the account's own IAM policies must allow the request too. */
    ACCOUNT,
    /** The role itself, or everyone. */
    DIRECT
  }

  /** Every statement of a policy document, named {@code policy.Sid} (or by position when there is no Sid). */
  static List<Statement> all(String policy, JsonNode document) {
    JsonNode statements = document.path("Statement");
    List<Statement> all = new ArrayList<>();
    int position = 0;
    for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
      if (statement.isMissingNode()) {
        continue;
      }
      if (statement.has("NotPrincipal")) {
        throw new IllegalStateException(policy + " uses NotPrincipal, which the permission check does not evaluate");
      }
      all.add(new Statement(policy + "." + statement.path("Sid").asText("#" + position), statement));
      position++;
    }
    return all;
  }

  boolean denies() {
    return node.path("Effect").asText().equals("Deny");
  }

  /** Whether action, resource and conditions match; whom it names is {@link #principal}'s question. */
  boolean applies(IamRequest request) {
    boolean action = node.has("NotAction")
        ? !anyMatch(node.get("NotAction"), pattern -> Wildcards.matchAction(pattern, request.action()))
        : anyMatch(node.path("Action"), pattern -> Wildcards.matchAction(pattern, request.action()));
    if (!action) {
      return false;
    }
    boolean resource;
    if (node.has("NotResource")) {
      resource = !anyMatch(node.get("NotResource"), pattern -> arnMatches(pattern, request));
    } else if (node.has("Resource")) {
      resource = anyMatch(node.get("Resource"), pattern -> arnMatches(pattern, request));
    } else {
      resource = true; // A trust policy's statements name no resource: the role is it.
    }
    return resource && PolicyConditions.hold(node.path("Condition"), request.context());
  }

  PrincipalMatch principal(String roleArn, String account) {
    JsonNode principal = node.path("Principal");
    if (principal.isTextual()) {
      return principal.asText().equals("*") ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
    }
    PrincipalMatch best = PrincipalMatch.NONE;
    JsonNode aws = principal.path("AWS");
    for (JsonNode named : aws.isArray() ? aws : List.of(aws)) {
      String text = named.asText();
      if (text.equals("*") || text.equals(roleArn)) {
        return PrincipalMatch.DIRECT;
      }
      if (text.equals(account) || text.equals("arn:aws:iam::" + account + ":root")) {
        best = PrincipalMatch.ACCOUNT;
      }
    }
    return best;
  }

  private static boolean arnMatches(String pattern, IamRequest request) {
    Optional<String> resolved = PolicyConditions.substitute(pattern, request.context());
    return resolved.isPresent() && Wildcards.matchArn(resolved.get(), request.resource());
  }

  private static boolean anyMatch(JsonNode patterns, java.util.function.Predicate<String> matches) {
    for (JsonNode pattern : patterns.isArray() ? patterns : List.of(patterns)) {
      if (!pattern.isMissingNode() && matches.test(pattern.asText())) {
        return true;
      }
    }
    return false;
  }
}
