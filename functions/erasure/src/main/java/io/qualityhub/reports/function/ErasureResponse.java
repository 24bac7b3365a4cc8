package io.qualityhub.reports.function;

import io.qualityhub.core.store.ErasureResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The erasure function's answer: an {@link ErasureResult} as JSON members, and back for the command line that invoked
 * it. Ids, object keys and counts only.
 */
public final class ErasureResponse {

  private ErasureResponse() {}

  public static Map<String, Object> of(ErasureResult result) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("requestId", result.requestId());
    response.put("erasedAt", result.erasedAt().toString());
    response.put("completed", result.completed());
    response.put("resumed", result.resumed());
    response.put("itemsErased", result.itemsErased());
    response.put("itemsFailingIntegrity", result.itemsFailingIntegrity());
    response.put("linkedItemsErased", result.linkedItemsErased());
    response.put("statesCleaned", result.statesCleaned());
    response.put("uploadsRewritten", result.uploadsRewritten());
    response.put("uploadVersionsDeleted", result.uploadVersionsDeleted());
    response.put("uploadsHoldingValues", result.uploadsHoldingValues());
    response.put("uploadsAwaitingIntake", result.uploadsAwaitingIntake());
    return response;
  }

  /**
   * The result a response describes.
   *
   * @throws IllegalArgumentException when a member is missing or of another type: the function and the command line
   *     are of different versions
   */
  public static ErasureResult result(Map<String, ?> response) {
    try {
      return new ErasureResult(text(response, "requestId"), Instant.parse(text(response, "erasedAt")),
          count(response, "itemsErased"), count(response, "itemsFailingIntegrity"), count(response, "linkedItemsErased"),
          count(response, "statesCleaned"), count(response, "uploadsRewritten"), count(response, "uploadVersionsDeleted"),
          texts(response, "uploadsHoldingValues"), texts(response, "uploadsAwaitingIntake"),
          Boolean.TRUE.equals(response.get("resumed")));
    } catch (ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("the erasure function answered in a form this command line does not know ("
          + e.getClass().getSimpleName() + "); deploy the command line's version of the stack", e);
    }
  }

  private static String text(Map<String, ?> response, String member) {
    return (String) java.util.Objects.requireNonNull(response.get(member), member);
  }

  private static int count(Map<String, ?> response, String member) {
    return ((Number) java.util.Objects.requireNonNull(response.get(member), member)).intValue();
  }

  private static List<String> texts(Map<String, ?> response, String member) {
    List<?> values = (List<?>) java.util.Objects.requireNonNull(response.get(member), member);
    return values.stream().map(value -> (String) value).toList();
  }
}
