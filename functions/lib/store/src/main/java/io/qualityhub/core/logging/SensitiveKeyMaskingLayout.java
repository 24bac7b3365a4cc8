package io.qualityhub.core.logging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qualityhub.core.format.Column;
import io.qualityhub.core.format.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;

/**
 * A guard around a JSON layout: any field, at any depth, whose name is that of a sensitive column
 * (in any spelling: {@code customer_id_no}, {@code customerIdNo}, {@code CUSTOMER-ID-NO}) has its
 * value replaced by {@value #MASK} before the line is written, and so has any run of text shaped
 * like an ID number or a mobile phone number, in any field ({@link SensitiveValueShapes}). Code
 * never logs such keys or values on purpose; this catches the day someone does, in messages,
 * structured arguments, MDC or nested maps alike.
 *
 * <pre>{@code
 * <SensitiveKeyMaskingLayout additionalKeys="address,email">
 *   <JsonTemplateLayout eventTemplateUri="classpath:LambdaJsonLayout.json"/>
 * </SensitiveKeyMaskingLayout>
 * }</pre>
 */
@Plugin(name = "SensitiveKeyMaskingLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class SensitiveKeyMaskingLayout extends AbstractStringLayout {

  public static final String MASK = "***";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringLayout inner;
  private final Set<String> sensitiveKeys;

  private SensitiveKeyMaskingLayout(StringLayout inner, Set<String> sensitiveKeys) {
    super(StandardCharsets.UTF_8);
    this.inner = inner;
    this.sensitiveKeys = Set.copyOf(sensitiveKeys);
  }

  @PluginFactory
  public static SensitiveKeyMaskingLayout create(@PluginElement("Layout") Layout<?> layout,
      @PluginAttribute("additionalKeys") String additionalKeys) {
    if (!(layout instanceof StringLayout stringLayout)) {
      throw new IllegalArgumentException("SensitiveKeyMaskingLayout wraps one JSON layout that writes text, e.g. JsonTemplateLayout");
    }
    Set<String> keys = new HashSet<>();
    for (RecordType type : RecordType.values()) {
      type.columns().stream().filter(Column::sensitive).map(Column::name).map(SensitiveKeyMaskingLayout::normalised).forEach(keys::add);
    }
    if (additionalKeys != null) {
      for (String key : additionalKeys.split(",")) {
        if (!key.isBlank()) {
          keys.add(normalised(key));
        }
      }
    }
    return new SensitiveKeyMaskingLayout(stringLayout, keys);
  }

  /** The key names masked, normalised: lower case, letters and digits only. */
  public Set<String> sensitiveKeys() {
    return sensitiveKeys;
  }

  @Override
  public String toSerializable(LogEvent event) {
    String line = inner.toSerializable(event);
    int end = line.length();
    while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    try {
      JsonNode tree = JSON.readTree(line.substring(0, end));
      return mask(tree) ? JSON.writeValueAsString(tree) + line.substring(end) : line;
    } catch (JsonProcessingException e) {
      // Not JSON after all: the safe way out is to write nothing of it.
      return "{\"message\":\"log line withheld: the layout did not produce JSON\"}" + line.substring(end);
    }
  }

  /** Masks in place; returns whether anything was masked. */
  private boolean mask(JsonNode node) {
    boolean masked = false;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (sensitiveKeys.contains(normalised(name))) {
          object.set(name, TextNode.valueOf(MASK));
          masked = true;
        } else if (value.isTextual()) {
          JsonNode shaped = withShapesMasked(value);
          object.set(name, shaped);
          masked |= shaped != value;
        } else {
          masked |= mask(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode element = array.get(i);
        if (element.isTextual()) {
          JsonNode shaped = withShapesMasked(element);
          array.set(i, shaped);
          masked |= shaped != element;
        } else {
          masked |= mask(element);
        }
      }
    }
    return masked;
  }

  /** The text with ID-number and phone shapes masked; the same node when it holds none. */
  private static JsonNode withShapesMasked(JsonNode text) {
    String shaped = SensitiveValueShapes.mask(text.asText());
    return shaped.equals(text.asText()) ? text : TextNode.valueOf(shaped);
  }

  private static String normalised(String key) {
    StringBuilder kept = new StringBuilder(key.length());
    for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  @Override
  public Map<String, String> getContentFormat() {
    return inner.getContentFormat();
  }

  @Override
  public String getContentType() {
    return inner.getContentType();
  }
}
