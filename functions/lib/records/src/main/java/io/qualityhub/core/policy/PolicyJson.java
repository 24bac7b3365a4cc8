package io.qualityhub.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * What every policy document (deadline policy, sampling plan, recipients, calendars, directories) shares before its
 * own schema is checked: reading the JSON strictly and laying a deployment's override over the packaged document as
 * an RFC 7386 merge patch. Each document's own rules stay with its domain.
 */
public final class PolicyJson {

  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private PolicyJson() {}

  /** Parses JSON rejecting duplicate keys and trailing content, reading decimals exactly. */
  public static JsonNode parse(InputStream in) throws IOException {
    try {
      return STRICT.readTree(in);
    } catch (NumberFormatException outOfRange) {
      // Reading decimals exactly, Jackson throws this bare for a number its BigDecimal parser refuses (an
      // exponent past an int, as in 1e-99999999999); the message quotes the number, so it is cut short.
      String detail = String.valueOf(outOfRange.getMessage());
      throw new JsonParseException(null, "a number is out of range ("
          + (detail.length() <= 200 ? detail : detail.substring(0, 200) + "...") + ")", outOfRange);
    }
  }

  /**
   * Why a document could not be parsed, with its position when the parser knows it. Jackson's stream limits (nesting
   * depth, number length) are reported without a location, and text that is not in a Unicode encoding fails before
   * any JSON is read, as a {@link CharConversionException} rather than a {@link JsonProcessingException}.
   */
  public static String describeMalformed(IOException malformed) {
    if (malformed instanceof JsonProcessingException json) {
      JsonLocation location = json.getLocation();
      return "not valid JSON" + (location == null ? "" : " at line " + location.getLineNr() + ", column "
          + location.getColumnNr()) + ": " + json.getOriginalMessage();
    }
    return "not valid JSON: the text is not UTF-8, UTF-16 or UTF-32 (" + malformed.getMessage() + ")";
  }

  /**
   * {@code patch} applied to {@code target} as RFC 7386 says: objects merge key by key, {@code null} removes a key,
   * anything else (arrays included) replaces what was there. Neither argument is changed.
   */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode merged = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : STRICT.createObjectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        merged.remove(field.getKey());
      } else {
        merged.set(field.getKey(), mergePatch(merged.get(field.getKey()), field.getValue()));
      }
    }
    return merged;
  }
}
