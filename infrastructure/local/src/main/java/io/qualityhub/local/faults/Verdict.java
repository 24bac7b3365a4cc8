package io.qualityhub.local.faults;

import java.util.List;

/**
 * What a scenario found: passed, or failed with the reasons. Reasons name items, keys, counts and attribute names,
 * never stored values (customer data must not reach the console).
 */
public record Verdict(boolean passed, List<String> reasons) {

  public Verdict {
    reasons = List.copyOf(reasons);
  }

  public static Verdict pass() {
    return new Verdict(true, List.of());
  }

  public static Verdict fail(String reason) {
    return new Verdict(false, List.of(reason));
  }

  /** The reasons as one line. */
  public String why() {
    return String.join("; ", reasons);
  }
}
