package io.qualityhub.core.aws;

import java.util.Optional;

/**
 * The X-Ray trace header Lambda hands each invocation ({@code Root=1-...;Parent=...;Sampled=1}): the trace,
 * the segment Lambda opened for the function (the parent of every subsegment the function sends) and whether
 * the trace is kept.
 *
 * @param root the trace id
 * @param parent the id of the function's segment
 * @param sampled whether X-Ray keeps the trace; an unsampled trace gets no subsegments
 */
public record TraceHeader(String root, String parent, boolean sampled) {

  /**
   * The Java runtime sets this system property for each invocation and clears it for one without a
   * trace (the environment variable {@code _X_AMZN_TRACE_ID} of a JVM cannot change after start, so
   * it could only name an earlier invocation's trace).
   */
  static final String RUNTIME_PROPERTY = "com.amazonaws.xray.traceHeader";

  /** The header of the invocation under way, when there is one with a root and a parent. */
  public static Optional<TraceHeader> current() {
    return parse(System.getProperty(RUNTIME_PROPERTY));
  }

  /** @return the header's fields, or empty when the header is missing or lacks a root or a parent */
  public static Optional<TraceHeader> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String root = null;
    String parent = null;
    boolean sampled = false;
    for (String field : header.split(";")) {
      int equals = field.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String name = field.substring(0, equals).trim();
      String value = field.substring(equals + 1).trim();
      switch (name) {
        case "Root" -> root = value;
        case "Parent" -> parent = value;
        case "Sampled" -> sampled = value.equals("1");
        default -> { }
      }
    }
    return root == null || root.isEmpty() || parent == null || parent.isEmpty()
        ? Optional.empty()
        : Optional.of(new TraceHeader(root, parent, sampled));
  }
}
