package io.qualityhub.reports.function.maintenance;

import java.util.Map;

/**
 * What one re-key did: the stored record data keys moved from {@code fromKey} to {@code toKey} (this stack's
 * record-data key) and those that were under it already (a re-run, or a resumed run).
 */
public record RekeyOutcome(String fromKey, String toKey, int rewrapped, int alreadyThere) {

  /** The function's answer, as the command line reads it back. */
  public Map<String, Object> toResponse() {
    return Map.of("fromKey", fromKey, "toKey", toKey, "rewrapped", rewrapped, "alreadyThere", alreadyThere);
  }

  /** @throws IllegalArgumentException when the answer lacks a field */
  public static RekeyOutcome fromResponse(Map<String, Object> response) {
    try {
      return new RekeyOutcome((String) response.get("fromKey"), (String) response.get("toKey"),
          ((Number) response.get("rewrapped")).intValue(), ((Number) response.get("alreadyThere")).intValue());
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("the rekey function answered without fromKey, toKey, rewrapped and alreadyThere: "
          + response.keySet(), e);
    }
  }
}
