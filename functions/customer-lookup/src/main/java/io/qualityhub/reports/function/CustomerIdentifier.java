package io.qualityhub.reports.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qualityhub.core.store.BlindIndexedColumn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a customer is looked up by: the blind-indexed column and the value given for it. */
record CustomerIdentifier(BlindIndexedColumn column, String value) {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** An ID or phone number is a few characters; the bound keeps a hostile body from costing memory or time. */
  private static final int MAX_BODY_CHARS = 4096;
  /** The body's field for each identifier a customer can be looked up by. */
  private static final Map<String, BlindIndexedColumn> FIELDS = Map.of(
      "idNo", BlindIndexedColumn.ID_NUMBER,
      "phone", BlindIndexedColumn.PHONE);

  @Override
  public String toString() {
    return "Identifier[" + column.column() + "]"; // never the value, wherever a record is printed
  }

  /**
   * The identifier of the request body ({@code base64} when API Gateway encoded it): exactly one of {@code idNo} and
   * {@code phone}, a non-blank string; otherwise none. A body that is not the JSON asked for counts as none: a parser's
   * message could quote the value, so it is never passed on.
   */
  static Optional<CustomerIdentifier> ofBody(String body, boolean base64) {
    if (body == null || body.length() > MAX_BODY_CHARS) {
      return Optional.empty();
    }
    try {
      String text = base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
      JsonNode json = JSON.readTree(text);
      List<CustomerIdentifier> given = new ArrayList<>();
      FIELDS.forEach((field, column) -> {
        JsonNode value = json == null ? null : json.get(field);
        if (value != null) {
          given.add(new CustomerIdentifier(column, value.isTextual() ? value.asText() : ""));
        }
      });
      return given.size() == 1 && !given.get(0).value().isBlank() ? Optional.of(given.get(0)) : Optional.empty();
    } catch (JsonProcessingException | IllegalArgumentException notTheJsonAskedFor) {
      return Optional.empty();
    }
  }
}
