package io.qualityhub.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The differences between two JSON documents, one line per JSON path: {@code + path: value} added,
 * {@code - path: value} removed, {@code ~ path: old -> new} changed. Objects are compared key by
 * key; any other value (arrays included) as a whole, as the policy loaders merge them.
 */
final class JsonDiff {

  private JsonDiff() {}

  static List<String> lines(JsonNode before, JsonNode after) {
    List<String> lines = new ArrayList<>();
    compare("$", before, after, lines);
    return lines;
  }

  private static void compare(String path, JsonNode before, JsonNode after, List<String> lines) {
    if (before.isObject() && after.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String child = path + "." + key;
        if (!after.has(key)) {
          lines.add("- " + child + ": " + before.get(key));
        } else if (!before.has(key)) {
          lines.add("+ " + child + ": " + after.get(key));
        } else {
          compare(child, before.get(key), after.get(key), lines);
        }
      }
    } else if (!before.equals(after)) {
      lines.add("~ " + path + ": " + before + " -> " + after);
    }
  }
}
