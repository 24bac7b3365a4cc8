package io.qualityhub.reports.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured target of each indicator, from {@code indicator-targets.json}. A key is an
 * indicator id or a family id (which then applies to each member without its own entry). The file
 * is validated as a whole on load and every problem is reported at once.
 */
public final class IndicatorTargets {

    public static final String DEFAULT_RESOURCE = "/indicator-targets.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ROOT_FIELDS = Set.of("version", "description", "indicators");
    private static final Set<String> ENTRY_FIELDS = Set.of("target", "amberMargin", "trendTolerance");

    private final String version;
    private final Map<String, IndicatorTarget> byKey;
    private final String document;

    private IndicatorTargets(String version, Map<String, IndicatorTarget> byKey, String document) {
        this.version = version;
        this.byKey = Map.copyOf(byKey);
        this.document = document;
    }

    /** No targets at all, under version {@code none}. */
    public static IndicatorTargets none() {
        return new IndicatorTargets("none", Map.of(), "{\"version\":\"none\",\"indicators\":{}}");
    }

    /**
     * The document these targets were loaded from, as compact JSON: what a report snapshot keeps of its definitions,
     * so that {@link #load} of it gives the same targets again whatever the file or store says later.
     */
    public String document() {
        return document;
    }

    /**
     * The version the file declares, like the deadline policy's and the sampling plan's: what a report records of
     * the targets it rated against. Change it with every change of a target.
     */
    public String version() {
        return version;
    }

    /** The targets packaged with the function. */
    public static IndicatorTargets loadDefault() {
        try (InputStream in = IndicatorTargets.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidIndicatorTargetsException(DEFAULT_RESOURCE,
                        List.of("the resource is missing from the function package; rebuild functions/lib/reports"));
            }
            return load(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_RESOURCE, e);
        }
    }

    /** @param sourceName names the file in error messages */
    public static IndicatorTargets load(InputStream json, String sourceName) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's stream limits (nesting depth, number length) come without a location.
            throw new InvalidIndicatorTargetsException(sourceName, List.of("not valid JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ": "
                    + e.getOriginalMessage()));
        } catch (CharConversionException e) {
            // Bytes that look like UTF-16/32 but are not: a broken file, not a failed read.
            throw new InvalidIndicatorTargetsException(sourceName,
                    List.of("not valid JSON: the text is not UTF-8, UTF-16 or UTF-32 (" + e.getMessage() + ")"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + sourceName, e);
        }
        List<String> problems = new ArrayList<>();
        Map<String, IndicatorTarget> targets = new HashMap<>();
        String version = null;
        if (root == null || !root.isObject()) {
            problems.add("the file must hold a JSON object with an 'indicators' object");
        } else {
            root.fieldNames().forEachRemaining(field -> {
                if (!ROOT_FIELDS.contains(field)) {
                    problems.add("unknown top-level field '" + field + "'; allowed: " + ROOT_FIELDS);
                }
            });
            JsonNode declared = root.get("version");
            if (declared == null || !declared.isTextual() || declared.asText().isBlank()) {
                problems.add("the file needs a 'version' string, e.g. \"2026-12-1\"; change it with every change of a target");
            } else {
                version = declared.asText();
            }
            JsonNode indicators = root.get("indicators");
            if (indicators == null || !indicators.isObject()) {
                problems.add("'indicators' must be an object of indicator id -> {target, amberMargin[, trendTolerance]}");
            } else {
                indicators.properties().forEach(entry -> parseEntry(entry.getKey(), entry.getValue(), targets, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidIndicatorTargetsException(sourceName, problems);
        }
        return new IndicatorTargets(version, targets, root.toString());
    }

    /** The indicator's own target, else its family's; empty when neither is configured. */
    public Optional<IndicatorTarget> targetFor(IndicatorDefinition definition) {
        IndicatorTarget own = byKey.get(definition.id());
        return Optional.ofNullable(own != null ? own : byKey.get(definition.family()));
    }

    private static void parseEntry(String key, JsonNode entry, Map<String, IndicatorTarget> targets,
                                   List<String> problems) {
        Optional<IndicatorDefinition> member = IndicatorCatalogue.all().stream()
                .filter(definition -> definition.id().equals(key) || definition.family().equals(key))
                .findFirst();
        if (member.isEmpty()) {
            problems.add("'" + key + "' is not an indicator or family id; known ids: "
                    + String.join(", ", IndicatorCatalogue.targetableIds()));
            return;
        }
        if (!entry.isObject()) {
            problems.add("'" + key + "' must be an object {target, amberMargin[, trendTolerance]}");
            return;
        }
        entry.fieldNames().forEachRemaining(field -> {
            if (!ENTRY_FIELDS.contains(field)) {
                problems.add("'" + key + "' has unknown field '" + field + "'; allowed: " + ENTRY_FIELDS);
            }
        });
        int before = problems.size();
        Double target = number(key, entry, "target", true, problems);
        Double amberMargin = number(key, entry, "amberMargin", true, problems);
        Double trendTolerance = number(key, entry, "trendTolerance", false, problems);
        if (problems.size() > before) {
            return;
        }
        Unit unit = member.get().unit();
        if (unit == Unit.PERCENT && (target < 0 || target > 100)) {
            problems.add("'" + key + "': target " + target + " is a percentage and must lie in 0-100");
        } else if (unit == Unit.SCORE && (target < 1 || target > 5)) {
            problems.add("'" + key + "': target " + target + " is a survey score and must lie in 1-5");
        } else if (target < 0) {
            problems.add("'" + key + "': target " + target + " cannot be negative");
        }
        if (amberMargin < 0) {
            problems.add("'" + key + "': amberMargin " + amberMargin + " cannot be negative");
        }
        if (trendTolerance != null && trendTolerance < 0) {
            problems.add("'" + key + "': trendTolerance " + trendTolerance + " cannot be negative");
        }
        if (problems.size() == before) {
            targets.put(key, new IndicatorTarget(target, amberMargin, trendTolerance == null ? 0 : trendTolerance));
        }
    }

    private static Double number(String key, JsonNode entry, String field, boolean required, List<String> problems) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add("'" + key + "' needs a numeric '" + field + "'");
            }
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            problems.add("'" + key + "': '" + field + "' must be a finite number, got " + value);
            return null;
        }
        return value.asDouble();
    }
}
