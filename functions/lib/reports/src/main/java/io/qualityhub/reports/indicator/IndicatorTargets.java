package io.qualityhub.reports.indicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qualityhub.core.policy.JsonChecker;
import io.qualityhub.core.policy.PolicyJson;
import io.qualityhub.core.policy.UnreadablePolicyException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured target of each indicator, from {@code indicator-targets.json} and a deployment's override over it
 * ({@link #withOverride}). A key is an indicator id or a family id (which then applies to each member without its own
 * entry). The document is validated as a whole on load and every problem is reported at once with its JSON path.
 */
public final class IndicatorTargets {

    public static final String DEFAULT_RESOURCE = "/indicator-targets.json";

    private static final List<String> ROOT_FIELDS = List.of("version", "description", "indicators");
    private static final List<String> ENTRY_FIELDS = List.of("target", "amberMargin", "trendTolerance");

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
        return validate(packaged(), DEFAULT_RESOURCE, new JsonChecker());
    }

    /**
     * The packaged targets with a deployment's override laid over them as an RFC 7386 merge patch (the configuration
     * store's {@code indicator-targets}): an indicator the override names gets the override's entry, {@code null}
     * removes its target, every other indicator keeps the packaged one. The override carries its own version.
     *
     * @param sourceName names the override in error messages
     */
    public static IndicatorTargets withOverride(InputStream override, String sourceName) {
        ObjectNode base = packaged();
        ObjectNode merged;
        try {
            merged = PolicyJson.readOverride(base, override);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidIndicatorTargetsException(sourceName, List.of(unreadable.problem().toString()));
        }
        JsonChecker check = new JsonChecker();
        PolicyJson.overrideVersionProblem(base, merged, "the packaged targets'", "-local",
                "reports record which targets rated them").ifPresent(problem -> check.problem(problem.path(),
                problem.what() + "; " + problem.whatToDo()));
        return validate(merged, DEFAULT_RESOURCE + " overridden by " + sourceName, check);
    }

    /**
     * A whole targets document on its own, as a report snapshot keeps it ({@link #document()}).
     *
     * @param sourceName names the document in error messages
     */
    public static IndicatorTargets load(InputStream json, String sourceName) {
        try {
            return validate(PolicyJson.readDocument(json), sourceName, new JsonChecker());
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidIndicatorTargetsException(sourceName, List.of(unreadable.problem().toString()));
        }
    }

    private static ObjectNode packaged() {
        try (InputStream in = IndicatorTargets.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidIndicatorTargetsException(DEFAULT_RESOURCE,
                        List.of("the resource is missing from the function package; rebuild functions/lib/reports"));
            }
            return PolicyJson.readDocument(in);
        } catch (UnreadablePolicyException unreadable) {
            throw new InvalidIndicatorTargetsException(DEFAULT_RESOURCE, List.of(unreadable.problem().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_RESOURCE, e);
        }
    }

    private static IndicatorTargets validate(ObjectNode root, String sourceName, JsonChecker check) {
        check.onlyKeys(root, "$", ROOT_FIELDS);
        String version = check.text(root, "$", "version",
                "add e.g. \"2026-12-1\" and change it with every change of a target");
        Map<String, IndicatorTarget> targets = new HashMap<>();
        JsonNode indicators = check.object(root, "$", "indicators",
                "add an object of indicator id -> {target, amberMargin[, trendTolerance]}");
        if (indicators != null) {
            JsonChecker.forEachField(indicators, (key, entry) -> parseEntry(key, entry, targets, check));
        }
        if (check.hasProblems()) {
            throw new InvalidIndicatorTargetsException(sourceName, check.problems());
        }
        return new IndicatorTargets(version, targets, root.toString());
    }

    /** The indicator's own target, else its family's; empty when neither is configured. */
    public Optional<IndicatorTarget> targetFor(IndicatorDefinition definition) {
        IndicatorTarget own = byKey.get(definition.id());
        return Optional.ofNullable(own != null ? own : byKey.get(definition.family()));
    }

    private static void parseEntry(String key, JsonNode entry, Map<String, IndicatorTarget> targets,
                                   JsonChecker check) {
        String path = JsonChecker.at("$.indicators", key);
        Optional<IndicatorDefinition> member = IndicatorCatalogue.all().stream()
                .filter(definition -> definition.id().equals(key) || definition.family().equals(key))
                .findFirst();
        if (member.isEmpty()) {
            check.problem(path, "not an indicator or family id; use one of "
                    + String.join(", ", IndicatorCatalogue.targetableIds()));
            return;
        }
        if (!entry.isObject()) {
            check.problem(path, "must be an object {target, amberMargin[, trendTolerance]}");
            return;
        }
        check.onlyKeys(entry, path, ENTRY_FIELDS);
        Double target = number(check, entry, path, "target", "add the target in the indicator's unit");
        Double amberMargin = number(check, entry, path, "amberMargin", "add how far below target is still AMBER");
        Double trendTolerance = entry.has("trendTolerance")
                ? number(check, entry, path, "trendTolerance", "add the change still reported as STEADY") : null;
        if (target == null || amberMargin == null || (entry.has("trendTolerance") && trendTolerance == null)) {
            return;
        }
        boolean usable = true;
        Unit unit = member.get().unit();
        if (unit == Unit.PERCENT && (target < 0 || target > 100)) {
            check.problem(path + ".target", "is a percentage and must lie in 0-100, was " + target);
            usable = false;
        } else if (unit == Unit.SCORE && (target < 1 || target > 5)) {
            check.problem(path + ".target", "is a survey score and must lie in 1-5, was " + target);
            usable = false;
        } else if (target < 0) {
            check.problem(path + ".target", "cannot be negative, was " + target);
            usable = false;
        }
        if (amberMargin < 0) {
            check.problem(path + ".amberMargin", "cannot be negative, was " + amberMargin);
            usable = false;
        }
        if (trendTolerance != null && trendTolerance < 0) {
            check.problem(path + ".trendTolerance", "cannot be negative, was " + trendTolerance);
            usable = false;
        }
        if (usable) {
            targets.put(key, new IndicatorTarget(target, amberMargin, trendTolerance == null ? 0 : trendTolerance));
        }
    }

    /** A number a double can hold: 1e400 is read exactly as JSON but has no rating to compare with. */
    private static Double number(JsonChecker check, JsonNode entry, String path, String field, String whatToAdd) {
        BigDecimal exact = check.number(entry, path, field, whatToAdd);
        if (exact == null) {
            return null;
        }
        double value = exact.doubleValue();
        if (!Double.isFinite(value)) {
            check.problem(JsonChecker.at(path, field), "must be a finite number, was " + exact);
            return null;
        }
        return value;
    }
}
