package io.qualityhub.reports.function.maintenance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of the re-seal pass found and did, over every sealed kind of item.
 *
 * @param sealed items without a seal that this run sealed (only while the pass had never completed)
 * @param alreadySealed items whose seal holds
 * @param refused items whose seal is there but fails: never sealed again, they stay refused
 * @param leftUnsealed items without a seal found after the pass had completed: not sealed, they stay refused
 * @param changedMeanwhile items a function wrote (and sealed) between this run's read and its write; nothing to do
 * @param completedAt when the pass first completed; from then on it seals nothing
 * @param completedNow whether this run was the one that completed it
 */
public record ResealOutcome(long sealed, long alreadySealed, long refused, long leftUnsealed, long changedMeanwhile,
    Instant completedAt, boolean completedNow) {

  /** The function's answer, as the command line reads it back. */
  public Map<String, Object> toResponse() {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("sealed", sealed);
    response.put("alreadySealed", alreadySealed);
    response.put("refused", refused);
    response.put("leftUnsealed", leftUnsealed);
    response.put("changedMeanwhile", changedMeanwhile);
    response.put("completedAt", completedAt.toString());
    response.put("completedNow", completedNow);
    return response;
  }

  /** @throws IllegalArgumentException when the answer lacks a field */
  public static ResealOutcome fromResponse(Map<String, Object> response) {
    try {
      return new ResealOutcome(count(response, "sealed"), count(response, "alreadySealed"), count(response, "refused"),
          count(response, "leftUnsealed"), count(response, "changedMeanwhile"),
          Instant.parse((String) response.get("completedAt")), (Boolean) response.get("completedNow"));
    } catch (ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("the re-seal function answered without its counts: " + response.keySet(), e);
    }
  }

  private static long count(Map<String, Object> response, String name) {
    return ((Number) response.get(name)).longValue();
  }
}
