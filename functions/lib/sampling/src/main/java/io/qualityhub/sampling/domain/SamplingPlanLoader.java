package io.qualityhub.sampling.domain;

import io.qualityhub.core.format.RecordType;
import io.qualityhub.core.policy.PolicyJson;
import io.qualityhub.core.policy.PolicyProblem;
import io.qualityhub.core.policy.UnreadablePolicyException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates a sampling plan. A deployment may override the packaged plan with a JSON merge patch
 * (RFC 7386: objects merge key by key, {@code null} removes a key, arrays such as {@code riskRules} are replaced
 * whole); the override must carry its own {@code version} so every sample names the plan that drew it.
 * Every problem is reported at once, each with its JSON path and what to do about it.
 */
public final class SamplingPlanLoader {

    public static final String DEFAULT_RESOURCE = "sampling-plan.json";

    // A list, so problems come out in the same order on every run.
    private static final List<String> REQUIRED_TYPES = Stream.of(RecordType.SALES, RecordType.UNDERWRITING,
            RecordType.CLAIMS, RecordType.COMPLAINTS).map(RecordType::wireName).toList();
    private static final Set<String> OPTIONAL_TYPES = Set.of(RecordType.FOLLOWUPS.wireName());
    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final double MAX_WEIGHT = 100;

    private SamplingPlanLoader() {
    }

    /** The plan packaged with QualityHub ({@value #DEFAULT_RESOURCE} on the class path). */
    public static SamplingPlan loadDefault() {
        return parse(packagedPlanJson(), DEFAULT_RESOURCE);
    }

    /** The packaged plan with a deployment's merge patch applied. */
    public static SamplingPlan loadDefaultWithOverride(String overrideJson, String overrideSource) {
        return parse(packagedPlanJson(), DEFAULT_RESOURCE, overrideJson, overrideSource);
    }

    public static SamplingPlan parse(String planJson, String source) {
        return validate(readDocument(planJson, source), source);
    }

    public static SamplingPlan parse(String baseJson, String baseSource, String overrideJson, String overrideSource) {
        JsonNode base = readDocument(baseJson, baseSource);
        JsonNode merged;
        try {
            merged = PolicyJson.readOverride(base, utf8(overrideJson));
        } catch (UnreadablePolicyException unreadable) {
            throw new SamplingPlanException(overrideSource, List.of(planProblem(unreadable.problem())), unreadable);
        }
        Optional<PolicyProblem> version = PolicyJson.overrideVersionProblem(base, merged, "the packaged plan's",
                "+local", "every sample records which plan drew it");
        if (version.isPresent()) {
            throw new SamplingPlanException(overrideSource, List.of(planProblem(version.get())));
        }
        return validate(merged, baseSource + " overridden by " + overrideSource);
    }

    /** The text of the packaged plan, as samples record it beside the plan that drew them. */
    public static String packagedPlanJson() {
        try (InputStream in = SamplingPlanLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path; the sampling"
                        + " module's jar is incomplete, rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DEFAULT_RESOURCE + " from the class path", e);
        }
    }

    private static JsonNode readDocument(String json, String source) {
        try {
            return PolicyJson.readDocument(utf8(json));
        } catch (UnreadablePolicyException unreadable) {
            throw new SamplingPlanException(source, List.of(planProblem(unreadable.problem())), unreadable);
        }
    }

