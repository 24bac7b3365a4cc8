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
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one loader every policy document (deadline policy, sampling plan, indicator targets, recipients, upload
 * calendar, branch directory) goes through before its own schema is checked ({@link JsonChecker}): the JSON read
 * strictly (a duplicate key, trailing content or a document that is not an object is refused, decimals are exact),
 * and either read on its own ({@link #readDocument}) or laid over the packaged document as an RFC 7386 merge patch
 * with its own version ({@link #readOverride}). In both, {@code null} means "not there": in an override it removes the
 * packaged key, in a document on its own it is the same as leaving the key out. Each document's own rules stay with
 * its domain. Decision 0024.
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
   * A document that stands alone (no packaged document under it), read strictly; {@code null} members are dropped as
   * a merge patch over nothing drops them.
   *
   * @throws UnreadablePolicyException at {@code $} when it is not JSON or not an object
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static ObjectNode readDocument(InputStream in) throws UnreadablePolicyException {
    return (ObjectNode) mergePatch(null, readObject(in, "$"));
  }

  /**
   * A deployment's override laid over {@code base} (the packaged document) as an RFC 7386 merge patch. The override
   * must carry its own {@code version} ({@link #overrideVersionProblem}).
   *
   * @throws UnreadablePolicyException at {@code $ (override)} when the override is not JSON or not an object
   * @throws UncheckedIOException when the stream cannot be read
   */
  public static ObjectNode readOverride(JsonNode base, InputStream override) throws UnreadablePolicyException {
    return (ObjectNode) mergePatch(base, readObject(override, "$ (override)"));
  }

  /**
   * Whether an override failed to give itself a version of its own, so that what the document produces would not say
   * which version applied: empty when {@code merged} has a version string other than {@code base}'s.
   *
   * @param baseName      how the problem names the base, e.g. "the defaults'"
   * @param exampleSuffix added to the base's version in the example, e.g. "-tpe-pilot"
   * @param recording     what records the version, e.g. "alerts record which policy applied"
   */
  public static Optional<PolicyProblem> overrideVersionProblem(JsonNode base, JsonNode merged,
      String baseName, String exampleSuffix, String recording) {
    String baseVersion = base.path("version").asText();
    JsonNode version = merged.get("version");
    if (version != null && version.isTextual() && !version.asText().equals(baseVersion)) {
      return Optional.empty();
    }
    return Optional.of(new PolicyProblem("$.version (override)", "missing or equal to " + baseName
        + " version \"" + baseVersion + "\"", "give the override its own version, e.g. \"" + baseVersion
        + exampleSuffix + "\", so that " + recording));
  }

  private static ObjectNode readObject(InputStream in, String path) throws UnreadablePolicyException {
    JsonNode tree;
    try {
      tree = parse(in);
    } catch (JsonProcessingException | CharConversionException malformed) {
      throw new UnreadablePolicyException(new PolicyProblem(path, describeMalformed(malformed),
          "correct the JSON there"), malformed);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("could not read a policy document", unreadable);
    }
    if (tree == null || !tree.isObject()) {
      throw new UnreadablePolicyException(new PolicyProblem(path, "must be a JSON object, was "
          + (tree == null || tree.isMissingNode() ? "empty" : tree.getNodeType().name().toLowerCase(Locale.ROOT)),
          "write the document as one JSON object {...}"), null);
    }
    return (ObjectNode) tree;
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
