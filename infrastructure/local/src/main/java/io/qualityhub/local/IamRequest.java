package io.qualityhub.local;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One authorisation AWS makes for a request: the IAM action, the ARN of the resource it acts on, and the
 * condition keys the request itself sets (encryption context, leading keys, attributes, SSE headers...).
 * Keys about the caller (aws:PrincipalArn) are added by whoever evaluates it.
 *
 * @param context condition key to its values; keys compare case-insensitively in IAM, so they are kept lower case
 */
public record IamRequest(String action, String resource, Map<String, List<String>> context) {

  public IamRequest {
    Map<String, List<String>> keys = new TreeMap<>();
    context.forEach((key, values) -> keys.put(key.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
    context = java.util.Collections.unmodifiableMap(keys);
  }

  public static IamRequest of(String action, String resource) {
    return new IamRequest(action, resource, Map.of());
  }

  /** This request with one more condition key. */
  public IamRequest with(String key, List<String> values) {
    Map<String, List<String>> more = new TreeMap<>(context);
    more.put(key, values);
    return new IamRequest(action, resource, more);
  }

  @Override
  public String toString() {
    return action + " on " + resource + (context.isEmpty() ? "" : " " + context);
  }
}
