package io.qualityhub.local.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects a scenario's failed checks; {@link #verdict()} passes only when none failed. */
final class Checks {

  private final List<String> failures = new ArrayList<>();

  /** Fails with {@code what} unless {@code condition} holds. */
  Checks that(boolean condition, String what) {
    if (!condition) {
      failures.add(what);
    }
    return this;
  }

  /**
   * Fails unless the two are equal; the message shows both, so use it for counts, ids and statuses only,
   * never for stored row values.
   */
  Checks equal(Object expected, Object actual, String what) {
    if (!Objects.equals(expected, actual)) {
      failures.add(what + ": expected " + expected + ", was " + actual);
    }
    return this;
  }

  /** Adds the differences a comparison found (already free of values), each as a failure. */
  Checks none(List<String> differences, String what) {
    if (!differences.isEmpty()) {
      int shown = Math.min(3, differences.size());
      failures.add(what + ": " + differences.size() + (differences.size() == 1 ? " difference" : " differences")
          + " (" + String.join("; ", differences.subList(0, shown)) + (shown < differences.size() ? "; ..." : "") + ")");
    }
    return this;
  }

  boolean failed() {
    return !failures.isEmpty();
  }

  Verdict verdict() {
    return failures.isEmpty() ? Verdict.pass() : new Verdict(false, failures);
  }
}