    private static InputStream utf8(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PlanProblem planProblem(PolicyProblem problem) {
        return new PlanProblem(problem.path(), problem.what(), problem.whatToDo());
    }

    /** Whether the upload format gives a record type a product line to stratify by. */
    private static boolean hasProductLine(String type) {
        return RecordType.fromWireName(type).map(recordType -> recordType.indexOf("product_line") >= 0).orElse(false);
    }

    private static SamplingPlan validate(JsonNode root, String source) {
        Problems problems = new Problems();
        problems.onlyKnownFields(root, "$", Set.of("version", "description", "recordTypes", "doubleScoringShare"));
        double doubleScoringShare = root.has("doubleScoringShare") ? problems.number(root, "$", "doubleScoringShare",
                0, true, 1, "set the share of tasks a second inspector also scores, from 0 to 1, e.g. 0.1")
                : SamplingPlan.DEFAULT_DOUBLE_SCORING_SHARE;
        String version = problems.text(root, "$", "version", "set \"version\" to a label such as \"2026-11-1\"");
        Map<String, RecordTypePlan> types = new LinkedHashMap<>();
        JsonNode recordTypes = root.get("recordTypes");
        if (recordTypes == null || !recordTypes.isObject()) {
            problems.add("$.recordTypes", "is missing or not an object",
                    "add \"recordTypes\" with an entry for each of " + REQUIRED_TYPES);
        } else {
            for (String required : REQUIRED_TYPES) {
                if (!recordTypes.has(required)) {
                    problems.add("$.recordTypes." + required, "is missing",
                            "add a plan for " + required + "; every record type the policy names is sampled");
                }
            }
            for (Map.Entry<String, JsonNode> entry : recordTypes.properties()) {
                String path = "$.recordTypes." + entry.getKey();
                if (!REQUIRED_TYPES.contains(entry.getKey()) && !OPTIONAL_TYPES.contains(entry.getKey())) {
                    problems.add(path, "is not a record type that can be sampled",
                            "use one of sales, underwriting, claims, complaints, followups, or remove it");
                } else {
                    recordTypePlan(entry.getKey(), entry.getValue(), path, problems)
                            .ifPresent(plan -> types.put(plan.recordType(), plan));
                }
            }
        }
        if (!problems.list.isEmpty()) {
            throw new SamplingPlanException(source, problems.list);
        }
        return new SamplingPlan(version, types, doubleScoringShare);
    }

    private static Optional<RecordTypePlan> recordTypePlan(String type, JsonNode node, String path, Problems problems) {
        if (!node.isObject()) {
            problems.add(path, "is not an object", "describe the sampling of " + type + " as a JSON object");
            return Optional.empty();
        }
        int before = problems.list.size();
        problems.onlyKnownFields(node, path, Set.of("period", "baseRate", "minPerStratum", "maxPerStratum",
                "stratifyByProductLine", "team", "inspectionDueDays", "riskRules", "assurance", "effectivenessCheckDays"));
        String periodName = problems.text(node, path, "period", "set it to \"weekly\" or \"monthly\"");
        Optional<PeriodType> period = Optional.ofNullable(periodName).flatMap(PeriodType::fromPlanName);
        if (periodName != null && period.isEmpty()) {
            problems.add(path + ".period", "is \"" + periodName + "\"", "set it to \"weekly\" or \"monthly\"");
        }
        double baseRate = problems.number(node, path, "baseRate", 0, false, 1,
                "set it to the share of records to inspect, above 0 and at most 1, e.g. 0.02");
        Assurance assurance = assurance(node.get("assurance"), path + ".assurance", problems);
        int min = node.has("minPerStratum") || !node.has("assurance")
                ? problems.integer(node, path, "minPerStratum", 1, 1_000_000,
                "set it to the fewest records inspected per branch (and product line), at least 1, or give the"
                        + " type an \"assurance\" that sets the minimum")
                : 1;
        int max = problems.integer(node, path, "maxPerStratum", 1, 1_000_000,
                "set it to the most records inspected per branch (and product line), at least minPerStratum");
        if (max > 0 && min > 0 && max < min) {
            problems.add(path + ".maxPerStratum", "is " + max + ", below minPerStratum " + min,
                    "raise maxPerStratum or lower minPerStratum");
        }
        boolean byProductLine = false;
        JsonNode stratify = node.get("stratifyByProductLine");
        if (stratify != null) {
            if (!stratify.isBoolean()) {
                problems.add(path + ".stratifyByProductLine", "is not true or false", "set it to true or false");
            } else {
                byProductLine = stratify.booleanValue();
                if (byProductLine && !hasProductLine(type)) {
                    problems.add(path + ".stratifyByProductLine", type + " records have no product line",
                            "remove it or set it to false");
                }
            }
        }
        String team = problems.text(node, path, "team", "name the inspection team, e.g. \"claims-quality\"");
        if (team != null && !TEAM.matcher(team).matches()) {
            problems.add(path + ".team", "\"" + team + "\" is not a team name of lower-case letters, digits and '-'",
                    "rename it, e.g. \"claims-quality\" (it names the team's task-list file)");
        }
        int dueDays = problems.integer(node, path, "inspectionDueDays", 1, 366,
                "set it to the days inspectors have after the period ends, 1 to 366");
        int checkDays = node.has("effectivenessCheckDays") ? problems.integer(node, path, "effectivenessCheckDays", 1,
                366, "set it to the days after a corrective action is done by which its effectiveness check is due,"
                        + " 1 to 366") : RecordTypePlan.DEFAULT_EFFECTIVENESS_CHECK_DAYS;
        List<RiskRule> rules = riskRules(node.get("riskRules"), path + ".riskRules", problems);
        if (problems.list.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RecordTypePlan(type, period.orElseThrow(), baseRate, min, max, byProductLine, team,
                dueDays, rules, assurance, checkDays));
    }

    /**
     * {@code {"confidence", "tolerableDeviationRate", "expectedDeviationRate"}}, each defaulting to 95%, 5% and 0%;
     * {@code null} (fixed minimums) when the plan has no assurance.
     */
    private static Assurance assurance(JsonNode node, String path, Problems problems) {
        if (node == null) {
            return null;
        }
        int before = problems.list.size();
        problems.onlyKnownFields(node, path, Set.of("confidence", "tolerableDeviationRate", "expectedDeviationRate"));
        if (!node.isObject()) {
            return null;
        }
        double confidence = node.has("confidence") ? problems.number(node, path, "confidence", 0.5, true, 0.999,
                "set the confidence, e.g. 0.95, from 0.5 to 0.999") : Assurance.DEFAULT_CONFIDENCE;
        double tolerable = node.has("tolerableDeviationRate") ? problems.number(node, path, "tolerableDeviationRate",
                0.01, true, 0.5, "set the highest acceptable deviation rate, e.g. 0.05, from 0.01 to 0.5")
                : Assurance.DEFAULT_TOLERABLE_RATE;
        double expected = node.has("expectedDeviationRate") ? problems.number(node, path, "expectedDeviationRate",
                0, true, 0.25, "set the deviation rate you expect, e.g. 0, at most half the tolerable rate")
                : Assurance.DEFAULT_EXPECTED_RATE;
        if (problems.list.size() > before) {
            return null;
        }
        if (expected > tolerable / 2) {
            problems.add(path + ".expectedDeviationRate", "is " + expected + ", more than half the tolerable rate "
                    + tolerable, "lower it or raise tolerableDeviationRate; beyond half, samples grow without bound");
            return null;
        }
        return new Assurance(confidence, tolerable, expected);
    }

    private static List<RiskRule> riskRules(JsonNode node, String path, Problems problems) {
        List<RiskRule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            problems.add(path, "is not an array", "list the risk rules as a JSON array, or [] for none");
            return rules;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String rulePath = path + "[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                problems.add(rulePath, "is not an object",
                        "write the rule as {\"id\", \"description\", \"weight\", \"when\"}");
                continue;
            }
            int before = problems.list.size();
            problems.onlyKnownFields(rule, rulePath, Set.of("id", "description", "weight", "when"));
            String id = problems.text(rule, rulePath, "id", "give the rule an id such as \"new_salesperson\"");
            if (id != null && !RULE_ID.matcher(id).matches()) {
                problems.add(rulePath + ".id", "\"" + id + "\" is not lower-case letters, digits and '_'",
                        "rename it, e.g. \"new_salesperson\"; it is printed as a reason on each task");
            } else if (id != null && !ids.add(id)) {
                problems.add(rulePath + ".id", "\"" + id + "\" is used by an earlier rule of this record type",
                        "give each rule its own id");
            }
            String description = problems.text(rule, rulePath, "description",
                    "say in a sentence what the rule looks for");
            double weight = problems.number(rule, rulePath, "weight", 1, true, MAX_WEIGHT,
                    "set it to how many times more often such records should be picked, 1 to " + (int) MAX_WEIGHT);
            Optional<RiskCondition> when = condition(rule.get("when"), rulePath + ".when", problems);
            if (problems.list.size() == before && when.isPresent()) {
                rules.add(new RiskRule(id, description, weight, when.get()));
            }
        }
        return rules;
    }

    private static Optional<RiskCondition> condition(JsonNode node, String path, Problems problems) {
        String kinds = "one of anyEquals, tenureBelowMonths, daysBetweenAbove, aboveStratumPercentile,"
                + " staffWithPriorIncidents, repeatViolator, allOf, anyOf";
        if (node == null || !node.isObject() || node.size() != 1) {
            problems.add(path, "is not an object with exactly one condition", "write {\"<kind>\": ...} with " + kinds);
            return Optional.empty();
        }
        String kind = node.fieldNames().next();
        JsonNode body = node.get(kind);
        String at = path + "." + kind;
        int before = problems.list.size();
        Optional<RiskCondition> parsed = switch (kind) {
            case "anyEquals" -> {
                problems.onlyKnownFields(body, at, Set.of("attributes", "values"));
                List<String> attributes = problems.attributes(body, at, "attributes");
                List<String> values = problems.texts(body, at, "values",
                        "list the values that mark the risk, e.g. [\"Y\"]");
                yield Optional.of(new RiskCondition.AnyEquals(attributes, Set.copyOf(values)));
            }
            case "tenureBelowMonths" -> {
                problems.onlyKnownFields(body, at, Set.of("startedOn", "at", "months"));
                String startedOn = problems.attribute(body, at, "startedOn");
                String when = problems.attribute(body, at, "at");
                int months = problems.integer(body, at, "months", 1, 600, "set the tenure in months, 1 to 600");
                yield Optional.of(new RiskCondition.TenureBelowMonths(orEmpty(startedOn), orEmpty(when), months));
            }
            case "daysBetweenAbove" -> {
                problems.onlyKnownFields(body, at, Set.of("from", "to", "days"));
                String from = problems.attribute(body, at, "from");
                String to = problems.attribute(body, at, "to");
                int days = problems.integer(body, at, "days", 0, 3650, "set the allowed days, 0 to 3650");
                yield Optional.of(new RiskCondition.DaysBetweenAbove(orEmpty(from), orEmpty(to), days));
            }
            case "aboveStratumPercentile" -> {
                problems.onlyKnownFields(body, at, Set.of("attribute", "percentile"));
                String attribute = problems.attribute(body, at, "attribute");
                double percentile = problems.number(body, at, "percentile", 0, false, 100,
                        "set the percentile above 0 and at most 100, e.g. 95");
                yield Optional.of(new RiskCondition.AboveStratumPercentile(orEmpty(attribute), percentile));
            }
            case "staffWithPriorIncidents" -> {
                problems.onlyKnownFields(body, at, Set.of("attributes"));
                List<String> attributes = problems.attributes(body, at, "attributes");
                yield Optional.of(new RiskCondition.StaffWithPriorIncidents(attributes));
            }
            case "repeatViolator" -> {
                problems.onlyKnownFields(body, at, Set.of("attributes"));
                List<String> attributes = problems.attributes(body, at, "attributes");
                yield Optional.of(new RiskCondition.RepeatViolator(attributes));
            }
            case "allOf", "anyOf" -> {
                List<RiskCondition> parts = new ArrayList<>();
                if (body == null || !body.isArray() || body.isEmpty()) {
                    problems.add(at, "is not a non-empty array of conditions", "list at least one condition");
                } else {
                    for (int i = 0; i < body.size(); i++) {
                        condition(body.get(i), at + "[" + i + "]", problems).ifPresent(parts::add);
                    }
                }
                yield Optional.of(kind.equals("allOf") ? new RiskCondition.AllOf(parts)
                        : new RiskCondition.AnyOf(parts));
            }
            default -> {
                problems.add(at, "is not a known condition", "use " + kinds);
                yield Optional.empty();
            }
        };
        return problems.list.size() == before ? parsed : Optional.empty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Collects problems while reading; readers return a placeholder after recording a problem. */
    private static final class Problems {
        private final List<PlanProblem> list = new ArrayList<>();

        void add(String path, String problem, String fix) {
            list.add(new PlanProblem(path, problem, fix));
        }

        void onlyKnownFields(JsonNode node, String path, Set<String> known) {
            if (node == null || !node.isObject()) {
                if (!path.equals("$")) {
                    add(path, "is not an object", "write it as a JSON object with the fields " + known);
                }
                return;
            }
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    add(path + "." + name, "is not a field the plan knows", "remove it or correct its spelling;"
                            + " the known fields here are " + new TreeSet<>(known));
                }
            });
        }

        String text(JsonNode parent, String path, String field, String fix) {
            return read(parent, path, field, fix, node -> node.isTextual() && !node.asText().isBlank(),
                    "a non-empty string", JsonNode::asText);
        }

        int integer(JsonNode parent, String path, String field, int min, int max, String fix) {
            Integer value = read(parent, path, field, fix, node -> node.isIntegralNumber() && node.canConvertToInt()
                    && node.intValue() >= min && node.intValue() <= max, "a whole number from " + min + " to " + max,
                    JsonNode::intValue);
            return value == null ? 0 : value;
        }

        double number(JsonNode parent, String path, String field, double min, boolean minInclusive, double max,
                      String fix) {
            Double value = read(parent, path, field, fix, node -> node.isNumber()
                    && (minInclusive ? node.doubleValue() >= min : node.doubleValue() > min)
                    && node.doubleValue() <= max, "a number " + (minInclusive ? "from " : "above ") + plain(min)
                    + (minInclusive ? " to " : " and at most ") + plain(max), JsonNode::doubleValue);
            return value == null ? Double.NaN : value;
        }

        private static String plain(double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }

        List<String> texts(JsonNode parent, String path, String field, String fix) {
            JsonNode node = parent == null ? null : parent.get(field);
            List<String> values = new ArrayList<>();
            if (node == null || !node.isArray() || node.isEmpty()) {
                add(path + "." + field, "is missing or not a non-empty array of strings", fix);
                return values;
            }
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual() || node.get(i).asText().isEmpty()) {
                    add(path + "." + field + "[" + i + "]", "is not a non-empty string", fix);
                } else {
                    values.add(node.get(i).asText());
                }
            }
            return values;
        }

        String attribute(JsonNode parent, String path, String field) {
            String name = text(parent, path, field, "name an upload column, e.g. \"sold_at\"");
            return name == null || checkAttribute(name, path + "." + field) ? name : null;
        }

        List<String> attributes(JsonNode parent, String path, String field) {
            List<String> names = texts(parent, path, field, "list upload column names, e.g. [\"terms_given\"]");
            for (int i = 0; i < names.size(); i++) {
                checkAttribute(names.get(i), path + "." + field + "[" + i + "]");
            }
            return names;
        }

        private boolean checkAttribute(String name, String path) {
            if (!ATTRIBUTE.matcher(name).matches()) {
                add(path, "\"" + name + "\" is not a column name", "use the upload column name, e.g. \"sold_at\"");
                return false;
            }
            if (SensitiveAttributes.isSensitive(name)) {
                add(path, "\"" + name + "\" is a sensitive column, which sampling never reads",
                        "base the rule on non-sensitive columns only");
                return false;
            }
            return true;
        }

        private <T> T read(JsonNode parent, String path, String field, String fix,
                           Predicate<JsonNode> valid, String expected, Function<JsonNode, T> value) {
            JsonNode node = parent == null ? null : parent.get(field);
            if (node == null || node.isNull()) {
                add(path + "." + field, "is missing", fix);
                return null;
            }
            if (!valid.test(node)) {
                add(path + "." + field, "is " + node + ", not " + expected, fix);
                return null;
            }
            return value.apply(node);
        }
    }
}
