package io.qualityhub.local.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM's condition block as AWS evaluates it: operators AND-ed, keys within an operator AND-ed, a key's values
 * OR-ed; {@code ...IfExists} true when the key is absent; a negated operator (StringNotEquals, ArnNotEquals...)
 * true when the key is absent; {@code ForAllValues} true for an absent or empty key, {@code ForAnyValue} false;
 * {@code Null} on presence; policy variables ({@code ${aws:PrincipalTag/branch}}) from the request. An operator
 * it cannot evaluate is an error, never a silent pass.
 */
final class PolicyConditions {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

  private PolicyConditions() {
  }

  /** @param context condition keys in lower case, as {@link io.qualityhub.local.IamRequest} keeps them */
  static boolean hold(JsonNode condition, Map<String, List<String>> context) {
    if (condition == null || condition.isMissingNode()) {
      return true;
    }
    var operators = condition.properties().iterator();
    while (operators.hasNext()) {
      var operator = operators.next();
      var keys = operator.getValue().properties().iterator();
      while (keys.hasNext()) {
        var key = keys.next();
        if (!holds(operator.getKey(), key.getKey(), texts(key.getValue(), context),
            context.get(key.getKey().toLowerCase(Locale.ROOT)))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(String operator, String key, List<String> policyValues, List<String> requestValues) {
    boolean forAll = operator.startsWith("ForAllValues:");
    boolean forAny = operator.startsWith("ForAnyValue:");
    String base = operator.substring(operator.indexOf(':') + 1);
    boolean ifExists = base.endsWith("IfExists");
    if (ifExists) {
      base = base.substring(0, base.length() - "IfExists".length());
    }
    boolean absent = requestValues == null || requestValues.isEmpty();
    if (base.equals("Null")) {
      return policyValues.stream().anyMatch(value -> Boolean.parseBoolean(value) == absent);
    }
    boolean negated = base.contains("Not");
    String positive = base.replace("Not", "");
    if (forAll) {
      return absent || requestValues.stream().allMatch(value -> negated != matchesAny(positive, key, value, policyValues));
    }
    if (forAny) {
      return !absent && requestValues.stream().anyMatch(value -> negated != matchesAny(positive, key, value, policyValues));
    }
    if (absent) {
      return ifExists || negated;
    }
    return negated
        ? requestValues.stream().noneMatch(value -> matchesAny(positive, key, value, policyValues))
        : requestValues.stream().anyMatch(value -> matchesAny(positive, key, value, policyValues));
  }

  private static boolean matchesAny(String operator, String key, String requestValue, List<String> policyValues) {
    for (String policyValue : policyValues) {
      boolean match = switch (operator) {
        case "StringEquals" -> requestValue.equals(policyValue);
        case "StringEqualsIgnoreCase" -> requestValue.equalsIgnoreCase(policyValue);
        case "StringLike" -> Wildcards.matchText(policyValue, requestValue);
        case "ArnEquals", "ArnLike" -> Wildcards.matchArn(policyValue, requestValue);
        case "Bool" -> requestValue.equalsIgnoreCase(policyValue);
        case "NumericEquals" -> new BigDecimal(requestValue).compareTo(new BigDecimal(policyValue)) == 0;
        case "NumericLessThan" -> new BigDecimal(requestValue).compareTo(new BigDecimal(policyValue)) < 0;
        case "NumericLessThanEquals" -> new BigDecimal(requestValue).compareTo(new BigDecimal(policyValue)) <= 0;
        case "NumericGreaterThan" -> new BigDecimal(requestValue).compareTo(new BigDecimal(policyValue)) > 0;
        case "NumericGreaterThanEquals" -> new BigDecimal(requestValue).compareTo(new BigDecimal(policyValue)) >= 0;
        default -> throw new IllegalArgumentException("the permission check cannot evaluate condition operator "
            + operator + " (on " + key + "); teach PolicyConditions before using it");
      };
      if (match) {
        return true;
      }
    }
    return false;
  }

  /** A policy's values for a key, variables substituted; a value naming a key the request lacks matches nothing. */
  private static List<String> texts(JsonNode values, Map<String, List<String>> context) {
    List<String> texts = new ArrayList<>();
    for (JsonNode value : values.isArray() ? values : List.of(values)) {
      substitute(value.asText(), context).ifPresent(texts::add);
    }
    return texts;
  }

  /** The text with each {@code ${key}} replaced by the request's single value; empty when a key is absent. */
  static Optional<String> substitute(String text, Map<String, List<String>> context) {
    Matcher variable = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (variable.find()) {
      List<String> values = context.get(variable.group(1).toLowerCase(Locale.ROOT));
      if (values == null || values.size() != 1) {
        return Optional.empty();
      }
      variable.appendReplacement(out, Matcher.quoteReplacement(values.get(0)));
    }
    variable.appendTail(out);
    return Optional.of(out.toString());
  }
}
