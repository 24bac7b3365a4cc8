package io.qualityhub.core.policy;

import io.qualityhub.core.format.WireNamed;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a policy document (parsed by {@link PolicyJson}) field by field, collecting every problem with the JSON path it was found at, so a
 * person fixing the file sees all mistakes at once rather than one per deployment. Each reader returns {@code null}
 * when the field is unusable; callers build their value only when {@link #problems()} stays empty.
 */
public final class JsonChecker {

    private final List<String> problems = new ArrayList<>();

    public static String at(String parentPath, String key) {
        return parentPath + "." + key;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void problem(String path, String message) {
        problems.add(path + ": " + message);
    }

    public void onlyKeys(JsonNode object, String path, Collection<String> allowed) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                problem(at(path, name), "unknown key; expected one of " + String.join(", ", allowed)
                        + " (check the spelling)");
            }
        }
    }

    public JsonNode object(JsonNode parent, String parentPath, String key, String whatToAdd) {
        JsonNode node = present(parent, parentPath, key, whatToAdd);
        if (node != null && !node.isObject()) {
            problem(at(parentPath, key), "must be an object; " + whatToAdd);
            return null;
        }
        return node;
    }

    public JsonNode array(JsonNode parent, String parentPath, String key, String whatToAdd) {
        JsonNode node = present(parent, parentPath, key, whatToAdd);
        if (node != null && !node.isArray()) {
            problem(at(parentPath, key), "must be an array; " + whatToAdd);
            return null;
        }
        return node;
    }

    public String text(JsonNode parent, String parentPath, String key, String whatToAdd) {
        JsonNode node = present(parent, parentPath, key, whatToAdd);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(at(parentPath, key), "must be a non-empty string; " + whatToAdd);
            return null;
        }
        return node.asText();
    }

    /** An optional string; empty when absent. */
    public String optionalText(JsonNode parent, String parentPath, String key) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return "";
        }
        if (!node.isTextual()) {
            problem(at(parentPath, key), "must be a string when present");
            return null;
        }
        return node.asText();
    }

    public Integer wholeNumber(JsonNode parent, String parentPath, String key, int min, int max) {
        String rule = "a whole number from " + min + " to " + max;
        JsonNode node = present(parent, parentPath, key, "add " + rule);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            problem(at(parentPath, key), "must be " + rule + ", was " + node);
            return null;
        }
        return node.intValue();
    }

    public BigDecimal number(JsonNode parent, String parentPath, String key, String whatToAdd) {
        JsonNode node = present(parent, parentPath, key, whatToAdd);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            problem(at(parentPath, key), "must be a number; " + whatToAdd + ", was " + node);
            return null;
        }
        return node.decimalValue();
    }

    public <E extends Enum<E> & WireNamed> E wireValue(JsonNode parent, String parentPath, String key, Class<E> type) {
        String value = text(parent, parentPath, key, "use one of " + WireNamed.accepted(type));
        if (value == null) {
            return null;
        }
        try {
            return WireNamed.parse(type, key, value);
        } catch (IllegalArgumentException unknown) {
            problem(at(parentPath, key), "'" + value + "' is not one of " + WireNamed.accepted(type));
            return null;
        }
    }

    /** Visits each field of an object in document order. */
    public static void forEachField(JsonNode object, BiConsumer<String, JsonNode> visitor) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            visitor.accept(field.getKey(), field.getValue());
        }
    }

    private JsonNode present(JsonNode parent, String parentPath, String key, String whatToAdd) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problem(at(parentPath, key), "missing; " + whatToAdd);
            return null;
        }
        return node;
    }
}
