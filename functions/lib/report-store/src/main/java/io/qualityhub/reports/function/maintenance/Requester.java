package io.qualityhub.reports.function.maintenance;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who asked for a maintenance run, as the event states it ({@code requestedBy}: the command line puts the caller's
 * IAM ARN there). Stated by the caller, so the trail records it as stated; CloudTrail's Invoke event names the
 * principal with authority. Anything that is not one printable token of at most 256 characters reads as unknown.
 */
final class Requester {

  private static final Pattern PRINCIPAL = Pattern.compile("^[\\x21-\\x7e]{1,256}$");

  private Requester() {}

  static String of(Map<String, Object> input) {
    Object requestedBy = input == null ? null : input.get("requestedBy");
    return requestedBy instanceof String text && PRINCIPAL.matcher(text).matches() ? text : "unknown";
  }
}
