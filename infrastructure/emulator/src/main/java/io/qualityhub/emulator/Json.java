package io.qualityhub.emulator;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small conversions from resolved template properties to the strings and numbers the SDK wants. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** A document property (policy, redrive policy, filter policy) as the JSON string the APIs take; strings pass as they are. */
    static String document(JsonNode node, String where) {
        if (node.isTextual()) {
            return node.asText();
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new TemplateException(where + ": cannot write the document as JSON.", e);
        }
    }

    static JsonNode parse(String json, String where) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TemplateException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** CloudFormation accepts "true"/"false" strings wherever it takes a boolean. */
    static boolean bool(JsonNode node) {
        return node != null && (node.isBoolean() ? node.booleanValue() : "true".equalsIgnoreCase(node.asText()));
    }

    static Integer integer(JsonNode node, String where) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Integer.valueOf(node.asText());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": expected a whole number, got " + node + ".", e);
        }
    }

    static Long longValue(JsonNode node, String where) {
        Integer value = integer(node, where);
        return value == null ? null : value.longValue();
    }

    /** A property that is a list, or a single value standing for a list of one. */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }
}
